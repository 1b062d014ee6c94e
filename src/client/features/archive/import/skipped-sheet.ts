/**
 * The rows an import skipped (issue 10 point 5), as an XLSX the clerk corrects and imports again: the
 * sheet's own header and every column as it was, then a column saying why the row was skipped. Cells
 * are text, formatted as text ("@"), so a phone or room number typed in while correcting it keeps its
 * leading zeros; a cell that starts with "=" stays the text it was (exceljs writes a formula only
 * when given one).
 */
import { skippedRows, type ImportProblem, type SheetRows } from '@client/features/archive/import/import-rows'
import { loadExcelJs } from '@client/components/exceljs'


export interface SkippedSheetTexts {
  sheetName: string
  /** The header of the added column (原因). */
  reasonHeader: string
  /** Why one row was skipped, from its problems. */
  reason(row: number, problems: readonly ImportProblem[]): string
}

export async function skippedXlsx(sheet: SheetRows, headerIndex: number, columnCount: number, problems: readonly ImportProblem[], texts: SkippedSheetTexts): Promise<Uint8Array> {
  const { Workbook } = await loadExcelJs()
  const book = new Workbook()
  book.creator = 'Deskbook'
  const skipped = skippedRows(sheet, headerIndex, columnCount, problems)
  const out = book.addWorksheet(texts.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  out.columns = [...skipped.header.map(() => ({ width: 14, style: { numFmt: '@' } })), { width: 60, style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } } }]
  out.addRow([...skipped.header, texts.reasonHeader]).font = { bold: true }
  for (const r of skipped.rows) out.addRow([...r.cells, texts.reason(r.row, r.problems)])
  return new Uint8Array(await book.xlsx.writeBuffer())
}
