/**
 * Writing the register's local search index: rows (`index-row.ts`) and their counts per day
 * (`index-counts.ts`) together, rebuilt for a request whenever it or its timeline changes, in the same
 * transaction (local writes and pulled pages alike).
 */
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { DeskbookDb } from '../database'
import { indexRow, type ReceptionIndexRow } from './index-row'
import { applyCountChanges, countChanges } from './index-counts'

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
