import type { Kysely } from 'kysely'

/**
 * An owner's requests under PIPL 个人信息保护法 Art. 44–47 and their answers (issue 14 point 4): which site,
 * what was asked (access, correction, erasure), when it came in, who asked as identified — the name reduced
 * to the surname and the phone masked, never in full — what was done, when and by which console account.
 * The username is kept as it was, like the export log's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('owner_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('requester_name', 'varchar(40)', (c) => c.notNull())
    .addColumn('requester_phone', 'varchar(30)', (c) => c.notNull())
    .addColumn('requester_room', 'varchar(40)', (c) => c.notNull())
    .addColumn('done', 'varchar(1000)', (c) => c.notNull())
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('owner_requests_site_time').on('owner_requests').columns(['site_id', 'answered_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('owner_requests').execute()
}
