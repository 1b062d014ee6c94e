/**
 * SQL tables as Kysely sees them. SQL names are snake_case; this is the one place they are mapped.
 */
export interface ServerMetaTable {
  key: string
  value: string
}

export interface Database {
  server_meta: ServerMetaTable
}
