/**
 * Importing a site's spreadsheet into the archive: check every row first, then write all rooms and
 * customers with their outbox entries in ONE transaction — everything or nothing. Rows with problems
 * block the import unless the clerk chose to skip exactly those rows (issue 10 point 5: one bad row
 * must not hold back 2,999 good ones); the skipped rows are handed back to be corrected and imported
 * again. The rules are pure (import-rows.ts, import-match.ts); reading the file is the feature's
 * (features/archive/import/read-sheet.ts).
 */
import type { Customer, Room } from '@shared/domain/archive'
import { mappingProblems, type ColumnMapping, type MappingProblem } from '@client/features/archive/import/import-columns'
import { planImport, problemRows, type ImportPlan, type ImportProblem, type SheetRows } from '@client/features/archive/import/import-rows'
import { matchArchive, type ArchiveMatch } from '@client/features/archive/import/import-match'
import type { DeskbookDb } from '@client/db/database'
import { RecordInvalidError } from '@client/db/errors'
import { writeRecords, writeTransaction, type Actor, type RecordWrite } from '@client/db/write-records'

export interface ImportSummary {
  rows: number
  /** Rows written (all but the skipped ones). */
  imported: number
  /** Rows left out because of a problem. */
  skipped: number
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

export interface ImportResult {
  summary: ImportSummary
  /** The problems of the rows skipped (none unless the clerk chose to skip). */
  skipped: ImportProblem[]
}

export interface ImportOptions {
  /**
   * The rows the clerk chose to skip: those with problems at the check. A problem on any other row
   * (a sync brought something since) still refuses the whole import.
   */
  skipRows?: readonly number[]
  onProgress?: (done: number, total: number) => void
  now?: number
}

/** Rows written per writeRecords call: progress is reported between them, all in the one transaction. */
export const IMPORT_CHUNK = 500

const byRow = (a: ImportProblem, b: ImportProblem): number => a.row - b.row || a.column.localeCompare(b.column)

function summarise(plan: ImportPlan | null, match: ArchiveMatch | null, problems: readonly ImportProblem[]): ImportSummary {
  const rows = plan?.rowCount ?? 0
  const skipped = problemRows(problems).length
  return {
    rows,
    imported: rows - skipped,
    skipped,
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
  if (columns.length) return { plan: null, mappingProblems: columns, problems: [], summary: summarise(null, null, []) }
  const plan = planImport(sheet, headerIndex, mapping)
  const [rooms, customers] = await siteArchive(db, siteId)
  const match = matchArchive(plan, siteId, rooms, customers)
  const problems = [...plan.problems, ...match.problems].sort(byRow)
  return { plan, mappingProblems: [], problems, summary: summarise(plan, match, problems) }
}

/**
 * Write `plan` (its good rows: rows with problems are not in it) in one transaction with its outbox
 * entries. The archive is read again inside the transaction (a sync may have brought rooms since the
 * check), so rooms are never duplicated. Throws RecordInvalidError<ImportProblem>, and writes nothing,
 * when a row has a problem that the clerk did not choose to skip.
 */
export async function runImport(db: DeskbookDb, actor: Actor, plan: ImportPlan, options: ImportOptions = {}): Promise<ImportResult> {
  const { onProgress, now = Date.now() } = options
  const skippable = new Set(options.skipRows ?? [])
  const refused = (problems: readonly ImportProblem[]): boolean => problems.some((p) => !skippable.has(p.row))
  if (refused(plan.problems)) throw new RecordInvalidError(plan.problems)
  return writeTransaction(db, [db.rooms, db.customers], async () => {
    const [rooms, customers] = await siteArchive(db, actor.siteId)
    const match = matchArchive(plan, actor.siteId, rooms, customers)
    const problems = [...plan.problems, ...match.problems].sort(byRow)
    if (refused(match.problems)) throw new RecordInvalidError(problems)
    const writes: RecordWrite[] = [
      ...match.newRooms.map((r): RecordWrite => ({ name: 'room.put', row: r })),
      ...match.newCustomers.map((c): RecordWrite => ({ name: 'customer.put', row: c })),
      ...match.changedCustomers.map(({ next, fields }): RecordWrite => ({ name: 'customer.put', row: next, fields })),
    ]
    // The rules keep every record valid; one that is not (a bug) is refused by writeRecords' schema
    // check, and with it the whole import (the transaction).
    onProgress?.(0, writes.length)
    for (let i = 0; i < writes.length; i += IMPORT_CHUNK) {
      await writeRecords(db, actor, writes.slice(i, i + IMPORT_CHUNK), now)
      onProgress?.(Math.min(i + IMPORT_CHUNK, writes.length), writes.length)
    }
    return { summary: summarise(plan, match, problems), skipped: problems }
  })
}
