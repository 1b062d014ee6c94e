/**
 * Keeping owners' contact details no longer than needed, on the server (issue 14 point 3; PIPL Art. 19):
 * the same rule as the tablets (shared/domain/retention.ts) over the site's synced requests, on the server's
 * clock. Reducing is a write the server makes itself (server-write.ts): numbered like any change, so every
 * tablet pulls the reduced request and its reduced timeline events; the rows stay, only names, phones and
 * numbers in their texts shrink. A dry run (`plan`) lists what would change and changes nothing.
 */
import type { Transaction } from 'kysely'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { contactReduction, type ContactReduction } from '@shared/domain/retention'
import { retentionYears, type Settings } from '@shared/domain/settings'
import { DEFAULT_TIMEZONE } from '@shared/domain/time'
import type { DbKind, ServerDb } from '../db/connection'
import type { Database } from '../db/tables'
import { getRecord, siteRecords, childRecords, type Db } from '../repositories/records'
import { listSites, lockChangeSeq } from '../repositories/sites'
import { writeAsServer, type ServerRecordWrite } from '../sync/server-write'

export interface RetentionPlan {
  siteId: string
  years: number
  timezone: string
  reductions: ContactReduction[]
}

async function siteRule(db: Db, siteId: string): Promise<{ years: number; timezone: string }> {
  const settings = (await siteRecords(db, siteId, 'settings'))[0] as Settings | undefined
  return { years: retentionYears(settings), timezone: settings?.timezone ?? DEFAULT_TIMEZONE }
}

/** The site's requests with their timelines: all of them, or the ones named (an owner's erasure). */
async function requestsOf(db: Db, siteId: string, only?: readonly string[]): Promise<{ reception: Reception; events: ReceptionEvent[] }[]> {
  if (only) {
    const out: { reception: Reception; events: ReceptionEvent[] }[] = []
    for (const id of only) {
      const r = await getRecord(db, { siteId, table: 'receptions', recordId: id })
      if (r && !r.deleted) out.push({ reception: r.data as Reception, events: (await childRecords(db, siteId, 'receptionEvents', id)) as ReceptionEvent[] })
    }
    return out
  }
  const events = new Map<string, ReceptionEvent[]>()
  for (const e of (await siteRecords(db, siteId, 'receptionEvents')) as ReceptionEvent[]) events.set(e.receptionId, [...(events.get(e.receptionId) ?? []), e])
  return ((await siteRecords(db, siteId, 'receptions')) as Reception[]).map((reception) => ({ reception, events: events.get(reception.id) ?? [] }))
}

function planOf(requests: { reception: Reception; events: ReceptionEvent[] }[], years: number, now: number, tz: string): ContactReduction[] {
  return requests.map(({ reception, events }) => contactReduction(reception, events, years, now, tz)).filter((p) => p !== null)
}

/** The dry run: what reducing would change at `now`, oldest closing first; nothing is written. */
export async function contactRetentionPlan(db: ServerDb, siteId: string, now: number): Promise<RetentionPlan> {
  const { years, timezone } = await siteRule(db.kysely, siteId)
  const reductions = planOf(await requestsOf(db.kysely, siteId), years, now, timezone).sort((a, b) => a.closedAt - b.closedAt)
  return { siteId, years, timezone, reductions }
}

function writesOf(p: ContactReduction): ServerRecordWrite[] {
  const own = Object.keys(p.reception).length ? [{ table: 'receptions', recordId: p.receptionId, data: { ...p.reception } }] : []
  return [...own, ...p.events.map((e) => ({ table: 'receptionEvents', recordId: e.id, data: { ...e.fields } }))]
}

/**
 * Reduce, inside the caller's transaction, the contact details of the site's closed requests whose period
 * has ended at `now` — or, with `erase`, of the named closed requests now (an owner's erasure, issue 14
 * point 4: the period is cut to nothing; a request still open keeps its contact until it is closed).
 * Returns the requests reduced. Read under the site's change-number lock, so two server processes never
 * both reduce the same request.
 */
export async function reduceReceptionContacts(
  trx: Transaction<Database>,
  kind: DbKind,
  siteId: string,
  now: number,
  options: { receptionIds?: readonly string[]; erase?: boolean } = {},
): Promise<ContactReduction[]> {
  await lockChangeSeq(trx, kind, siteId)
  const rule = await siteRule(trx, siteId)
  const plan = planOf(await requestsOf(trx, siteId, options.receptionIds), options.erase ? 0 : rule.years, now, rule.timezone)
  if (plan.length) await writeAsServer(trx, kind, siteId, plan.flatMap(writesOf), now)
  return plan
}

/** One pass over every site (at start and on the server's schedule): how many requests each site had reduced. */
export async function applyContactRetention(db: ServerDb, now: number): Promise<{ siteId: string; reduced: number }[]> {
  const out: { siteId: string; reduced: number }[] = []
  for (const site of await listSites(db.kysely)) {
    // Read without a lock first: most passes find nothing, and a site's pushes need not wait for them.
    const due = (await contactRetentionPlan(db, site.id, now)).reductions.map((p) => p.receptionId)
    if (!due.length) continue
    const plan = await db.kysely.transaction().execute((trx) => reduceReceptionContacts(trx, db.kind, site.id, now, { receptionIds: due }))
    if (plan.length) out.push({ siteId: site.id, reduced: plan.length })
  }
  return out
}
