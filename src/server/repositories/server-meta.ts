/**
 * Facts about this server database (`server_meta`): its identity, made once, and its generation,
 * which a restore replaces (issue 12 point 2; docs/sync-protocol.md "After a restore").
 */
import { randomUUID } from 'node:crypto'
import type { Db } from './records'

export interface ServerEpoch {
  /** Made when the database was created; a different server (replaced, not restored) has another. */
  serverId: string
  /** Replaced by every restore: a tablet that last synced under another generation must catch up. */
  generation: string
  /** When this database was last restored from a backup (null: never). */
  restoredAt: number | null
}

async function writeMeta(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('server_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/** One query: every push and pull asks. */
export async function readEpoch(db: Db): Promise<ServerEpoch> {
  const rows = await db.selectFrom('server_meta').select(['key', 'value']).where('key', 'in', ['server_id', 'generation', 'restored_at']).execute()
  const meta = new Map(rows.map((r) => [r.key, r.value]))
  const serverId = meta.get('server_id')
  const generation = meta.get('generation')
  if (!serverId || !generation) throw new Error('server_meta has no identity: migrations have not run')
  const restoredAt = meta.get('restored_at')
  return { serverId, generation, restoredAt: restoredAt === undefined ? null : Number(restoredAt) }
}

/**
 * After a restore: a new generation, so every tablet finds the server restored and re-sends what it
 * holds. Call it on the restored database before the server serves it again.
 */
export async function startNewGeneration(db: Db, now: number): Promise<ServerEpoch> {
  await writeMeta(db, 'generation', randomUUID())
  await writeMeta(db, 'restored_at', String(now))
  return readEpoch(db)
}

/** One fact by its key (null: not there). */
export async function readMeta(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('server_meta').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value ?? null
}

/** Keeps `value` under `key` unless a value is there already (the first writer wins, across processes). */
export async function keepMetaOnce(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('server_meta').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute()
}

/** Removes `key` (only while it holds `value`, when given): true when it was removed. */
export async function removeMeta(db: Db, key: string, value?: string): Promise<boolean> {
  let q = db.deleteFrom('server_meta').where('key', '=', key)
  if (value !== undefined) q = q.where('value', '=', value)
  return Number((await q.executeTakeFirst()).numDeletedRows) > 0
}
