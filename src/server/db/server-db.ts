/** The server's database as the rest of the server sees it, whichever kind it is (connection.ts opens it). */
import type { Kysely } from 'kysely'
import type { Database } from './tables'

export type DbKind = 'sqlite' | 'postgres'

export interface ServerDb {
  kysely: Kysely<Database>
  kind: DbKind
  /** Where it lives, for the startup line: a file path, or the PostgreSQL host and database (never the password). */
  describe: string
  close(): Promise<void>
}
