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

/** The outcomes of those of `ids` the server has already decided on: one query for a pushed batch. */
export async function priorOutcomes(db: Db, ids: readonly string[]): Promise<Map<string, Outcome>> {
  const found = new Map<string, Outcome>()
  for (let i = 0; i < ids.length; i += IN_LIST) {
    const rows = await db.selectFrom('applied_mutations').select(['id', 'status', 'reason']).where('id', 'in', ids.slice(i, i + IN_LIST)).execute()
    for (const r of rows) found.set(r.id, { status: r.status, reason: r.reason })
  }
  return found
}

export async function recordOutcome(db: Db, device: DeviceRow, m: Mutation, outcome: Outcome, now: number): Promise<void> {
  await recordOutcomes(db, device, [{ m, outcome }], now)
}

/** Record the outcomes of a batch, a few statements for the whole batch instead of one per mutation. */
export async function recordOutcomes(db: Db, device: DeviceRow, decided: readonly { m: Mutation; outcome: Outcome }[], now: number): Promise<void> {
  const rows = decided.map(({ m, outcome }) => ({ id: m.id, site_id: device.site_id, device_id: device.id, name: m.name, status: outcome.status, reason: outcome.reason, applied_at: now }))
  for (let i = 0; i < rows.length; i += INSERT_ROWS) await db.insertInto('applied_mutations').values(rows.slice(i, i + INSERT_ROWS)).execute()
}

/** Ids per `in (…)` list and rows per insert: well inside SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const IN_LIST = 500
const INSERT_ROWS = 100
