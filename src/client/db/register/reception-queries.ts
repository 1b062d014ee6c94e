/**
 * Reading the register (issue 4 point 6): queues, filters and searches over the local index
 * (reception-index.ts), a window of rows at a time, so that 200,000 requests open and scroll without
 * being read whole.
 *
 * How a query is answered (`RegisterResult.plan`):
 * - The queue and the filters become dimensions, each a union of ranges of compound indexes ending in
 *   `receivedAt` (schema version 5), so that every range is newest first and cheap to count. The
 *   time-dependent rules — escalation after 48 h / 7 days (篇4 4.7–4.8), complaints overdue after 24 h
 *   (篇3 五) — become bounds on `receivedAt` worked out from "now" at read time; nothing
 *   time-dependent is stored.
 * - `index`: one dimension. The total adds up the ranges' counts per day (kept with the rows,
 *   reception-index.ts: counting 200,000 index entries on a tablet's disk takes a second). A window is
 *   merged from its ranges: the first screen straight from their heads, a deeper one from the day the
 *   counts say it starts in — a crowded day halved in time and counted on the index — so that no read
 *   is longer than a leaf of a few hundred rows.
 * - `scan`: several dimensions (e.g. a queue and a category), words of the matter longer than a
 *   pair, or a channel or escalation level asked for (statistics' bars open these). The dimension with the fewest rows is read and the whole rule checked on each row; the ids
 *   of the matches are kept, newest first. A pair's size is estimated from its newest 60 days
 *   (`estimateRange`: it only chooses what is read), and the chosen pair is read in slices of time side by side.
 * - `text`: a reference number, else phone, room and name by their prefix indexes; the candidates are
 *   read (at most `textCap`), checked and sorted. Only when these find nothing is the text taken as
 *   words of the matter: each pair of characters of it is a dimension over the 2-gram index
 *   ([pair, receivedAt], newest first), so a two-character word (漏水) is an `index` plan.
 * In every plan the rows carry `level`, `overdue` and `answeredLate` from `liveState` at the same "now".
 */
import type { Collection } from 'dexie'
import { type Viewer } from '@client/db/register/reception-queue'
import { normaliseRoomQuery, phoneKey } from '@shared/domain/archive'
import { parseReference } from '@client/db/register/reference'
import type { Settings } from '@shared/domain/settings'
import type { DeskbookDb } from '../database'
import { searchText, type ReceptionIndexRow } from './index-row'
import { DEFAULT_TEXT_CAP, type RegisterOptions, type RegisterQuery, type RegisterResult, type RegisterListRow, SCAN_SPAN, matchesQuery, newestFirst, queueState } from './register-query'
import { planOf, type Range } from './register-plan'
import { EMPTY, RangeWindows, countAll, idWindows, rows, slices, spans } from './register-windows'

/** A scan of a range without counts per day: about this many rows a read, at most this many reads side by side. */
const SLICE_ROWS = 1_000
const MAX_SLICES = 8

// ——— Text ———

/** The collections a text may mean, by index: a reference number; else phone, room and name prefixes. */
export function textCollections(db: DeskbookDb, text: string): Collection<ReceptionIndexRow, string>[] {
  if (parseReference(text)) return [db.receptionIndex.where('ref').equals(text.toUpperCase())]
  const out: Collection<ReceptionIndexRow, string>[] = []
  const digits = phoneKey(text)
  if (digits.length >= 4 && digits.length === text.replace(/[\s-]/g, '').length) out.push(db.receptionIndex.where('phoneKeys').startsWith(digits))
  const room = normaliseRoomQuery(text)
  // Rooms are mostly digits and dashes: a plain prefix range then; letters (A座) need the case-blind walk.
  if (room) out.push(room.toLowerCase() === room.toUpperCase() ? db.receptionIndex.where('room').startsWith(room) : db.receptionIndex.where('room').startsWithIgnoreCase(room))
  out.push(db.receptionIndex.where('customerName').startsWith(text))
  return out
}


// ——— The query ———

/**
 * Open a query of the register: its total now, and its rows a window at a time. Read inside a live
 * query, the counts subscribe to every range the rows come from.
 */
export async function openRegister(db: DeskbookDb, siteId: string, q: RegisterQuery, viewer: Viewer, now: number, settings: Settings, options: RegisterOptions = {}): Promise<RegisterResult> {
  const live = (row: ReceptionIndexRow): RegisterListRow => queueState(row, now, settings)
  const text = q.text?.trim() ?? ''
  let words = ''
  if (text) {
    // Keys first, no more than the cap: a broad prefix (one digit) costs no more than the cap's keys;
    // then each range's rows in one read (far quicker on disk than getting them one by one).
    const cap = options.textCap ?? DEFAULT_TEXT_CAP
    const keys = await Promise.all(textCollections(db, text).map((c) => (Number.isFinite(cap) ? c.limit(cap + 1) : c).primaryKeys()))
    const count = keys.reduce((a, k) => a + k.length, 0)
    if (count > cap) return { ...EMPTY, plan: 'text', total: cap, tooBroad: true }
    if (count || parseReference(text)) {
      const found = (await Promise.all(textCollections(db, text).map((c, i) => (keys[i]!.length ? c.toArray() : [])))).flat()
      return inMemory(db, 'text', found.filter((r) => r.siteId === siteId && matchesQuery(live(r), q, viewer)), live)
    }
    // Nothing by number, phone, room or name: words of the matter (two characters at least: pairs are indexed).
    words = searchText(text)
    if (words.length < 2) return EMPTY
  }

  const plan = planOf(siteId, q, viewer, now, settings, words, !!words && (await otherSites(db, siteId)))
  if (!plan) return EMPTY
  const { lo, hi } = plan
  // One dimension says it all (a pair is the whole of two-character words; no index has the channel or the level):
  // its exact total is shown. Else the dimensions are only sized to choose the one a scan reads.
  const alone = plan.dims.length === 1 && words.length <= 2 && !q.channels?.length && !q.levels?.length
  const sized = await Promise.all(plan.dims.map(async (d) => ({ d, size: await countAll(db, d.ranges, lo, hi, alone ? undefined : now) })))
  sized.sort((x, y) => x.size.total - y.size.total)
  const driver = sized[0]!
  if (!driver.size.total) return EMPTY
  if (alone) {
    const windows = new RangeWindows(db, driver.d.ranges, lo, hi, driver.size.total, driver.size.days, options.tuning)
    return { plan: 'index', total: driver.size.total, tooBroad: false, window: async (a, b) => (await windows.window(a, b)).map(live) }
  }
  // Rows of the smallest dimension, read a few days at a time and checked; only the ids of matches are kept.
  const hits: Pick<ReceptionIndexRow, 'id' | 'receivedAt'>[] = []
  const check = (row: ReceptionIndexRow): boolean => row.siteId === siteId && matchesQuery(live(row), q, viewer) && (!words || searchText(row.matter).includes(words))
  const read = async (r: Range, [a, b]: [number, number]): Promise<void> => {
    for (const row of await rows(db, r, a, b).toArray()) if (check(row)) hits.push({ id: row.id, receivedAt: row.receivedAt })
  }
  for (const [i, r] of driver.d.ranges.entries()) {
    const part = driver.size.parts[i]!
    // Counted per day: a few days at a time. Else in slices of time read side by side, so that the disk reads
    // the next while the rows of the last are unpacked.
    if (part.days) for (const span of spans(lo, hi, part.days, SCAN_SPAN)) await read(r, span)
    else await Promise.all(slices(lo, hi, part.from ?? lo, now, Math.min(MAX_SLICES, Math.ceil(part.total / SLICE_ROWS))).map((span) => read(r, span)))
  }
  return inMemory(db, 'scan', hits, live)
}

/** Does the index hold another site's rows? Its first and last by site tell (a walk over distinct sites would step through every row on disk). */
export async function otherSites(db: DeskbookDb, siteId: string): Promise<boolean> {
  const [first, last] = await Promise.all([db.receptionIndex.orderBy('siteId').first(), db.receptionIndex.orderBy('siteId').last()])
  return (!!first && first.siteId !== siteId) || (!!last && last.siteId !== siteId)
}

/** Matching rows found by reading: only their ids are kept, newest first. */
export function inMemory(db: DeskbookDb, plan: RegisterResult['plan'], hits: readonly Pick<ReceptionIndexRow, 'id' | 'receivedAt'>[], live: (row: ReceptionIndexRow) => RegisterListRow): RegisterResult {
  const ids = [...new Map(hits.map((r) => [r.id, { id: r.id, receivedAt: r.receivedAt }])).values()].sort(newestFirst).map((r) => r.id)
  const read = idWindows(db, ids)
  return { plan, total: ids.length, tooBroad: false, window: async (a, b) => (await read(a, b)).map(live) }
}

/** Every row of a query, newest first (print, export, counts of the today screen). */
export async function queryRegister(db: DeskbookDb, siteId: string, q: RegisterQuery, viewer: Viewer, now: number, settings: Settings): Promise<RegisterListRow[]> {
  const result = await openRegister(db, siteId, q, viewer, now, settings, { textCap: Infinity })
  return result.window(0, result.total)
}

/** How many rows a query has, without reading them when its plan allows. */
export async function countRegister(db: DeskbookDb, siteId: string, q: RegisterQuery, viewer: Viewer, now: number, settings: Settings): Promise<number> {
  return (await openRegister(db, siteId, q, viewer, now, settings, { textCap: Infinity })).total
}
