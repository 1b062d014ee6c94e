import type { Kysely } from 'kysely'

/**
 * Records that belong to another (a request's timeline events, a room's customers) keep their
 * parent's id, so the server can check a timeline without reading every record of the site.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('records').addColumn('parent_id', 'varchar(80)').execute()
  await db.schema.createIndex('records_parent').on('records').columns(['site_id', 'table_name', 'parent_id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('records_parent').execute()
  await db.schema.alterTable('records').dropColumn('parent_id').execute()
}
