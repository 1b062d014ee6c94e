/** Mutations the server refused, each with the reason, for the console's review list. */
import type { Mutation } from '@shared/sync/mutation'
import type { DeadLettersTable } from '../db/tables'
import type { DeviceRow } from './devices'
import type { Db } from './records'

/** A refused mutation as the console lists it: the stored row with its mutation read back. */
export type DeadLetter = Omit<DeadLettersTable, 'mutation'> & { mutation: Mutation }

/** The review list holds at most this many, newest first. */
const LIST_LIMIT = 500

export async function insertDeadLetter(db: Db, device: DeviceRow, m: Mutation, reason: string, now: number): Promise<void> {
  await db.insertInto('dead_letters').values({ id: m.id, site_id: device.site_id, device_id: device.id, mutation: JSON.stringify(m), reason, created_at: now }).execute()
}

/** Newest first, of one site or all. */
export async function listDeadLetters(db: Db, siteId?: string): Promise<DeadLetter[]> {
  let q = db.selectFrom('dead_letters').selectAll().orderBy('created_at', 'desc').limit(LIST_LIMIT)
  if (siteId) q = q.where('site_id', '=', siteId)
  return (await q.execute()).map((r) => ({ ...r, mutation: JSON.parse(r.mutation) as Mutation }))
}
