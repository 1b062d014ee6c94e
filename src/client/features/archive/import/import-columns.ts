/**
 * The columns of an imported spreadsheet: the fields an archive row has, which header means which field
 * (suggested from the usual Chinese headers), where the header row is, what a mapping lacks or repeats,
 * and a column's letter for the messages. Pure.
 */
export const IMPORT_FIELDS = ['building', 'unit', 'number', 'name', 'honorific', 'phones', 'moveInDate', 'relation', 'note'] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** The sheet's columns: for each column (index), the field it holds or null. Only `phones` may be on several columns. */
export type ColumnMapping = (ImportField | null)[]

/** Headers people use, most specific first (matched after removing spaces and bracketed notes). */
export const HEADER_HINTS: Record<ImportField, readonly string[]> = {
  building: ['楼栋', '栋号', '楼号', '楼栋号', '幢号', '楼宇', '栋', '幢', '楼座', '座'],
  unit: ['单元', '单元号'],
  number: ['房号', '房间号', '室号', '房屋编号', '房号室', '门牌号', '房间', '房屋', '户号'],
  name: ['业主姓名', '姓名', '住户', '住户姓名', '客户姓名', '业主', '户主', '租户姓名', '联系人'],
  honorific: ['性别', '称谓', '称呼'],
  phones: ['联系电话', '电话', '手机', '手机号', '手机号码', '电话号码', '联系方式', '固话', '座机', '备用电话'],
  moveInDate: ['入伙日期', '交房日期', '入住日期', '入伙时间', '交房时间', '收房日期'],
  relation: ['身份', '住户类型', '客户类型', '类型', '与业主关系', '关系', '住户身份'],
  note: ['备注', '说明'],
}

/** Fields a sheet must have a column for: the room (its number; the building may be in the same column) and the name. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['number', 'name']

/** The most rows one import takes (a large site has some 15,000 households). */
export const MAX_IMPORT_ROWS = 50_000

const cleanHeader = (h: string): string => h.replace(/[((][^))]*[))]/g, '').replace(/[\s::*]/g, '')

/** The field a header suggests, or null. */
export function fieldForHeader(header: string): ImportField | null {
  const h = cleanHeader(header)
  if (!h) return null
  for (const f of IMPORT_FIELDS) if (HEADER_HINTS[f].includes(h)) return f
  for (const f of IMPORT_FIELDS) if (HEADER_HINTS[f].some((hint) => hint.length > 1 && h.includes(hint))) return f
  return null
}

/** Suggested mapping for a header row: each field once (phones on every phone-like column). */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportField>()
  return headers.map((h) => {
    const f = fieldForHeader(h)
    if (!f || (taken.has(f) && f !== 'phones')) return null
    taken.add(f)
    return f
  })
}

/** The header row among the first ten: the one most headers are recognised in (a title row above it is common). */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  let best = -1
  let bestScore = 0
  rows.slice(0, 10).forEach((row, i) => {
    const score = row.filter((c) => fieldForHeader(c) !== null).length
    if (score > bestScore) [best, bestScore] = [i, score]
  })
  if (best >= 0) return best
  return Math.max(0, rows.findIndex((r) => r.some((c) => c.trim())))
}

export type MappingProblem = { code: 'columnMissing' | 'columnTwice'; field: ImportField }

export function mappingProblems(mapping: ColumnMapping): MappingProblem[] {
  const out: MappingProblem[] = []
  for (const f of REQUIRED_FIELDS) if (!mapping.includes(f)) out.push({ code: 'columnMissing', field: f })
  for (const f of IMPORT_FIELDS) if (f !== 'phones' && mapping.filter((m) => m === f).length > 1) out.push({ code: 'columnTwice', field: f })
  return out
}

/** A, B, … Z, AA … for column index 0, 1 … */
export function columnLetter(index: number): string {
  let s = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}
