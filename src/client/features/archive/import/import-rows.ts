/**
 * Importing the spreadsheet a site already keeps (SPEC §1 customer archive: "imported from the
 * spreadsheet a site already keeps"). Pure rules: which column holds what (suggested from the usual
 * Chinese headers), what each row means, and every problem with its row and column — found before
 * anything is written. Cells arrive as text and stay text: `=…`, `+…`, `-…`, `@…` are never formulas.
 * Which column holds what is in import-columns.ts.
 */
import { HONORIFICS, type Honorific } from '@shared/domain/reception'
import { roomLabel, type Relation } from '@shared/domain/archive'
import { ARCHIVE_LIMITS, normaliseDate, parsePhones, type PhoneProblem } from '@shared/domain/archive-edit'
import { type ColumnMapping, type ImportField, columnLetter } from './import-columns'

export type ImportProblemCode =
  | 'buildingMissing'
  | 'numberMissing'
  | 'roomUnreadable'
  | 'nameMissing'
  | 'tooLong'
  | 'dateInvalid'
  | 'relationUnknown'
  | 'honorificUnknown'
  /** The same person in the same room as an earlier row (`otherRow`). */
  | 'duplicateRow'
  | PhoneProblem

export interface ImportProblem {
  /** Row number as the spreadsheet program shows it. */
  row: number
  /** Column letter (A, B …) and its header text. */
  column: string
  header: string
  code: ImportProblemCode
  /** The cell as it was. */
  value: string
  /** duplicateRow: the earlier row this one repeats. */
  otherRow?: number
}

export interface PlannedCustomer {
  rows: number[]
  name: string
  honorific: Honorific
  relation: Relation
  phones: string[]
  moveInDate: string | null
  note: string
}

export interface PlannedRoom {
  rows: number[]
  building: string
  unit: string
  number: string
  label: string
  note: string
  customers: PlannedCustomer[]
}

export interface SheetRows {
  /** Cell texts, row by row (header row included). */
  rows: string[][]
  /** The spreadsheet's own number of each row (blank rows are not in `rows`). */
  rowNumbers: number[]
}

export interface ImportPlan {
  rooms: PlannedRoom[]
  /** The (first) column of each mapped field, to name it in problems found later. */
  columns: Partial<Record<ImportField, { column: string; header: string }>>
  problems: ImportProblem[]
  /** Data rows read (below the header). */
  rowCount: number
  customerCount: number
}

/** `3-2-1101`, `3栋2单元1101室`, `A座1101` in one cell → building, unit, number. */
export function parseRoomText(text: string): { building: string; unit: string; number: string } | null {
  const t = text.trim()
  const spelled = /^(\S+?)(?:栋|号楼|幢|座|#)\s*(?:(\S+?)单元)?\s*(\S+?)(?:室|号)?$/.exec(t)
  if (spelled) return { building: spelled[1]!, unit: spelled[2] ?? '', number: spelled[3]! }
  const parts = t.split(/\s*[-—–/_\s]\s*/).filter(Boolean)
  if (parts.length === 3) return { building: parts[0]!, unit: parts[1]!, number: parts[2]! }
  if (parts.length === 2) return { building: parts[0]!, unit: '', number: parts[1]! }
  return null
}

const RELATION_WORDS: Record<Relation, readonly string[]> = {
  owner: ['业主', '户主', '产权人', '房东', '业主本人', '本人', 'owner'],
  tenant: ['租户', '租客', '承租人', '住户(租)', 'tenant'],
  family: ['家属', '家庭成员', '家人', '同住人', '配偶', '子女', '父母', '亲属', '夫妻', '儿子', '女儿', 'family'],
}

export function parseRelation(text: string): Relation | null {
  const t = text.trim().toLowerCase()
  if (!t) return 'owner'
  for (const r of ['owner', 'tenant', 'family'] as const) if (RELATION_WORDS[r].includes(t)) return r
  return null
}

export function parseHonorific(text: string): Honorific | null {
  const t = text.trim().toLowerCase()
  if (!t) return 'none'
  if (['男', '先生', 'mr', 'mr.', 'm'].includes(t) || t.endsWith('先生')) return 'mr'
  if (['女', '女士', '小姐', 'ms', 'ms.', 'mrs', 'f'].includes(t) || t.endsWith('女士') || t.endsWith('小姐')) return 'ms'
  return (HONORIFICS as readonly string[]).includes(t) ? (t as Honorific) : null
}

/** `张女士` in a name column: the honorific is written in the name (desk sheets often do); the name stays as written. */
function honorificInName(name: string): Honorific {
  const m = /^(.{1,4}?)(先生|女士|小姐)$/.exec(name)
  if (!m) return 'none'
  return m[2] === '先生' ? 'mr' : 'ms'
}

interface Cells {
  /** Is a column mapped to `field`? */
  has(field: ImportField): boolean
  of(field: ImportField): string
  /** Record a problem of this row's `field` column; always false, so `ok &&= problem(…)` reads well. */
  problem(field: ImportField, code: ImportProblemCode, value?: string, otherRow?: number): false
}

type ReadRow = { room: Omit<PlannedRoom, 'rows' | 'customers'>; customer: Omit<PlannedCustomer, 'rows'> | null }

/** The room of a row: separate building/unit/number columns, or the whole room in the number column. */
function readRoom(cells: Cells): ReadRow['room'] | null {
  let building = cells.of('building')
  let unit = cells.of('unit')
  let number = cells.of('number')
  if (!building && !unit && number) {
    const parsed = parseRoomText(number)
    if (parsed) ({ building, unit, number } = parsed)
    else return cells.problem(cells.has('building') ? 'building' : 'number', cells.has('building') ? 'buildingMissing' : 'roomUnreadable') || null
  }
  if (!number) return cells.problem('number', 'numberMissing') || null
  if (!building) return cells.problem('building', 'buildingMissing') || null
  const label = roomLabel(building, unit, number)
  let ok = true
  if (building.length > ARCHIVE_LIMITS.building) ok = cells.problem('building', 'tooLong')
  if (unit.length > ARCHIVE_LIMITS.unit) ok = cells.problem('unit', 'tooLong')
  if (number.length > ARCHIVE_LIMITS.number || label.length > ARCHIVE_LIMITS.label) ok = cells.problem('number', 'tooLong')
  return ok ? { building, unit, number, label, note: '' } : null
}

/** Read one data row; null when it cannot be imported (its problems were recorded). */
function readRow(cells: Cells): ReadRow | null {
  const room = readRoom(cells)
  const name = cells.of('name')
  const note = cells.of('note')
  let ok = room !== null
  if (note.length > ARCHIVE_LIMITS.note) ok = cells.problem('note', 'tooLong')
  const phoneText = cells.of('phones')
  if (!name) {
    // A row with a room and nothing else is a room without customers (vacant, unsold): its note is the room's.
    if ([phoneText, cells.of('moveInDate'), cells.of('relation'), cells.of('honorific')].some(Boolean)) ok = cells.problem('name', 'nameMissing')
    return ok && room ? { room: { ...room, note }, customer: null } : null
  }
  if (name.length > ARCHIVE_LIMITS.name) ok = cells.problem('name', 'tooLong')
  const honorificText = cells.of('honorific')
  const honorific = honorificText ? parseHonorific(honorificText) : honorificInName(name)
  if (honorific === null) ok = cells.problem('honorific', 'honorificUnknown')
  const relation = parseRelation(cells.of('relation'))
  if (relation === null) ok = cells.problem('relation', 'relationUnknown')
  const moveInDate = normaliseDate(cells.of('moveInDate'))
  if (moveInDate === null) ok = cells.problem('moveInDate', 'dateInvalid')
  const phones = parsePhones([phoneText])
  for (const p of phones.problems) ok = cells.problem('phones', p.problem, p.value)
  if (!ok || !room || honorific === null || relation === null || moveInDate === null) return null
  return { room, customer: { name, honorific, relation, phones: phones.phones, moveInDate: moveInDate || null, note } }
}

/**
 * Every data row below `headerIndex`, read with `mapping`: rooms (one per label, however many rows
 * name it) with their customers (one per name in a room), and every problem. A row naming a person
 * already named in that room by an earlier row is a problem (duplicateRow), never merged silently: the
 * two rows may disagree, and only the clerk knows which is right. Rows with problems are left out of
 * `rooms`, so the plan holds exactly the good rows; write it only with problems resolved or skipped.
 */
export function planImport(sheet: SheetRows, headerIndex: number, mapping: ColumnMapping): ImportPlan {
  const headers = sheet.rows[headerIndex] ?? []
  const rooms = new Map<string, PlannedRoom>()
  const problems: ImportProblem[] = []
  let rowCount = 0
  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    const row = sheet.rows[i]!
    if (!row.some((c) => c.trim())) continue
    rowCount++
    const rowNumber = sheet.rowNumbers[i] ?? i + 1
    const columnsOf = (f: ImportField): number[] => mapping.flatMap((m, c) => (m === f ? [c] : []))
    const cells: Cells = {
      has: (f) => mapping.includes(f),
      of: (f) =>
        columnsOf(f)
          .map((c) => (row[c] ?? '').trim())
          .filter(Boolean)
          .join(f === 'phones' ? '/' : ' '),
      problem(f, code, value, otherRow) {
        const c = columnsOf(f)[0] ?? -1
        const problem: ImportProblem = { row: rowNumber, column: c >= 0 ? columnLetter(c) : '', header: c >= 0 ? (headers[c] ?? '').trim() : '', code, value: value ?? (c >= 0 ? (row[c] ?? '').trim() : '') }
        problems.push(otherRow === undefined ? problem : { ...problem, otherRow })
        return false
      },
    }
    const read = readRow(cells)
    if (!read) continue
    const known = rooms.get(read.room.label)
    const same = read.customer && known?.customers.find((c) => c.name === read.customer!.name)
    if (same) {
      cells.problem('name', 'duplicateRow', undefined, same.rows[0])
      continue
    }
    const room = known ?? { ...read.room, rows: [], customers: [] }
    rooms.set(room.label, room)
    room.rows.push(rowNumber)
    if (read.customer) room.customers.push({ ...read.customer, rows: [rowNumber] })
    else room.note ||= read.room.note
  }
  const list = [...rooms.values()]
  const columns: ImportPlan['columns'] = {}
  mapping.forEach((f, c) => {
    if (f && !columns[f]) columns[f] = { column: columnLetter(c), header: (headers[c] ?? '').trim() }
  })
  return { rooms: list, columns, problems, rowCount, customerCount: list.reduce((n, r) => n + r.customers.length, 0) }
}

/** The rows that have problems, in sheet order. */
export function problemRows(problems: readonly ImportProblem[]): number[] {
  return [...new Set(problems.map((p) => p.row))].sort((a, b) => a - b)
}

export interface SkippedRow {
  /** The row number in the original sheet. */
  row: number
  /** Its cells as they were, one per column of the sheet. */
  cells: string[]
  problems: ImportProblem[]
}

/**
 * The rows an import skipped, with the sheet's own header and every column as it was (mapped or
 * not), so the clerk can correct them in a copy and import that copy again.
 */
export function skippedRows(sheet: SheetRows, headerIndex: number, columnCount: number, problems: readonly ImportProblem[]): { header: string[]; rows: SkippedRow[] } {
  const indexOf = new Map(sheet.rows.map((_, i) => [sheet.rowNumbers[i] ?? i + 1, i]))
  const pad = (cells: readonly string[] | undefined): string[] => Array.from({ length: columnCount }, (_, c) => cells?.[c] ?? '')
  return {
    header: pad(sheet.rows[headerIndex]),
    rows: problemRows(problems).map((row) => ({ row, cells: pad(sheet.rows[indexOf.get(row) ?? -1]), problems: problems.filter((p) => p.row === row) })),
  }
}
