import type { Kysely } from 'kysely'

/**
 * A department's tablet belongs to one department (issue 10 point 12): its enrolment code names the
 * department, and the device keeps it. Null for desk tablets and for department tablets enrolled before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('one_time_codes').addColumn('department_id', 'varchar(36)').execute()
  await db.schema.alterTable('devices').addColumn('department_id', 'varchar(36)').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('devices').dropColumn('department_id').execute()
  await db.schema.alterTable('one_time_codes').dropColumn('department_id').execute()
}
