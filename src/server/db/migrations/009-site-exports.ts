import type { Kysely } from 'kysely'

/**
 * Every export of a site's data (issue 12 point 7): who took it, when, which site, in which format and
 * whether owners' phones were in it — never the content. The username is kept as it was, so the record
 * still says who after the account is renamed or removed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('site_exports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('site_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('admin_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('admin_username', 'varchar(60)', (c) => c.notNull())
    .addColumn('format', 'varchar(8)', (c) => c.notNull())
    .addColumn('with_phones', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('site_exports_site_time').on('site_exports').columns(['site_id', 'created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('site_exports').execute()
}
