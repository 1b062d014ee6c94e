/**
 * A local search index of the register, derived from requests and their timelines: what lists,
 * queues and searches read (200,000 requests must stay fast, issue 4 point 6). Time-independent
 * facts only — escalation and overdue are worked out from `receivedAt` and "now" when read.
 * Rebuilt for a request whenever it or its timeline changes, in the same transaction (local writes
 * and pulled pages alike).
 */
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { receptionState, sortEvents, type Status } from '@shared/domain/reception-status'
import { needsAction } from '@shared/domain/reception-queue'
import { defaultSettings } from '@shared/domain/settings'
import { phoneKey } from '@shared/domain/archive'
import type { DeskbookDb } from '../database'

/** Flags of the queue indexes: 1, or null so that a row without the flag is left out of the index. */
export type Flag = 1 | null

export interface ReceptionIndexRow {
  id: string
  siteId: string
  ref: string
  receivedAt: number
  room: string
  roomId: string | null
  customerName: string
  /** For the list to name the customer as the prints do (陈女士); missing on rows written before it was kept. */
  honorific?: Reception['honorific']
  phoneKeys: string[]
  category: Reception['category']
  urgency: Reception['urgency']
  matter: string
  status: Status
  resolvedAt: number | null
  /** First answer or result, for the 24-hour complaint rule. */
  answeredAt: number | null
  departmentId: string | null
  ownerId: string
  receiverId: string
  lastEventAt: number
  // Keys of the schema-5 indexes (see reception-queries.ts). Set by `indexRow`; optional only so that
  // rows made by hand elsewhere stay valid — such rows are missing from the queues that use them.
  /** Needs someone: unresolved, or resolved with the return visit outstanding ('open', 'mine'). */
  pending?: Flag
  /** Not resolved: escalates with time ('escalated'). */
  unresolved?: Flag
  /** A complaint nobody has answered yet: overdue once its deadline passes ('overdue'). */
  unanswered?: Flag
  /** Department of the latest hand-over, kept after it is resolved (the list's department filter). */
  handedTo?: string | null
  /** Distinct pairs of characters of the matter with `receivedAt` — [pair, receivedAt] — to find its words newest first (`matterGrams`). */
  grams?: [string, number][]
}

/** Text as searched: NFKC (full-width letters and digits as half-width), lower case, no spaces or punctuation. */
export function searchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** A long matter keeps its first pairs only: the index stays small, and the words people search are near the start. */
export const MAX_GRAMS = 256

/**
 * The 2-grams of a matter (`厨房漏水` → 厨房 房漏 漏水): every word of two or more characters contains
 * one, so the rarest pair of a query leads to its candidates (Chinese has no spaces to split words).
 */
export function matterGrams(matter: string): string[] {
  const t = searchText(matter)
  const grams = new Set<string>()
  for (let i = 0; i + 1 < t.length && grams.size < MAX_GRAMS; i++) grams.add(t.slice(i, i + 2))
  return [...grams]
}

/** The index row of one request. Escalation thresholds do not matter here: status ignores them. */
export function indexRow(reception: Reception, events: readonly ReceptionEvent[]): ReceptionIndexRow {
  const state = receptionState(reception, events, reception.receivedAt, defaultSettings(reception.siteId))
  const c = state.current
  const phone = phoneKey(c.phone)
  const row: ReceptionIndexRow = {
    id: c.id,
    siteId: c.siteId,
    ref: c.ref,
    receivedAt: c.receivedAt,
    room: c.room,
    roomId: c.roomId,
    customerName: c.customerName,
    honorific: c.honorific,
    phoneKeys: phone ? [phone] : [],
    category: c.category,
    urgency: c.urgency,
    matter: c.matter,
    status: state.status,
    resolvedAt: state.resolvedAt,
    answeredAt: state.answeredAt,
    departmentId: state.departmentId,
    ownerId: state.ownerId,
    receiverId: c.receiverId,
    lastEventAt: state.lastEventAt,
  }
  return { ...row, ...queueKeys(row, sortEvents(events).findLast((e) => e.type === 'handedOver')?.departmentId ?? null) }
}

type QueueKeys = Required<Pick<ReceptionIndexRow, 'pending' | 'unresolved' | 'unanswered' | 'handedTo' | 'grams'>>

/** The schema-5 keys of an index row, from its other facts (also how the upgrade to version 5 fills them in). */
export function queueKeys(row: Pick<ReceptionIndexRow, 'status' | 'resolvedAt' | 'category' | 'answeredAt' | 'matter' | 'receivedAt'>, handedTo: string | null): QueueKeys {
  return {
    pending: needsAction({ status: row.status, resolved: row.resolvedAt !== null }) ? 1 : null,
    unresolved: row.resolvedAt === null ? 1 : null,
    unanswered: row.category === 'complaint' && row.answeredAt === null ? 1 : null,
    handedTo,
    grams: matterGrams(row.matter).map((g) => [g, row.receivedAt]),
  }
}

// ——— Counts per day ———
// On disk, Chromium checks every index entry it counts or skips against its record (about 4 µs each):
// counting 200,000 takes a second. So each range of the register's compound indexes is counted per day,
// in the same transaction as the rows, in the `meta` table — which every transaction that writes index
// rows already holds. Totals and deep windows then add up a few hundred small rows.

/** The compound indexes whose ranges are counted, with the short name their counts go by. */
export const COUNTED_INDEXES: Readonly<Record<string, string>> = {
  '[siteId+receivedAt]': 'site',
  '[siteId+status+receivedAt]': 'status',
  '[siteId+category+receivedAt]': 'category',
  '[siteId+category+status+receivedAt]': 'categoryStatus',
  '[siteId+pending+receivedAt]': 'pending',
  '[siteId+unresolved+receivedAt]': 'unresolved',
  '[siteId+unanswered+receivedAt]': 'unanswered',
  '[ownerId+pending+receivedAt]': 'owner',
  '[departmentId+receivedAt]': 'department',
  '[handedTo+receivedAt]': 'handedTo',
}

const COUNT_KEY = 'registerCount|'
export const DAY_MS = 86_400_000

/** UTC days since 1970: the buckets of the counts (they need not be local days). */
export function dayOf(at: number): number {
  return Math.floor(at / DAY_MS)
}

/** The key of a range's counts: `registerCount|status|<site>|open|` then the day, zero-padded so keys sort by day. */
export function countRangeKey(index: string, prefix: readonly (string | number)[]): string | null {
  const name = COUNTED_INDEXES[index]
  return name ? `${COUNT_KEY}${name}|${prefix.join('|')}|` : null
}

export function countKey(range: string, day: number): string {
  return `${range}${String(day).padStart(7, '0')}`
}

/** The counted ranges a row is in: one per counted index whose key parts (before receivedAt) it has. */
export function countedRanges(row: ReceptionIndexRow): string[] {
  const out: string[] = []
  for (const index of Object.keys(COUNTED_INDEXES)) {
    const values = index.slice(1, -1).split('+').slice(0, -1).map((f) => (row as unknown as Record<string, unknown>)[f])
    if (values.every((v) => typeof v === 'string' || typeof v === 'number')) out.push(countRangeKey(index, values as (string | number)[])!)
  }
  return out
}

/** What replacing `before` rows by `after` ones does to the counts: count key → change. */
export function countChanges(before: readonly ReceptionIndexRow[], after: readonly ReceptionIndexRow[], into = new Map<string, number>()): Map<string, number> {
  const add = (row: ReceptionIndexRow, by: number): void => {
    const day = dayOf(row.receivedAt)
    for (const range of countedRanges(row)) {
      const key = countKey(range, day)
      into.set(key, (into.get(key) ?? 0) + by)
    }
  }
  before.forEach((r) => add(r, -1))
  after.forEach((r) => add(r, 1))
  return into
}

/** Apply count changes; call in the transaction that wrote the rows (it must hold `meta`). */
/** Add `changes` to the counts per day in `meta` (the database's, or an upgrade transaction's table). */
export async function applyCountChanges(db: { meta: Pick<DeskbookDb['meta'], 'bulkGet' | 'bulkPut' | 'bulkDelete'> }, changes: ReadonlyMap<string, number>): Promise<void> {
  const keys = [...changes].filter(([, by]) => by !== 0).map(([k]) => k)
  if (!keys.length) return
  const stored = await db.meta.bulkGet(keys)
  const next = keys.map((key, i) => ({ key, value: (typeof stored[i]?.value === 'number' ? (stored[i].value as number) : 0) + changes.get(key)! }))
  const put = next.filter((r) => r.value > 0)
  const gone = next.filter((r) => r.value <= 0).map((r) => r.key)
  if (put.length) await db.meta.bulkPut(put)
  if (gone.length) await db.meta.bulkDelete(gone)
}

/**
 * The one way to write index rows: the rows and their counts together. Call inside a transaction
 * holding receptionIndex and meta.
 */
export async function putIndexRows(db: DeskbookDb, rows: readonly ReceptionIndexRow[]): Promise<void> {
  if (!rows.length) return
  const before = (await db.receptionIndex.bulkGet(rows.map((r) => r.id))).filter((r): r is ReceptionIndexRow => !!r)
  await db.receptionIndex.bulkPut([...rows])
  await applyCountChanges(db, countChanges(before, rows))
}

/** Rebuild the index rows of these requests; call inside a transaction holding receptions, receptionEvents, receptionIndex and meta. */
export async function refreshReceptionIndex(db: DeskbookDb, receptionIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(receptionIds)]
  if (!ids.length) return
  const receptions = await db.receptions.bulkGet(ids)
  const events = await db.receptionEvents.where('receptionId').anyOf(ids).toArray()
  const byReception = new Map<string, ReceptionEvent[]>()
  for (const e of events) byReception.set(e.receptionId, [...(byReception.get(e.receptionId) ?? []), e])
  const rows = receptions.filter((r): r is Reception => !!r).map((r) => indexRow(r, byReception.get(r.id) ?? []))
  await putIndexRows(db, rows)
}
