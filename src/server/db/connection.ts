/**
 * One query builder (Kysely) over embedded SQLite by default, PostgreSQL when DATABASE_URL is set.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, sql } from 'kysely'
import { FifoSqliteDialect } from './fifo-sqlite'
import type { Database } from './tables'
import type { ServerDb } from './server-db'

export type { DbKind, ServerDb } from './server-db'

export function openSqlite(file: string): ServerDb {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const kysely = new Kysely<Database>({ dialect: new FifoSqliteDialect({ database: sqlite }) })
  return { kysely, kind: 'sqlite', describe: file, close: () => kysely.destroy() }
}

/**
 * SQLite under `dataDir`, or PostgreSQL when a URL is given: the PostgreSQL driver is loaded only
 * then, so a server on SQLite starts without it (issue 12 point 5: start-up ≤ 1 s).
 */
export async function openDatabase(options: { dataDir: string; databaseUrl: string | null }): Promise<ServerDb> {
  if (!options.databaseUrl) return openSqlite(path.join(options.dataDir, 'deskbook.sqlite'))
  const { openPostgres } = await import('./postgres')
  return openPostgres(options.databaseUrl)
}

/** Can the database be reached? Throws when it cannot (the health check answers 503). */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db)
}
