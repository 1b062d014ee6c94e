/**
 * Local tables derived from synced ones, kept in step in the same transaction whenever their sources
 * change — by a local write (the repository calls `refresh`) or by a pulled page (pull.ts).
 */
import type { DeskbookDb } from './database'
import { REGISTER_DERIVED, refreshReceptionIndex } from './register/reception-index'

export interface ChangedRecord {
  table: string
  id: string
  data: Record<string, unknown>
}

export interface Derivation {
  /** Synced tables whose changes this derivation follows. */
  sources: readonly string[]
  /** Every table `refresh` reads or writes (the transaction must hold them). */
  tables: readonly string[]
  refresh(db: DeskbookDb, changed: readonly ChangedRecord[]): Promise<void>
}

export const DERIVATIONS: readonly Derivation[] = [
  {
    sources: ['receptions', 'receptionEvents'],
    // meta: the index keeps its per-day counts there (reception-queries.ts).
    tables: [...REGISTER_DERIVED, 'meta'],
    refresh: (db, changed) => refreshReceptionIndex(db, changed.map((c) => (c.table === 'receptions' ? c.id : String(c.data.receptionId)))),
  },
]

/** Derivations touched by changes to `tables`. */
export function derivationsFor(tables: Iterable<string>): Derivation[] {
  const set = new Set(tables)
  return DERIVATIONS.filter((d) => d.sources.some((s) => set.has(s)))
}
