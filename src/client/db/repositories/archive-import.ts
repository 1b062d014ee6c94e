/**
 * Importing a site's spreadsheet into the archive: check every row first (nothing written while any
 * problem remains), then write all rooms and customers with their outbox entries in ONE transaction —
 * everything or nothing. The rules are pure (shared/domain/archive-import*.ts); reading the file is
 * the feature's (features/archive/import/read-sheet.ts).
 */
import { CustomerSchema, RoomSchema, type Customer, type Room } from '@shared/domain/archive'
import { mappingProblems, planImport, type ColumnMapping, type ImportPlan, type ImportProblem, type MappingProblem, type SheetRows } from '@shared/domain/archive-import'
import { matchArchive, type ArchiveMatch } from '@shared/domain/archive-import-match'
import { isValid } from '@shared/domain/validation'
import type { DeskbookDb } from '../database'
import { toStorageError } from '../errors'
import { writeRecords, type Actor, type RecordWrite } from '../write-records'

export interface ImportSummary {
  rows: number
  newRooms: number
  matchedRooms: number
  newCustomers: number
  changedCustomers: number
  unchangedCustomers: number
}

export interface ImportCheck {
  /** Null when the columns cannot be read (mapping problems). */
  plan: ImportPlan | null
  mappingProblems: MappingProblem[]
  /** Every row problem, by row. */
  problems: ImportProblem[]
  summary: ImportSummary
}

export class ImportInvalidError extends Error {
  override readonly name = 'ImportInvalidError'
  constructor(readonly problems: ImportProblem[]) {
    super(`${problems.length} problem(s) in the sheet`)
  }
}

/** Rows written per writeRecords call: progress is reported between them, all in the one transaction. */
export const IMPORT_CHUNK = 500

function summarise(plan: ImportPlan | null, match: ArchiveMatch | null): ImportSummary {
  return {
    rows: plan?.rowCount ?? 0,
    newRooms: match?.newRooms.length ?? 0,
    matchedRooms: match?.matchedRooms ?? 0,
    newCustomers: match?.newCustomers.length ?? 0,
    changedCustomers: match?.changedCustomers.length ?? 0,
    unchangedCustomers: match?.unchangedCustomers ?? 0,
  }
}

async function siteArchive(db: DeskbookDb, siteId: string): Promise<[Room[], Customer[]]> {
  return Promise.all([db.rooms.where('siteId').equals(siteId).toArray(), db.customers.where('siteId').equals(siteId).toArray()])
}

/** Read every row with `mapping` and lay it over the archive: what would be written, and every problem. Writes nothing. */
export async function checkImport(db: DeskbookDb, siteId: string, sheet: SheetRows, headerIndex: number, mapping: ColumnMapping): Promise<ImportCheck> {
  const columns = mappingProblems(mapping)
  if (columns.length) return { plan: null, mappingProblems: columns, problems: [], summary: summarise(null, null) }
  const plan = planImport(sheet, headerIndex, mapping)
  const [rooms, customers] = await siteArchive(db, siteId)
  const match = matchArchive(plan, siteId, rooms, customers)
  const problems = [...plan.problems, ...match.problems].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
  return { plan, mappingProblems: [], problems, summary: summarise(plan, match) }
}

/**
 * Write `plan` in one transaction with its outbox entries. The archive is read again inside the
 * transaction (a sync may have brought rooms since the check), so rooms are never duplicated.
 * Throws ImportInvalidError, and writes nothing, when any problem remains.
 */
export async function runImport(db: DeskbookDb, actor: Actor, plan: ImportPlan, onProgress?: (done: number, total: number) => void, now = Date.now()): Promise<ImportSummary> {
  if (plan.problems.length) throw new ImportInvalidError(plan.problems)
  try {
    return await db.transaction('rw', [db.rooms, db.customers, db.outbox, db.meta], async () => {
      const [rooms, customers] = await siteArchive(db, actor.siteId)
      const match = matchArchive(plan, actor.siteId, rooms, customers)
      if (match.problems.length) throw new ImportInvalidError(match.problems)
      const writes: RecordWrite[] = [
        ...match.newRooms.map((r): RecordWrite => ({ table: 'rooms', row: r, key: r.id, name: 'room.put' })),
        ...match.newCustomers.map((c): RecordWrite => ({ table: 'customers', row: c, key: c.id, name: 'customer.put' })),
        ...match.changedCustomers.map(({ next, fields }): RecordWrite => ({ table: 'customers', row: next, key: next.id, name: 'customer.put', fields })),
      ]
      // The rules keep every record valid; a record that is not would be a bug: refuse the whole import.
      if (!match.newRooms.every((r) => isValid(RoomSchema, r)) || ![...match.newCustomers, ...match.changedCustomers.map((c) => c.next)].every((c) => isValid(CustomerSchema, c))) {
        throw new Error('import produced a record its schema refuses')
      }
      onProgress?.(0, writes.length)
      for (let i = 0; i < writes.length; i += IMPORT_CHUNK) {
        await writeRecords(db, actor, writes.slice(i, i + IMPORT_CHUNK), now)
        onProgress?.(Math.min(i + IMPORT_CHUNK, writes.length), writes.length)
      }
      return summarise(plan, match)
    })
  } catch (e) {
    if (e instanceof ImportInvalidError) throw e
    throw toStorageError(e)
  }
}
