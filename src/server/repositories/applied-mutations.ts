/**
 * Every mutation the server has taken a decision on, by id, with its outcome: what makes a push
 * exactly-once (a mutation sent again is answered from here, never applied twice).
 */
import type { Mutation } from '@shared/sync/mutation'
import type { AppliedMutationsTable } from '../db/tables'
import type { DeviceRow } from './devices'
import type { Db } from './records'

export type Outcome = Pick<AppliedMutationsTable, 'status' | 'reason'>

/** The outcome of mutation `id` if the server has already decided on it. */
export async function priorOutcome(db: Db, id: string): Promise<Outcome | null> {
  return (await db.selectFrom('applied_mutations').select(['status', 'reason']).where('id', '=', id).executeTakeFirst()) ?? null
}

export async function recordOutcome(db: Db, device: DeviceRow, m: Mutation, outcome: Outcome, now: number): Promise<void> {
  await db.insertInto('applied_mutations').values({ id: m.id, site_id: device.site_id, device_id: device.id, name: m.name, status: outcome.status, reason: outcome.reason, applied_at: now }).execute()
}
