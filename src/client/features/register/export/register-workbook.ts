/**
 * Writing the register export (SPEC §6 "Exports for the office"): XLSX and CSV made with exceljs in
 * the browser, offline too. exceljs is large, so it loads only when someone exports (its chunk is
 * precached by the service worker like the rest of the app). XLSX cells are string cells, shown as
 * written and never evaluated; a CSV has no cell types, so its cells are neutralised against formula
 * injection (shared/domain/register-export.ts).
 */
import { EXPORT_COLUMNS, neutralisedTable, type ExportColumn, type RegisterTable } from '@client/features/register/rows/register-rows'

import { loadExcelJs, type ExcelJs } from '@client/components/exceljs'
export const CSV_TYPE = 'text/csv;charset=utf-8'
/** Excel opens a UTF-8 CSV without a byte-order mark as the local code page (GBK on Chinese Windows): garbled Chinese. */
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf])

/** Column widths in characters. */
const WIDTHS: Record<ExportColumn, number> = { index: 6, receivedAt: 17, customer: 22, room: 12, matter: 40, category: 10, channel: 14, handling: 48, resolvedAt: 17, receiver: 10, ref: 16 }
/** Columns of long text that wrap inside the cell. */
const WRAPPED: readonly ExportColumn[] = ['matter', 'handling']

async function workbookOf(table: RegisterTable, sheetName: string): Promise<InstanceType<ExcelJs['Workbook']>> {
  const Excel = await loadExcelJs()
  const workbook = new Excel.Workbook()
  workbook.creator = 'Deskbook'
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printing the sheet from Excel: A4 landscape, one page wide, the header row on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  })
  // Text columns formatted as text (@): a phone or room typed in later stays as typed too.
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ width: WIDTHS[c], style: c === 'index' ? {} : { numFmt: '@' } }))
  sheet.addRow(table.headers).font = { bold: true }
  for (const cells of table.rows) {
    // 序号 as a number, so the office can sort by it; every other cell is a string cell.
    const row = sheet.addRow(cells.map((c, i) => (i === 0 && /^\d+$/.test(c) ? Number(c) : c)))
    for (const c of WRAPPED) row.getCell(EXPORT_COLUMNS.indexOf(c) + 1).alignment = { wrapText: true, vertical: 'top' }
  }
  return workbook
}

/** The register as an XLSX file. */
export async function registerXlsx(table: RegisterTable, sheetName: string): Promise<Uint8Array> {
  const workbook = await workbookOf(table, sheetName)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** The register as a UTF-8 CSV file with a byte-order mark. */
export async function registerCsv(table: RegisterTable, sheetName: string): Promise<Uint8Array> {
  const workbook = await workbookOf(neutralisedTable(table), sheetName)
  const body = new Uint8Array(await workbook.csv.writeBuffer())
  const out = new Uint8Array(UTF8_BOM.length + body.length)
  out.set(UTF8_BOM)
  out.set(body, UTF8_BOM.length)
  return out
}
