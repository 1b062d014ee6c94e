/**
 * Writing the register's local search index: rows (`index-row.ts`) and their counts per day
 * (`index-counts.ts`) together, and each request's statistics row (`facts-row.ts`), rebuilt for a request
 * whenever it or its timeline changes, in the same transaction (local writes and pulled pages alike).
 */
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { DeskbookDb } from '../database'
import { indexRow, type ReceptionIndexRow } from './index-row'
import { applyCountChanges, countChanges } from './index-counts'
import { factsRow } from './facts-row'

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

/**
 * Rebuild the index rows and statistics rows of these requests; call inside a transaction holding the
 * `REGISTER_DERIVED` tables (receptions, receptionEvents, receptionIndex, requestFacts) and meta.
 */
export async function refreshReceptionIndex(db: DeskbookDb, receptionIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(receptionIds)]
  if (!ids.length) return
  const receptions = (await db.receptions.bulkGet(ids)).filter((r): r is Reception => !!r)
  const events = await db.receptionEvents.where('receptionId').anyOf(ids).toArray()
  const byReception = new Map<string, ReceptionEvent[]>()
  for (const e of events) byReception.set(e.receptionId, [...(byReception.get(e.receptionId) ?? []), e])
  await putIndexRows(db, receptions.map((r) => indexRow(r, byReception.get(r.id) ?? [])))
  await db.requestFacts.bulkPut(receptions.map((r) => factsRow(r, byReception.get(r.id) ?? [])))
  // A request the server deleted leaves no figure behind.
  const kept = new Set(receptions.map((r) => r.id))
  const gone = ids.filter((id) => !kept.has(id))
  if (gone.length) await db.requestFacts.bulkDelete(gone)
}

/** The tables `refreshReceptionIndex` reads and writes, besides meta: every transaction that calls it holds them. */
export const REGISTER_DERIVED = ['receptions', 'receptionEvents', 'receptionIndex', 'requestFacts'] as const
