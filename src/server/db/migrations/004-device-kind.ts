import type { Kysely } from 'kysely'

/**
 * A device is a desk tablet or a department's (篇2 4.2.4: the duty log is the desk's only). Codes say
 * which kind of device they enrol; every device so far is a desk tablet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('kind', 'varchar(16)', (c) => c.notNull().defaultTo('desk')).execute()
  await db.schema.alterTable('one_time_codes').addColumn('device_kind', 'varchar(16)', (c) => c.notNull().defaultTo('desk')).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('one_time_codes').dropColumn('device_kind').execute()
  await db.schema.alterTable('devices').dropColumn('kind').execute()
}
