/**
 * What revoked tablets uploaded, kept aside for review (docs/sync-protocol.md "Revoke"), and the
 * administrator's decision on each: applied, discarded, or still waiting with the last refusal.
 */
import type { Mutation } from '@shared/sync/mutation'
import type { QuarantineTable } from '../db/tables'
import type { DeviceRow } from './devices'
import type { Db } from './records'

export type QuarantineRow = QuarantineTable

/** The review list holds at most this many, newest first. */
const LIST_LIMIT = 500

/** A revoked tablet's push, kept once: the same mutation pushed again is not kept twice. */
export async function insertQuarantined(db: Db, device: DeviceRow, mutations: readonly Mutation[], now: number): Promise<void> {
  for (const m of mutations) {
    await db
      .insertInto('quarantine')
      .values({ id: m.id, site_id: device.site_id, device_id: device.id, mutation: JSON.stringify(m), created_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
  }
}

/** Newest first (of one site, or all), decided ones included. */
export async function listQuarantined(db: Db, siteId?: string): Promise<QuarantineRow[]> {
  let q = db.selectFrom('quarantine').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(LIST_LIMIT)
  if (siteId) q = q.where('site_id', '=', siteId)
  return (await q.execute()) as QuarantineRow[]
}

export async function findQuarantined(db: Db, id: string): Promise<QuarantineRow | null> {
  return ((await db.selectFrom('quarantine').selectAll().where('id', '=', id).executeTakeFirst()) as QuarantineRow | undefined) ?? null
}

/** The decision as stored now (inside the transaction that is about to make one). */
export async function quarantineDecision(db: Db, id: string): Promise<QuarantineRow['decision']> {
  return (await db.selectFrom('quarantine').select('decision').where('id', '=', id).executeTakeFirstOrThrow()).decision
}

/** Applied (with who and when), or the refusal of the last attempt to apply it. */
export async function setQuarantineOutcome(db: Db, id: string, outcome: Partial<Pick<QuarantineRow, 'decision' | 'decided_at' | 'decided_by' | 'refusal'>>): Promise<void> {
  await db.updateTable('quarantine').set(outcome).where('id', '=', id).execute()
}

/** Discards a record still waiting; false when another decision came first. */
export async function discardQuarantined(db: Db, id: string, adminId: string, now: number): Promise<boolean> {
  const r = await db.updateTable('quarantine').set({ decision: 'discarded', decided_at: now, decided_by: adminId }).where('id', '=', id).where('decision', 'is', null).executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
