/**
 * The appraisal table as an XLSX file for 绩效考核, made with exceljs in the browser (offline too).
 * exceljs is large: it loads only when someone exports. Text cells are string cells, shown as written
 * and never evaluated, so no apostrophe is put before a name (issue 10 point 16).
 */
import { loadExcelJs } from '@client/components/exceljs'

export async function appraisalXlsx(table: { headers: string[]; rows: (string | number)[][] }, sheetName: string, title: string): Promise<Uint8Array> {
  const Excel = await loadExcelJs()
  const book = new Excel.Workbook()
  book.creator = 'Deskbook'
  const sheet = book.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  })
  sheet.addRow([title]).font = { bold: true, size: 13 }
  sheet.addRow(table.headers).font = { bold: true }
  table.rows.forEach((cells) => sheet.addRow(cells))
  sheet.columns.forEach((col, i) => (col.width = i === 0 ? 12 : i === 1 ? 12 : 9))
  return new Uint8Array(await book.xlsx.writeBuffer())
}
