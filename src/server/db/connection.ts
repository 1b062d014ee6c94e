/**
 * One query builder (Kysely) over embedded SQLite by default, PostgreSQL when DATABASE_URL is set.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { FifoSqliteDialect } from './fifo-sqlite'
import type { Database } from './tables'

// bigint columns hold ms timestamps and change numbers, all below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v))

export type DbKind = 'sqlite' | 'postgres'

export interface ServerDb {
  kysely: Kysely<Database>
  kind: DbKind
  /** Where it lives, for the startup line: a file path, or the PostgreSQL host and database (never the password). */
  describe: string
  close(): Promise<void>
}

export function openSqlite(file: string): ServerDb {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const kysely = new Kysely<Database>({ dialect: new FifoSqliteDialect({ database: sqlite }) })
  return { kysely, kind: 'sqlite', describe: file, close: () => kysely.destroy() }
}

export function openPostgres(url: string): ServerDb {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle connection dropped by PostgreSQL (restart, admin command) must not crash the server;
  // the pool replaces it on next use.
  pool.on('error', (e: Error) => console.error(`postgres: idle connection lost (${e.message})`))
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const u = new URL(url)
  return { kysely, kind: 'postgres', describe: `${u.hostname || 'socket'}:${u.port || 5432}${u.pathname}`, close: () => kysely.destroy() }
}

export function openDatabase(options: { dataDir: string; databaseUrl: string | null }): ServerDb {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(path.join(options.dataDir, 'deskbook.sqlite'))
}

/** Can the database be reached? Throws when it cannot (the health check answers 503). */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db)
}
