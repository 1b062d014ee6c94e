/**
 * Counts per day of the register index's ranges (kept in `meta`), so that totals and deep pages of a
 * large register add up a few hundred small rows instead of counting index entries.
 */
import type { Table } from 'dexie'
import type { ReceptionIndexRow } from './index-row'

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

/** Add `changes` to the counts per day in `meta` (the database's, or an upgrade transaction's table). */
export async function applyCountChanges(db: { meta: Pick<Table<{ key: string; value: unknown }, string>, 'bulkGet' | 'bulkPut' | 'bulkDelete'> }, changes: ReadonlyMap<string, number>): Promise<void> {
  const keys = [...changes].filter(([, by]) => by !== 0).map(([k]) => k)
  if (!keys.length) return
  const stored = await db.meta.bulkGet(keys)
  const next = keys.map((key, i) => ({ key, value: (typeof stored[i]?.value === 'number' ? (stored[i].value as number) : 0) + changes.get(key)! }))
  const put = next.filter((r) => r.value > 0)
  const gone = next.filter((r) => r.value <= 0).map((r) => r.key)
  if (put.length) await db.meta.bulkPut(put)
  if (gone.length) await db.meta.bulkDelete(gone)
}
