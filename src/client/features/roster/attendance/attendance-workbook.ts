/**
 * The month's attendance as an XLSX file for the office (issue 13 point 5), made with exceljs in the browser,
 * offline too; exceljs loads only when someone exports. Names are string cells, never evaluated.
 */
import { loadExcelJs } from '@client/components/exceljs'

export async function attendanceXlsx(table: { headers: string[]; rows: (string | number)[][] }, sheetName: string, title: string): Promise<Uint8Array> {
  const Excel = await loadExcelJs()
  const book = new Excel.Workbook()
  book.creator = 'Deskbook'
  const sheet = book.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  })
  sheet.addRow([title]).font = { bold: true, size: 13 }
  const head = sheet.addRow(table.headers)
  head.font = { bold: true }
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  for (const cells of table.rows) sheet.addRow(cells).alignment = { wrapText: true, vertical: 'top' }
  const last = table.headers.length - 1
  sheet.columns.forEach((col, i) => (col.width = i === 0 ? 12 : i === last ? 60 : 9))
  return new Uint8Array(await book.xlsx.writeBuffer())
}
