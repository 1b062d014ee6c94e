/**
 * A consistent read of the database that does not hold the writers back (issue 12 point 7: a site's
 * export reads every one of its records, 100k on a large site, for many seconds). PostgreSQL: a
 * repeatable-read transaction from the pool. SQLite in WAL mode: a second, read-only connection to the
 * same file, inside one transaction — WAL lets it keep reading the snapshot its first read saw while the
 * server's own connection goes on writing. (A transaction on the server's single SQLite connection
 * would make every push wait until the export is done.)
 */
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, sql, type Transaction } from 'kysely'
import type { ServerDb } from './connection'
import type { Database } from './tables'

export async function inReadSnapshot<T>(db: ServerDb, read: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.kind === 'postgres') return db.kysely.transaction().setIsolationLevel('repeatable read').execute(read)
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db.kysely)
  const file = rows.find((r) => r.name === 'main')?.file
  // An in-memory database has no file a second connection could open: read on the one connection.
  if (!file) return db.kysely.transaction().execute(read)
  const connection = new SQLite(file, { readonly: true, fileMustExist: true })
  connection.pragma('busy_timeout = 5000')
  const reader = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) })
  try {
    return await reader.transaction().execute(read)
  } finally {
    await reader.destroy()
  }
}
