/**
 * A backup of a test server's database and a restore of it (issue 12 point 2): SQLite through the
 * server's own online backup and restore placement, PostgreSQL with pg_dump and pg_restore into a new
 * database; either way the restored database then gets a new generation, as `npm run admin -- restore`
 * and the documented PostgreSQL steps give it.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '@server/app'
import { backupSqlite, placeSqliteBackup } from '@server/db/backup'
import { openSqlite, type ServerDb } from '@server/db/connection'
import { openPostgres } from '@server/db/postgres'
import { migrateToLatest } from '@server/db/migrate'
import { startNewGeneration } from '@server/repositories/server-meta'
import { inject } from 'vitest'
import { binDir } from './postgres-cluster'
import { createPostgresDatabase } from './server-db'
import type { TestServer } from './server-fixtures'

export interface Backup {
  file: string
}

/** The connection URL of a test database on the cluster (ServerDb describes it without the user). */
function postgresUrl(db: ServerDb): string {
  const url = new URL(inject('pgAdminUrl'))
  url.pathname = new URL(`postgres://${db.describe}`).pathname
  return url.toString()
}

export async function backUp(server: TestServer): Promise<Backup> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-backup-')), 'backup')
  if (server.db.kind === 'sqlite') await backupSqlite(server.db.describe, file)
  else execFileSync(path.join(binDir(), 'pg_dump'), ['--format=custom', `--file=${file}`, postgresUrl(server.db)])
  return { file }
}

/** Stop the server, put `backup` in place of its database, mark it restored and start it again. */
export async function restore(server: TestServer, backup: Backup): Promise<void> {
  await server.app.close()
  const kind = server.db.kind
  const file = server.db.describe
  let db: ServerDb
  let cleanup = async (): Promise<void> => {}
  if (kind === 'sqlite') {
    await server.db.kysely.destroy()
    placeSqliteBackup(backup.file, file, server.clock.now)
    db = openSqlite(file)
  } else {
    const target = await createPostgresDatabase()
    execFileSync(path.join(binDir(), 'pg_restore'), ['--no-owner', `--dbname=${target.url}`, backup.file])
    db = openPostgres(target.url)
    cleanup = target.drop
  }
  await migrateToLatest(db)
  await startNewGeneration(db.kysely, server.clock.now)
  const previous = server.db
  server.db = db
  server.app = await buildApp({ db, staticDir: '/nonexistent', now: () => server.clock.now })
  // Closing the server now closes the restored database, then removes the original one and the backup.
  server.close = async () => {
    await server.app.close()
    await db.close()
    await previous.close()
    await cleanup()
    fs.rmSync(path.dirname(backup.file), { recursive: true, force: true })
  }
}
