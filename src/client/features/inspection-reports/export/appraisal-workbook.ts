/**
 * The appraisal table as an XLSX file for 绩效考核, made with exceljs in the browser (offline too).
 * exceljs is large: it loads only when someone exports. Cells arrive neutralised (appraisal-table.ts).
 */
type ExcelJs = typeof import('exceljs')

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export async function appraisalXlsx(table: { headers: string[]; rows: (string | number)[][] }, sheetName: string, title: string): Promise<Uint8Array> {
  // The browser build of exceljs is a CommonJS bundle: its exports may come as the default export.
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs }
  const Excel = mod.Workbook ? mod : mod.default!
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

/** Hand the file to the browser's downloads through an object URL (no server: works offline). */
export function downloadFile(bytes: Uint8Array, name: string, type: string): void {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(new Blob([bytes as BlobPart], { type })), download: name })
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
}
