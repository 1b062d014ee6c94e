/**
 * The server's workbooks in one house style (a site's export, an owner's copy, the company's statistics):
 * exceljs loaded on the first workbook, not at every server start (it alone takes ~300 ms to load,
 * bench:start); a sheet with its header row bold and frozen.
 */
import { Type } from '@sinclair/typebox'
import type { Workbook, Worksheet } from 'exceljs'
import type { Column } from './site-export-columns'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A route's answer that is a workbook (its schema says a file; the handler sends the bytes). */
export const xlsxFileSchema = (description: string) => Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description })

export type ExcelJs = typeof import('exceljs')

export async function loadExcelJs(): Promise<ExcelJs> {
  return (await import('exceljs')).default
}

/** A workbook held in memory, written out with `workbook.xlsx.writeBuffer()`. */
export async function newWorkbook(): Promise<Workbook> {
  const workbook = new (await loadExcelJs()).Workbook()
  workbook.creator = 'Deskbook'
  return workbook
}

/** A sheet headed by `columns` (the header in words, the field it shows, the width), the header row bold and frozen. */
export function addSheet(workbook: Pick<Workbook, 'addWorksheet'>, name: string, columns: readonly Column[]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  return sheet
}
