/**
 * Reading ranges of the register index a window at a time: counts per range (from the counts per day),
 * the rows of a union of ranges newest first without reading what lies before the window, and windows
 * of a list of ids already in order.
 */
import type { Collection } from 'dexie'
import type { DeskbookDb } from '../database'
import { type ReceptionIndexRow } from './index-row'
import { countKey, countRangeKey, DAY_MS, dayOf } from './index-counts'
import { KEPT_LEAVES, type RegisterResult, TUNING, newestFirst } from './register-query'
import { type Range } from './register-plan'

export function rows(db: DeskbookDb, r: Range, lo: number, hi: number): Collection<ReceptionIndexRow, string> {
  return db.receptionIndex.where(r.index).between([...r.prefix, lo], [...r.prefix, hi], true, false)
}

/** How many rows a range has in [lo, hi); per day when its index is counted (reception-index.ts). */
export interface Size {
  total: number
  days: Map<number, number> | null
}

export async function countRange(db: DeskbookDb, r: Range, lo: number, hi: number): Promise<Size> {
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

/** How far back from "now" a range without counts per day is counted to estimate its size. */
export const ESTIMATE_SPAN = 60 * DAY_MS

/**
 * About how many rows a range without counts per day (the matter's pairs) has in [lo, hi): enough to choose
 * the dimension a scan reads, since every row read is checked — a poor guess costs time, never a row.
 * Counting a pair of a common word on a tablet's disk takes some 60 ms (its 6,700 index entries), so
 * only its newest ESTIMATE_SPAN is counted and scaled to the span its rows cover; exact when they cover
 * no more, zero only when there is none. `from`: the instant of its oldest row, where a read is sliced from.
 */
export async function estimateRange(db: DeskbookDb, r: Range, lo: number, hi: number, now: number): Promise<Size & { from: number }> {
  const first = await rows(db, r, lo, hi).first()
  if (!first) return { total: 0, days: null, from: lo }
  const end = Math.min(hi, now)
  const start = Math.max(first.receivedAt, end - ESTIMATE_SPAN)
  const recent = await rows(db, r, start, hi).count()
  const total = start <= first.receivedAt ? recent : Math.max(1, Math.round((recent * (end - first.receivedAt)) / (end - start)))
  return { total, days: null, from: first.receivedAt }
}

/** [lo, hi) cut into `n` reads, evenly in time from `from` to "now" (the first and the last open-ended). */
export function slices(lo: number, hi: number, from: number, now: number, n: number): [number, number][] {
  const a = Math.max(lo, from)
  const b = Math.min(hi, now)
  if (n <= 1 || !(a < b)) return [[lo, hi]]
  const edges = Array.from({ length: n - 1 }, (_, i) => Math.round(a + ((b - a) * (i + 1)) / n))
  return [lo, ...edges].map((x, i) => [x, edges[i] ?? hi])
}

export type Part = Size & { from?: number }

/**
 * The sizes of ranges together: per day only if every one is counted per day. With `estimateAt` ("now"),
 * a range without counts per day is estimated (estimateRange) rather than counted: for choosing a scan's
 * dimension, not for a total shown.
 */
export async function countAll(db: DeskbookDb, ranges: readonly Range[], lo: number, hi: number, estimateAt?: number): Promise<Size & { parts: Part[] }> {
  const parts = await Promise.all(ranges.map((r) => (estimateAt !== undefined && !countRangeKey(r.index, r.prefix) ? estimateRange(db, r, lo, hi, estimateAt) : countRange(db, r, lo, hi))))
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
export async function readAll(db: DeskbookDb, ranges: readonly Range[], lo: number, hi: number): Promise<ReceptionIndexRow[]> {
  const parts = await Promise.all(ranges.map((r) => rows(db, r, lo, hi).reverse().toArray()))
  return parts.length === 1 ? parts[0]! : parts.flat().sort(newestFirst)
}

/** Spans of [lo, hi), newest first, of at most about `size` rows each by the counts per day (one span without them). */
export function spans(lo: number, hi: number, days: ReadonlyMap<number, number> | null, size: number): [number, number][] {
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

export const EMPTY: RegisterResult = { plan: 'empty', total: 0, tooBroad: false, window: () => Promise.resolve([]) }


export interface TreeNode {
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
export class RangeWindows {
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
export function idWindows(db: DeskbookDb, ids: readonly string[]): (start: number, end: number) => Promise<ReceptionIndexRow[]> {
  return async (start, end) => {
    const got = await db.receptionIndex.bulkGet(ids.slice(Math.max(0, start), Math.max(0, end)))
    return got.filter((r): r is ReceptionIndexRow => !!r)
  }
}
