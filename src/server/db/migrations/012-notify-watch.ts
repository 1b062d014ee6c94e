import { sql, type Kysely } from 'kysely'

/**
 * The requests the rules pass still watches (issue 15): one row per request that may still give an event —
 * any request whose record or timeline changed since a pass last found it settled (resolved, and a complaint
 * answered). A change writes its row with the change's number (`seq`); the pass removes a row only at the
 * number it read, so a change made meanwhile keeps it. Filled here with every request already stored: the
 * first pass reads them all once and keeps the unresolved ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notify_watch')
    .addColumn('site_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('reception_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('notify_watch_pk', ['site_id', 'reception_id'])
    .execute()
  await sql`insert into notify_watch (site_id, reception_id, seq) select site_id, record_id, seq from records where table_name = 'receptions'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notify_watch').execute()
}
