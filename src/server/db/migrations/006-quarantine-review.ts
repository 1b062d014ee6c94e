import type { Kysely } from 'kysely'

/**
 * What the administrator decided about each record a revoked tablet uploaded (issue 10 point 13):
 * applied (through the same rules as a push) or discarded, by whom and when; and why applying was
 * refused the last time it was tried, while it waits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('quarantine').addColumn('decision', 'varchar(16)').execute()
  await db.schema.alterTable('quarantine').addColumn('decided_at', 'bigint').execute()
  await db.schema.alterTable('quarantine').addColumn('decided_by', 'varchar(36)').execute()
  await db.schema.alterTable('quarantine').addColumn('refusal', 'varchar(200)').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['refusal', 'decided_by', 'decided_at', 'decision']) await db.schema.alterTable('quarantine').dropColumn(column).execute()
}
