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
 * - `scan`: several dimensions (e.g. a queue and a category), or words of the matter longer than a
 *   pair. The dimension with the fewest rows is read and the whole rule checked on each row; the ids
 *   of the matches are kept, newest first.
 * - `text`: a reference number, else phone, room and name by their prefix indexes; the candidates are
 *   read (at most `textCap`), checked and sorted. Only when these find nothing is the text taken as
 *   words of the matter: each pair of characters of it is a dimension over the 2-gram index
 *   ([pair, receivedAt], newest first), so a two-character word (漏水) is an `index` plan.
 * In every plan the rows carry `level`, `overdue` and `answeredLate` from `liveState` at the same "now".
 */
import type { Collection } from 'dexie'
import { liveState, STATUSES, type ReceptionState, type Status } from '@shared/domain/reception-status'
import { inQueue, needsAction, type Queue, type QueueState, type Viewer } from '@shared/domain/reception-queue'
import { normaliseRoomQuery, phoneKey } from '@shared/domain/archive'
import { parseReference } from '@shared/domain/reference'
import { HOUR } from '@shared/domain/time'
import type { Settings } from '@shared/domain/settings'
import type { Category } from '@shared/domain/reception'
import type { DeskbookDb } from '../database'
import { searchText, type ReceptionIndexRow } from './index-row'
import { countKey, countRangeKey, DAY_MS, dayOf } from './index-counts'

export interface RegisterQuery {
  queue: Queue
  /** Room, name, phone, reference number or words of the matter. */
  text?: string
  statuses?: Status[]
  categories?: Category[]
  /** The department a request was (last) handed to, resolved or not. */
  departmentId?: string | null
  /** Received from / before (instants). */
  from?: number | null
  to?: number | null
}

export interface RegisterRow extends ReceptionIndexRow, Pick<ReceptionState, 'level' | 'overdue' | 'answeredLate'> {}

/** A query's rows, read a window at a time. */
export interface RegisterResult {
  plan: 'empty' | 'index' | 'scan' | 'text'
  /** Rows that match; when `tooBroad`, the cap the text's candidates passed. */
  total: number
  /** The text matches more than `textCap` requests: no rows are read, the list asks for more of it. */
  tooBroad: boolean
  /** Rows `start` … `end - 1`, newest first (fewer if the register changed since it was counted). */
  window(start: number, end: number): Promise<RegisterRow[]>
}

export interface RegisterOptions {
  /** Most candidate rows a text search reads (default 5,000 — at most about 150 ms on a tablet's disk). */
  textCap?: number
  /** Sizes of the window reads (tests make them small to reach deep trees with few rows). */
  tuning?: { top: number; leaf: number }
}

export const DEFAULT_TEXT_CAP = 5_000
/** Windows ending within the first `top` rows are merged from the heads of their ranges; a node of the count tree with at most `leaf` rows is read whole. */
const TUNING = { top: 300, leaf: 400 }
/** Leaves kept in memory per result while scrolling. */
const KEPT_LEAVES = 16
/** Rows a scan reads at a time. */
const SCAN_SPAN = 2_000
/** Status and category filters together: one range per pair up to this many, else the smaller one drives. */
const MAX_PAIRS = 12

export function queueState(row: ReceptionIndexRow, now: number, settings: Settings): RegisterRow {
  return { ...row, ...liveState(row, now, settings) }
}

function stateForQueue(row: RegisterRow): QueueState {
  const resolved = row.resolvedAt !== null
  return { status: row.status, resolved, level: row.level, overdue: row.overdue, departmentId: row.departmentId, ownerId: row.ownerId }
}

/** The whole rule of a query for one row — what every plan must agree with. */
export function matchesQuery(row: RegisterRow, q: RegisterQuery, viewer: Viewer): boolean {
  return (
    inQueue(q.queue, stateForQueue(row), viewer) &&
    (!q.statuses?.length || q.statuses.includes(row.status)) &&
    (!q.categories?.length || q.categories.includes(row.category)) &&
    (q.departmentId == null || row.handedTo === q.departmentId) &&
    (q.from == null || row.receivedAt >= q.from) &&
    (q.to == null || row.receivedAt < q.to)
  )
}

/** Newest first; the same instant by id, as an index read backwards gives them. */
function newestFirst(a: Pick<ReceptionIndexRow, 'receivedAt' | 'id'>, b: Pick<ReceptionIndexRow, 'receivedAt' | 'id'>): number {
  return b.receivedAt - a.receivedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
}

// ——— Plans ———

type Key = string | number
/** The rows of a compound index whose key is `[...prefix, receivedAt]`. */
interface Range {
  index: string
  prefix: Key[]
}
/** A condition as a union of disjoint ranges. */
interface Dimension {
  key: string
  ranges: Range[]
}
interface Plan {
  dims: Dimension[]
  /** receivedAt ∈ [lo, hi) */
  lo: number
  hi: number
}

const RESOLVED_STATUSES: readonly Status[] = ['awaitingVisit', 'closed', 'unresolvable']
const PENDING = STATUSES.filter((s) => needsAction({ status: s, resolved: RESOLVED_STATUSES.includes(s) }))
const UNRESOLVED = STATUSES.filter((s) => !RESOLVED_STATUSES.includes(s))

/** The dimensions and time bounds of a query, or null when nothing can match. `words`: the matter must hold them (searchText form). */
function planOf(siteId: string, q: RegisterQuery, viewer: Viewer, now: number, settings: Settings, words = '', otherSites = false): Plan | null {
  let lo = q.from ?? -Infinity
  let hi = q.to ?? Infinity
  let statuses: Status[] | null = q.statuses?.length ? [...new Set(q.statuses)] : null
  let categories: Category[] | null = q.categories?.length ? [...new Set(q.categories)] : null
  const dims: Dimension[] = []
  const add = (key: string, ...ranges: Range[]): void => {
    if (!dims.some((d) => d.key === key)) dims.push({ key, ranges })
  }
  /** The queue asks for these statuses: a status filter is narrowed to them, else the queue's flag index stands for them. */
  const within = (allowed: readonly Status[], flag: () => void): void => {
    if (statuses) statuses = statuses.filter((s) => allowed.includes(s))
    else flag()
  }
  const withDepartment = (id: string): void => add(`dept:${id}`, { index: '[departmentId+receivedAt]', prefix: [id] })

  // Issue 4 point 8: a department sees only what is with it now (departmentId is null once resolved).
  if (viewer.role === 'department') {
    if (!viewer.departmentId) return null
    withDepartment(viewer.departmentId)
    if (statuses) statuses = statuses.filter((s) => UNRESOLVED.includes(s))
  }
  switch (q.queue) {
    case 'all':
      break
    case 'open':
      within(PENDING, () => add('pending', { index: '[siteId+pending+receivedAt]', prefix: [siteId, 1] }))
      break
    case 'mine':
      if (statuses) statuses = statuses.filter((s) => PENDING.includes(s))
      add(`mine:${viewer.id}`, { index: '[ownerId+pending+receivedAt]', prefix: [viewer.id, 1] })
      break
    case 'department':
      if (!viewer.departmentId) return null
      if (statuses) statuses = statuses.filter((s) => UNRESOLVED.includes(s))
      withDepartment(viewer.departmentId)
      break
    case 'escalated': {
      // 4.7: open longer than the supervisor's hours → the supervisor's; 4.8: longer than the manager's → the manager's.
      const supervisorFrom = now - settings.supervisorEscalationHours * HOUR
      const managerFrom = now - settings.managerEscalationHours * HOUR
      if (viewer.role === 'manager') hi = Math.min(hi, managerFrom)
      else if (viewer.role === 'supervisor') {
        lo = Math.max(lo, managerFrom)
        hi = Math.min(hi, supervisorFrom)
      } else return null
      within(UNRESOLVED, () => add('unresolved', { index: '[siteId+unresolved+receivedAt]', prefix: [siteId, 1] }))
      break
    }
    case 'overdue':
      // 篇3 五: a complaint not answered within its deadline.
      if (categories && !categories.includes('complaint')) return null
      categories = null
      hi = Math.min(hi, now - settings.complaintDeadlineHours * HOUR)
      add('unanswered', { index: '[siteId+unanswered+receivedAt]', prefix: [siteId, 1] })
      break
  }
  if (statuses && !statuses.length) return null
  if (statuses && categories && statuses.length * categories.length <= MAX_PAIRS) {
    add('categoryStatus', ...categories.flatMap((c) => statuses!.map((s) => ({ index: '[siteId+category+status+receivedAt]', prefix: [siteId, c, s] }))))
  } else {
    if (statuses) add('status', ...statuses.map((s) => ({ index: '[siteId+status+receivedAt]', prefix: [siteId, s] })))
    if (categories) add('category', ...categories.map((c) => ({ index: '[siteId+category+receivedAt]', prefix: [siteId, c] })))
  }
  if (q.departmentId != null) add(`handed:${q.departmentId}`, { index: '[handedTo+receivedAt]', prefix: [q.departmentId] })
  // Every row holding the words holds each of their pairs: the rarest pair will drive. The pair
  // index has no site in its keys (it would double its size); staff and department ids belong to one
  // site. A tablet holds one site's register; should it hold others, the site becomes a dimension.
  for (const g of queryGrams(words)) add(`gram:${g}`, { index: 'grams', prefix: [g] })
  if (!(lo < hi)) return null
  if (!dims.length || (words && otherSites)) add('all', { index: '[siteId+receivedAt]', prefix: [siteId] })
  return { dims, lo, hi }
}

function rows(db: DeskbookDb, r: Range, lo: number, hi: number): Collection<ReceptionIndexRow, string> {
  return db.receptionIndex.where(r.index).between([...r.prefix, lo], [...r.prefix, hi], true, false)
}

/** How many rows a range has in [lo, hi); per day when its index is counted (reception-index.ts). */
interface Size {
  total: number
  days: Map<number, number> | null
}

async function countRange(db: DeskbookDb, r: Range, lo: number, hi: number): Promise<Size> {
  const range = countRangeKey(r.index, r.prefix)
  if (!range) return { total: await rows(db, r, lo, hi).count(), days: null }
  const first = Number.isFinite(lo) ? dayOf(lo) : 0
  const last = Number.isFinite(hi) ? dayOf(hi - 1) : 9_999_999
  const days = new Map<number, number>()
  if (first <= last) for (const c of await db.meta.where('key').between(countKey(range, first), countKey(range, last), true, true).toArray()) days.set(Number(c.key.slice(range.length)), c.value as number)
  // A day the bounds cut through is counted on the index: a day's rows at most.
  const cut = new Set<number>()
  if (Number.isFinite(lo) && lo > first * DAY_MS) cut.add(first)
  if (Number.isFinite(hi) && hi < (last + 1) * DAY_MS) cut.add(last)
  for (const day of cut) {
    const n = first <= last ? await rows(db, r, Math.max(lo, day * DAY_MS), Math.min(hi, (day + 1) * DAY_MS)).count() : 0
    if (n) days.set(day, n)
    else days.delete(day)
  }
  let total = 0
  for (const n of days.values()) total += n
  return { total, days }
}

/** The sizes of ranges together: per day only if every one is counted per day. */
async function countAll(db: DeskbookDb, ranges: readonly Range[], lo: number, hi: number): Promise<Size & { parts: Size[] }> {
  const parts = await Promise.all(ranges.map((r) => countRange(db, r, lo, hi)))
  let days: Map<number, number> | null = new Map()
  for (const p of parts) {
    if (!p.days) {
      days = null
      break
    }
    for (const [day, n] of p.days) days.set(day, (days.get(day) ?? 0) + n)
  }
  return { total: parts.reduce((a, p) => a + p.total, 0), days, parts }
}

/** Every row of the ranges in [lo, hi), newest first. */
async function readAll(db: DeskbookDb, ranges: readonly Range[], lo: number, hi: number): Promise<ReceptionIndexRow[]> {
  const parts = await Promise.all(ranges.map((r) => rows(db, r, lo, hi).reverse().toArray()))
  return parts.length === 1 ? parts[0]! : parts.flat().sort(newestFirst)
}

/** Spans of [lo, hi), newest first, of at most about `size` rows each by the counts per day (one span without them). */
function spans(lo: number, hi: number, days: ReadonlyMap<number, number> | null, size: number): [number, number][] {
  if (!days) return [[lo, hi]]
  const out: [number, number][] = []
  let end = hi
  let n = 0
  for (const day of [...days.keys()].sort((a, b) => b - a)) {
    n += days.get(day)!
    if (n >= size) {
      const start = Math.max(lo, day * DAY_MS)
      out.push([start, end])
      end = start
      n = 0
    }
  }
  if (n || !out.length) out.push([lo, end])
  return out
}

const EMPTY: RegisterResult = { plan: 'empty', total: 0, tooBroad: false, window: () => Promise.resolve([]) }

// ——— Windows over index ranges ———

interface TreeNode {
  lo: number
  hi: number
  count: number
  /** Newest first: the days of the counts, or the two halves of the time span. */
  children?: Promise<TreeNode[]>
  rows?: Promise<ReceptionIndexRow[]>
}

/**
 * Windows of the union of some ranges in [lo, hi), newest first, without reading what lies before
 * them: the days (from the counts) lead to the day a window starts in; a day with more rows than a
 * leaf — or ranges not counted per day — is halved in time and its halves counted on the index.
 */
class RangeWindows {
  private readonly root: TreeNode
  private readonly leaves: TreeNode[] = []

  constructor(
    private readonly db: DeskbookDb,
    private readonly ranges: readonly Range[],
    private readonly lo: number,
    private readonly hi: number,
    readonly total: number,
    days: ReadonlyMap<number, number> | null,
    private readonly tuning = TUNING,
  ) {
    this.root = { lo, hi, count: total }
    if (days) {
      const list = [...days].sort((x, y) => y[0] - x[0]).map(([day, count]) => ({ lo: Math.max(lo, day * DAY_MS), hi: Math.min(hi, (day + 1) * DAY_MS), count }))
      this.root.children = Promise.resolve(list)
    }
  }

  async window(start: number, end: number): Promise<ReceptionIndexRow[]> {
    const a = Math.max(0, start)
    const b = Math.min(end, this.total)
    if (a >= b) return []
    if (a === 0 && b === this.total) return readAll(this.db, this.ranges, this.lo, this.hi)
    if (b <= this.tuning.top) {
      const heads = await Promise.all(this.ranges.map((r) => rows(this.db, r, this.lo, this.hi).reverse().limit(b).toArray()))
      return (heads.length === 1 ? heads[0]! : heads.flat().sort(newestFirst)).slice(a, b)
    }
    const out: ReceptionIndexRow[] = []
    await this.collect(this.root, a, b - a, out)
    return out
  }

  private async collect(node: TreeNode, skip: number, take: number, out: ReceptionIndexRow[]): Promise<void> {
    if (take <= 0 || skip >= node.count) return
    if (!node.children && (node.count <= this.tuning.leaf || node.hi - node.lo <= 1)) {
      out.push(...(await this.leaf(node)).slice(skip, skip + take))
      return
    }
    node.children ??= this.halves(node)
    for (const child of await node.children) {
      if (take <= 0) return
      if (skip >= child.count) {
        skip -= child.count
        continue
      }
      const before = out.length
      await this.collect(child, skip, take, out)
      take -= out.length - before
      skip = 0
    }
  }

  /** Halve the time span: count the newer half, the older is the rest. Open ends close on the rows there first. */
  private async halves(node: TreeNode): Promise<TreeNode[]> {
    let { lo, hi } = node
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      const ends = await Promise.all(this.ranges.map(async (r) => [await rows(this.db, r, lo, hi).first(), await rows(this.db, r, lo, hi).last()] as const))
      const times = ends.flat().flatMap((row) => (row ? [row.receivedAt] : []))
      if (!times.length) return []
      lo = Math.min(...times)
      hi = Math.max(...times) + 1
      if (hi - lo <= 1) return [{ lo, hi, count: node.count }]
    }
    const mid = lo + Math.floor((hi - lo) / 2)
    const newer = (await countAll(this.db, this.ranges, mid, hi)).total
    return [
      { lo: mid, hi, count: newer },
      { lo, hi: mid, count: Math.max(0, node.count - newer) },
    ]
  }

  private leaf(node: TreeNode): Promise<ReceptionIndexRow[]> {
    if (!node.rows) {
      node.rows = readAll(this.db, this.ranges, node.lo, node.hi)
      this.leaves.push(node)
      // Scrolling through the whole register must not keep it all in memory.
      if (this.leaves.length > KEPT_LEAVES) delete this.leaves.shift()!.rows
    }
    return node.rows
  }
}

/** Windows of a list of ids already in order. */
function idWindows(db: DeskbookDb, ids: readonly string[]): (start: number, end: number) => Promise<ReceptionIndexRow[]> {
  return async (start, end) => {
    const got = await db.receptionIndex.bulkGet(ids.slice(Math.max(0, start), Math.max(0, end)))
    return got.filter((r): r is ReceptionIndexRow => !!r)
  }
}

// ——— Text ———

/** The collections a text may mean, by index: a reference number; else phone, room and name prefixes. */
function textCollections(db: DeskbookDb, text: string): Collection<ReceptionIndexRow, string>[] {
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

/** Pairs of the words spread over them (six are enough to find a rare one). */
function queryGrams(words: string): string[] {
  const grams = [...new Set(Array.from({ length: Math.max(0, words.length - 1) }, (_, i) => words.slice(i, i + 2)))]
  if (grams.length <= 6) return grams
  return Array.from({ length: 6 }, (_, i) => grams[Math.round((i * (grams.length - 1)) / 5)]!)
}

// ——— The query ———

/**
 * Open a query of the register: its total now, and its rows a window at a time. Read inside a live
 * query, the counts subscribe to every range the rows come from.
 */
export async function openRegister(db: DeskbookDb, siteId: string, q: RegisterQuery, viewer: Viewer, now: number, settings: Settings, options: RegisterOptions = {}): Promise<RegisterResult> {
  const live = (row: ReceptionIndexRow): RegisterRow => queueState(row, now, settings)
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
  const sized = await Promise.all(plan.dims.map(async (d) => ({ d, size: await countAll(db, d.ranges, lo, hi) })))
  sized.sort((x, y) => x.size.total - y.size.total)
  const driver = sized[0]!
  if (!driver.size.total) return EMPTY
  // One dimension says it all (a pair is the whole of two-character words).
  if (sized.length === 1 && words.length <= 2) {
    const windows = new RangeWindows(db, driver.d.ranges, lo, hi, driver.size.total, driver.size.days, options.tuning)
    return { plan: 'index', total: driver.size.total, tooBroad: false, window: async (a, b) => (await windows.window(a, b)).map(live) }
  }
  // Rows of the smallest dimension, read a few days at a time and checked; only the ids of matches are kept.
  const hits: Pick<ReceptionIndexRow, 'id' | 'receivedAt'>[] = []
  const check = (row: ReceptionIndexRow): boolean => row.siteId === siteId && matchesQuery(live(row), q, viewer) && (!words || searchText(row.matter).includes(words))
  for (const [i, r] of driver.d.ranges.entries())
    for (const [a, b] of spans(lo, hi, driver.size.parts[i]!.days, SCAN_SPAN))
      for (const row of await rows(db, r, a, b).toArray()) if (check(row)) hits.push({ id: row.id, receivedAt: row.receivedAt })
  return inMemory(db, 'scan', hits, live)
}

/** Does the index hold another site's rows? Its first and last by site tell (a walk over distinct sites would step through every row on disk). */
async function otherSites(db: DeskbookDb, siteId: string): Promise<boolean> {
  const [first, last] = await Promise.all([db.receptionIndex.orderBy('siteId').first(), db.receptionIndex.orderBy('siteId').last()])
  return (!!first && first.siteId !== siteId) || (!!last && last.siteId !== siteId)
}

/** Matching rows found by reading: only their ids are kept, newest first. */
function inMemory(db: DeskbookDb, plan: RegisterResult['plan'], hits: readonly Pick<ReceptionIndexRow, 'id' | 'receivedAt'>[], live: (row: ReceptionIndexRow) => RegisterRow): RegisterResult {
  const ids = [...new Map(hits.map((r) => [r.id, { id: r.id, receivedAt: r.receivedAt }])).values()].sort(newestFirst).map((r) => r.id)
  const read = idWindows(db, ids)
  return { plan, total: ids.length, tooBroad: false, window: async (a, b) => (await read(a, b)).map(live) }
}

/** Every row of a query, newest first (print, export, counts of the today screen). */
export async function queryRegister(db: DeskbookDb, siteId: string, q: RegisterQuery, viewer: Viewer, now: number, settings: Settings): Promise<RegisterRow[]> {
  const result = await openRegister(db, siteId, q, viewer, now, settings, { textCap: Infinity })
  return result.window(0, result.total)
}

/** How many rows a query has, without reading them when its plan allows. */
export async function countRegister(db: DeskbookDb, siteId: string, q: RegisterQuery, viewer: Viewer, now: number, settings: Settings): Promise<number> {
  return (await openRegister(db, siteId, q, viewer, now, settings, { textCap: Infinity })).total
}
