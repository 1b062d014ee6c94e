import type { Kysely } from 'kysely'

/**
 * Rate-limit counters shared by every server process on the database (issue 12 point 3): a
 * counter kept in one process's memory would let N processes allow N times the login and
 * enrolment attempts. One row per route and address: hits in the window and when it ends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'bigint', (c) => c.notNull())
    .execute()
  // Expired rows are swept by reset time.
  await db.schema.createIndex('rate_limits_reset_at').on('rate_limits').column('reset_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute()
}
