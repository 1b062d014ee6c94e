import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'

/**
 * Which database this is (issue 12 point 2): an identity made once, and a generation that a restore
 * replaces, so a tablet can tell that the server it syncs with went back in time. Each device keeps
 * the generation it last caught up with (enrolled under, or re-sent its records to).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const generation = randomUUID()
  for (const [key, value] of [
    ['server_id', randomUUID()],
    ['generation', generation],
  ]) {
    await sql`insert into server_meta (key, value) values (${key}, ${value})`.execute(db)
  }
  await db.schema.alterTable('devices').addColumn('synced_generation', 'varchar(36)').execute()
  await sql`update devices set synced_generation = ${generation}`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('devices').dropColumn('synced_generation').execute()
  await sql`delete from server_meta where key in ('server_id', 'generation', 'restored_at')`.execute(db)
}
