/**
 * Keeping owners' contact details no longer than needed, on this tablet (issue 14 point 3): the same rule
 * as the server (shared/domain/retention.ts) over the local copy. The server reduces what it holds and
 * linked tablets pull it; this pass is for what the tablet holds itself — standalone, or offline long —
 * and writes no outbox entry of its own: the server applies the same rule on its clock. Writes still
 * waiting in the outbox for a reduced record are reduced too, so the full details never travel late.
 */
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { contactReduction, type ContactReduction } from '@shared/domain/retention'
import { retentionYears } from '@shared/domain/settings'
import { DAY } from '@shared/domain/time'
import type { DeskbookDb } from '../database'
import { loadLocalSite } from '../site/site'
import { CLOSED_REINDEX } from '../schema'
import { refreshReceptionIndex } from './reception-index'

const BATCH = 500

/**
 * Requests closed before this instant may be due (the period is at least `years` × 365 days from the start
 * of the closing day); the exact rule decides among them.
 */
const closedBefore = (years: number, now: number): number => now - (years * 365 - 1) * DAY

/** Index rows of closed requests written before schema 13 get `closedAt` and `kept`, a batch per transaction. */
async function reindexClosed(db: DeskbookDb): Promise<void> {
  if (!(await db.meta.get(CLOSED_REINDEX))) return
  const ids = (await db.receptionIndex.where('status').anyOf(['closed', 'unresolvable']).primaryKeys()) as string[]
  for (let i = 0; i < ids.length; i += BATCH) {
    await db.transaction('rw', [db.receptions, db.receptionEvents, db.receptionIndex, db.requestFacts, db.meta], async () => {
      await refreshReceptionIndex(db, ids.slice(i, i + BATCH))
    })
  }
  await db.meta.delete(CLOSED_REINDEX)
}

/** The reductions due at `now` among closed requests still holding contact details, read in batches. */
async function duePlans(db: DeskbookDb, years: number, now: number, tz: string): Promise<ContactReduction[]> {
  const keys = (await db.receptionIndex.where('[kept+closedAt]').between([1, 0], [1, closedBefore(years, now)], true, false).primaryKeys()) as string[]
  const out: ContactReduction[] = []
  for (let i = 0; i < keys.length; i += BATCH) {
    const chunk = keys.slice(i, i + BATCH)
    const [receptions, events] = await Promise.all([db.receptions.bulkGet(chunk), db.receptionEvents.where('receptionId').anyOf(chunk).toArray()])
    const byReception = new Map<string, ReceptionEvent[]>()
    for (const e of events) byReception.set(e.receptionId, [...(byReception.get(e.receptionId) ?? []), e])
    for (const r of receptions.filter((x): x is Reception => !!x)) {
      const plan = contactReduction(r, byReception.get(r.id) ?? [], years, now, tz)
      if (plan) out.push(plan)
    }
  }
  return out.sort((a, b) => a.closedAt - b.closedAt)
}

/**
 * The dry run the manager sees before changing the period: what reducing would change at `now` with
 * `years` (the site's setting when not given). Nothing is written.
 */
export async function localRetentionPlan(db: DeskbookDb, now: number, years?: number): Promise<ContactReduction[]> {
  const local = await loadLocalSite(db)
  if (!local) return []
  await reindexClosed(db)
  return duePlans(db, years ?? retentionYears(local.settings), now, local.settings.timezone)
}

async function applyPlans(db: DeskbookDb, plans: readonly ContactReduction[]): Promise<void> {
  const changes = new Map<string, Record<string, unknown>>()
  for (const p of plans) {
    if (Object.keys(p.reception).length) changes.set(`receptions\u0000${p.receptionId}`, p.reception)
    for (const e of p.events) changes.set(`receptionEvents\u0000${e.id}`, e.fields)
  }
  for (const [key, fields] of changes) {
    const [table, id] = key.split('\u0000') as [string, string]
    await db.table(table).update(id, fields)
  }
  // A write not yet sent for a reduced record leaves with the reduced fields.
  const waiting = await db.outbox.where('[table+recordId]').anyOf([...changes.keys()].map((k) => k.split('\u0000'))).toArray()
  for (const m of waiting) {
    const fields = changes.get(`${m.table}\u0000${m.recordId}`)!
    const kept = Object.fromEntries(Object.entries(fields).filter(([k]) => k in m.fields))
    if (Object.keys(kept).length) await db.outbox.update(m.id, { fields: { ...m.fields, ...kept } })
  }
  await refreshReceptionIndex(db, plans.map((p) => p.receptionId))
}

/**
 * Reduce what is due at `now` (the app runs this at start and hourly; modules/retention.ts). Reads only
 * closed requests still holding contact details. Returns how many requests were reduced.
 */
export async function reduceLocalContacts(db: DeskbookDb, now: number): Promise<number> {
  const local = await loadLocalSite(db)
  if (!local) return 0
  await reindexClosed(db)
  const due = () => duePlans(db, retentionYears(local.settings), now, local.settings.timezone)
  // Most passes find nothing: they read only, and lock no table a clerk's write may wait for.
  if (!(await due()).length) return 0
  return db.transaction('rw', [db.receptions, db.receptionEvents, db.receptionIndex, db.requestFacts, db.meta, db.outbox], async () => {
    const plans = await due()
    await applyPlans(db, plans)
    return plans.length
  })
}
