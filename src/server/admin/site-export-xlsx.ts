/**
 * One site's records as one XLSX workbook with a sheet per form (issue 12 point 7; docs/decisions.md
 * says why one workbook): live records only, columns from site-export-columns.ts, owners' phones
 * masked unless asked for. Written with exceljs's streaming writer a page of records at a time, inside
 * one snapshot; the file is held once, as the chunks the writer produced. Recorded like every export.
 */
import { PassThrough } from 'node:stream'
import type { Transaction } from 'kysely'
import type { ServerDb } from '../db/connection'
import type { Database } from '../db/tables'
import { recordSiteExport } from './export-trail'
import { inSiteSnapshot } from '../repositories/site-archive'
import { cellOf, columnsOf, SHEETS, timeFormatter, type Names } from './site-export-columns'
import { maskedData } from './site-export-format'
import { pagesOf, siteToExport, tablesOf } from './site-export-read'
import type { BuiltFile, ExportRequest } from './site-export'
import { addSheet, loadExcelJs } from './xlsx'

export { XLSX_TYPE } from './xlsx'

type Data = Record<string, unknown>

async function* liveRecords(trx: Transaction<Database>, siteId: string, table: string): AsyncGenerator<Data> {
  for await (const page of pagesOf(trx, siteId, table)) {
    for (const r of page) if (r.deleted !== 1) yield JSON.parse(r.data) as Data
  }
}

async function namesOf(trx: Transaction<Database>, siteId: string): Promise<Names> {
  const map = async (table: string, field: string): Promise<Map<string, string>> => {
    const out = new Map<string, string>()
    for await (const d of liveRecords(trx, siteId, table)) out.set(String(d.id), String(d[field] ?? ''))
    return out
  }
  return { staff: await map('staff', 'name'), departments: await map('departments', 'name'), rooms: await map('rooms', 'label'), receptions: await map('receptions', 'ref') }
}

export async function buildSiteWorkbook(db: ServerDb, req: ExportRequest): Promise<BuiltFile> {
  const site = await siteToExport(db, req.siteId)
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => out.on('end', resolve).on('error', reject))
  const ExcelJS = await loadExcelJs()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  workbook.creator = 'Deskbook'
  // Recorded first, so the workbook holds its own entry of the access trail (issue 14 point 2).
  await recordSiteExport(db, { siteId: site.id, adminId: req.by.id, adminUsername: req.by.username, format: 'xlsx', withPhones: req.withPhones, at: req.now })
  await inSiteSnapshot(db, async (trx) => {
    const names = await namesOf(trx, req.siteId)
    const present = new Set(await tablesOf(trx, req.siteId))
    const time = timeFormatter(site.timezone)
    for (const [table, sheetName] of SHEETS) {
      if (!present.has(table)) continue
      const columns = columnsOf(table)
      const sheet = addSheet(workbook, sheetName, columns)
      for await (const data of liveRecords(trx, req.siteId, table)) {
        const shown = req.withPhones ? data : maskedData(table, data)
        sheet.addRow(columns.map((c) => cellOf(c.field, shown[c.field], time, names))).commit()
      }
      sheet.commit()
    }
  })
  await workbook.commit()
  await ended
  return { siteName: site.name, timezone: site.timezone, chunks, bytes: chunks.reduce((n, c) => n + c.length, 0) }
}
