/**
 * The 月度客服工作报告's tables as an XLSX file (issue 16 point 3), made with exceljs in the browser (offline
 * too; loaded only when someone exports, `loadExcelJs`). One sheet: the title, then each table under its own
 * title row, its header in bold. Text cells are string cells, never evaluated.
 */
import { loadExcelJs } from '@client/components/exceljs'
import type { ReportTable } from '../print/report-tables'

export async function reportXlsx(tables: readonly ReportTable[], sheetName: string, title: string): Promise<Uint8Array> {
  const Excel = await loadExcelJs()
  const book = new Excel.Workbook()
  book.creator = 'Deskbook'
  const sheet = book.addWorksheet(sheetName, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  sheet.addRow([title]).font = { bold: true, size: 13 }
  for (const table of tables) {
    sheet.addRow([])
    sheet.addRow([table.title]).font = { bold: true }
    sheet.addRow(table.headers).font = { bold: true }
    for (const r of table.rows) sheet.addRow(r)
  }
  sheet.columns.forEach((col, i) => (col.width = i === 0 ? 28 : i === 3 ? 40 : 14))
  return new Uint8Array(await book.xlsx.writeBuffer())
}
