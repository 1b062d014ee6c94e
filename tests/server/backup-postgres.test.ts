/**
 * Backup and restore on PostgreSQL (issue 12 point 1): `npm run admin -- backup` and `restore` print
 * the pg_dump and pg_restore commands to run instead of running them; this test runs exactly the
 * commands they print (with the test cluster's own pg_dump/pg_restore), then the `mark-restored`
 * they ask for, and checks the database is the backup's with a new generation.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ServerDb } from '@server/db/connection'
import { openPostgres } from '@server/db/postgres'
import { readEpoch } from '@server/repositories/server-meta'
import { siteSummaries } from '@server/admin/operations'
import { ROOT } from '../support/app-server'
import { admin, runAdmin, type AdminEnv } from '../support/admin-run'
import { binDir } from '../support/postgres-cluster'
import { createPostgresDatabase } from '../support/server-db'

/** The indented command lines of the CLI's message, as an administrator would copy them. */
const commands = (message: string): string[] =>
  message
    .split('\n')
    .filter((l) => /^ {2}\S/.test(l))
    .map((l) => l.trim())

/** Runs a copied command line in a shell, with DATABASE_URL set and the cluster's PostgreSQL tools first on PATH. */
function shell(line: string, url: string): void {
  const r = spawnSync('bash', ['-c', line], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: url, PATH: `${binDir()}:${process.env.PATH}` } })
  if (r.status !== 0) throw new Error(`${line} → exit ${r.status}: ${r.stderr}`)
}

describe('backup and restore on PostgreSQL, with the commands npm run admin prints', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-pgdump-'))
  const dump = path.join(dir, 'deskbook.pgdump')
  let pg: { url: string; drop(): Promise<void> }
  let env: AdminEnv
  let db: ServerDb

  beforeAll(async () => {
    pg = await createPostgresDatabase()
    env = { DATA_DIR: dir, DATABASE_URL: pg.url }
    await admin(['init', '--username', 'admin', '--password-stdin', '--site', '翠苑小区', '--admin-name', '王管理', '--admin-pin', '2580'], env, 'correct-horse-1\n')
    db = openPostgres(pg.url)
  })
  afterAll(async () => {
    await db?.close()
    await pg?.drop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('backs up with the printed pg_dump, restores with the printed pg_restore and mark-restored: the backup state, a new generation', { timeout: 120_000 }, async () => {
    const before = await readEpoch(db.kysely)

    const backup = await runAdmin(['backup', '--to', dump], env)
    expect(backup.code).toBe(1)
    expect(backup.stderr).toContain('PostgreSQL 数据库请用 pg_dump 备份')
    const [pgDump] = commands(backup.stderr)
    expect(pgDump).toMatch(/^pg_dump --format=custom /)
    shell(pgDump!, pg.url)
    expect(fs.statSync(dump).size).toBeGreaterThan(0)

    // After the backup, the company goes on: a second site the restore will take away.
    await admin(['create-site', '--name', '海棠苑', '--admin-name', '李主管', '--admin-pin', '3690'], env)
    expect((await siteSummaries(db)).map((s) => s.name).sort()).toEqual(['海棠苑', '翠苑小区'].sort())

    const restore = await runAdmin(['restore', '--from', dump], env)
    expect(restore.code).toBe(1)
    expect(restore.stderr).toContain('恢复后必须运行 mark-restored,否则平板不会补传备份之后的记录')
    const steps = commands(restore.stderr)
    expect(steps).toEqual([expect.stringMatching(/^pg_restore --clean --if-exists /), 'npm run admin -- mark-restored'])
    await db.close()
    for (const step of steps) shell(step, pg.url)

    db = openPostgres(pg.url)
    expect((await siteSummaries(db)).map((s) => s.name)).toEqual(['翠苑小区'])
    const after = await readEpoch(db.kysely)
    expect(after.serverId).toBe(before.serverId)
    expect(after.generation).not.toBe(before.generation)
    expect(after.restoredAt).not.toBeNull()
  })

  it('marks a database restored on its own, and says what the tablets will do', async () => {
    const before = await readEpoch(db.kysely)
    const out = await admin(['mark-restored'], env)
    expect(out).toContain('已标记为已恢复 (marked restored)')
    expect(out).toContain('每台平板下次同步时会发现服务器已恢复')
    expect((await readEpoch(db.kysely)).generation).not.toBe(before.generation)
  })
})
