/**
 * The PostgreSQL connection (DATABASE_URL): a pool behind Kysely. Its own module, loaded only by a
 * server or CLI that uses PostgreSQL (connection.ts `openDatabase`).
 */
import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { ServerDb } from './server-db'
import type { Database } from './tables'

// bigint columns hold ms timestamps and change numbers, all below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v))

export function openPostgres(url: string): ServerDb {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle connection dropped by PostgreSQL (restart, admin command) must not crash the server;
  // the pool replaces it on next use.
  pool.on('error', (e: Error) => console.error(`postgres: idle connection lost (${e.message})`))
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const u = new URL(url)
  return { kysely, kind: 'postgres', describe: `${u.hostname || 'socket'}:${u.port || 5432}${u.pathname}`, close: () => kysely.destroy() }
}
