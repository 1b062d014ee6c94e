/**
 * Reading a site's spreadsheet in the browser with exceljs (docs/decisions.md): XLSX from its bytes,
 * CSV after decoding it ourselves (UTF-8, GBK, UTF-16; decode-text.ts). Every cell becomes the text a
 * person sees: a formula gives its last result, never its formula; text starting with = + - @ stays
 * text (CSV cells are never converted). exceljs is loaded only when a file is read (~1 MB).
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs'
import { MAX_IMPORT_ROWS } from '@client/features/archive/import/import-columns'
import { type SheetRows } from '@client/features/archive/import/import-rows'
import { decodeText, detectDelimiter, looksBinary, type TextEncodingName } from './decode-text'
import { loadExcelJs } from '@client/components/exceljs'

export type SheetReadProblem = 'notSpreadsheet' | 'oldExcel' | 'emptySheet' | 'tooLarge' | 'tooManyRows'

export class SheetReadError extends Error {
  override readonly name = 'SheetReadError'
  constructor(readonly code: SheetReadProblem) {
    super(code)
  }
}

export interface SheetData extends SheetRows {
  sheetName: string
  format: 'xlsx' | 'csv'
  /** CSV only. */
  encoding: TextEncodingName | null
  columnCount: number
}

export const MAX_FILE_BYTES = 30 * 1024 * 1024

const pad = (n: number): string => String(n).padStart(2, '0')

/** The text of a cell as shown (dates as YYYY-MM-DD; formulas by their result). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)))
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result)
  if ('error' in value) return value.error
  if ('text' in value) return cellText(value.text as CellValue)
  return ''
}

function rowsOf(sheet: Worksheet): SheetRows & { columnCount: number } {
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw new SheetReadError('tooManyRows')
  const rows: string[][] = []
  const rowNumbers: number[] = []
  let columnCount = 0
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as CellValue[]
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]).trim())
    while (cells.length && !cells.at(-1)) cells.pop()
    if (!cells.length) return
    rows.push(cells)
    rowNumbers.push(n)
    columnCount = Math.max(columnCount, cells.length)
  })
  if (!rows.length) throw new SheetReadError('emptySheet')
  return { rows, rowNumbers, columnCount }
}

async function readXlsx(bytes: Uint8Array): Promise<SheetData> {
  const { Workbook } = await loadExcelJs()
  const book: Workbook = new Workbook()
  try {
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  } catch {
    throw new SheetReadError('notSpreadsheet')
  }
  if (!book.worksheets.length) throw new SheetReadError('notSpreadsheet')
  // The first sheet with anything in it (a workbook often starts with an empty or cover sheet).
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0)
  if (!sheet) throw new SheetReadError('emptySheet')
  return { sheetName: sheet.name, format: 'xlsx', encoding: null, ...rowsOf(sheet) }
}

async function readCsv(bytes: Uint8Array): Promise<SheetData> {
  const { text, encoding } = decodeText(bytes)
  if (looksBinary(text)) throw new SheetReadError('notSpreadsheet')
  if (!text.trim()) throw new SheetReadError('emptySheet')
  const { Workbook } = await loadExcelJs()
  const book = new Workbook()
  // exceljs reads CSV from a stream; this source hands it the decoded text in one piece.
  const source = {
    pipe<T extends { write(chunk: string): unknown; end(): unknown }>(dest: T): T {
      dest.write(text)
      dest.end()
      return dest
    },
  }
  // `map` keeps every cell as the text it is: no numbers (leading zeros), dates or formulas made up.
  const sheet = await book.csv.read(source as never, { map: (v: string) => v, parserOptions: { delimiter: detectDelimiter(text) } } as never)
  return { sheetName: '', format: 'csv', encoding, ...rowsOf(sheet) }
}

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b)

/** Read the first sheet of an XLSX or CSV file; throws SheetReadError with what is wrong. */
export async function readSheet(data: ArrayBuffer | Uint8Array): Promise<SheetData> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  if (bytes.byteLength > MAX_FILE_BYTES) throw new SheetReadError('tooLarge')
  if (!bytes.byteLength) throw new SheetReadError('emptySheet')
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes)
  // The old binary .xls (and .et of WPS): exceljs cannot read it; the message says to save as .xlsx.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new SheetReadError('oldExcel')
  return readCsv(bytes)
}
