/**
 * An owner's records as one XLSX workbook (issue 14 point 4; PIPL Art. 45: a copy for the owner): a sheet
 * per kind of record, in the site workbook's house style (site-export-columns.ts: Chinese sheet names and
 * headers, names for ids, times in the site's timezone). Phones in full: they are the owner's own. Every
 * sheet is there, an empty one says nothing of that kind is held. Recorded in the access trail first.
 */
import type { OwnerDossier } from '@shared/domain/owner-dossier'
import type { OwnerIdentity } from '@shared/domain/owner-dossier'
import type { ServerDb } from '../db/connection'
import { siteRecords } from '../repositories/records'
import { recordOwnerExport } from './export-trail'
import { findOwnerRecords, trailSubject } from './owner-dossier'
import { cellOf, columnsOf, SHEETS, timeFormatter, type Names } from './site-export-columns'
import { addSheet, newWorkbook } from './xlsx'

type Data = Record<string, unknown>

/** The dossier's records per table; the requests as corrected (their corrections are on the 接待跟进 sheet). */
function rowsOf(d: OwnerDossier): Record<string, readonly Data[]> {
  return {
    customers: d.customers,
    rooms: d.rooms,
    receptions: d.requests.map((r) => r.current),
    receptionEvents: d.requests.flatMap((r) => r.events),
    // The drawing is in the print view; a cell holds words.
    signatures: d.signatures.map((s) => ({ ...s, image: '(签名图像见打印件)' })),
    loans: d.loans,
    loanReturns: d.loanReturns,
    paidServices: d.paidServices,
  }
}

/** Staff and departments of the site by id (for the names a sheet or a print shows). */
export async function staffAndDepartments(db: ServerDb, siteId: string): Promise<{ staff: Map<string, string>; departments: Map<string, string> }> {
  const byId = async (table: string): Promise<Map<string, string>> => new Map((await siteRecords(db.kysely, siteId, table)).map((r) => [String(r.id), String(r.name ?? '')]))
  return { staff: await byId('staff'), departments: await byId('departments') }
}

export async function buildOwnerWorkbook(db: ServerDb, req: { siteId: string; identity: OwnerIdentity; by: { username: string }; now: number }): Promise<{ siteName: string; timezone: string; bytes: Buffer }> {
  const { site, dossier } = await findOwnerRecords(db, req.siteId, req.identity)
  const { staff, departments } = await staffAndDepartments(db, req.siteId)
  const names: Names = { staff, departments, rooms: new Map(dossier.rooms.map((r) => [r.id, r.label])), receptions: new Map(dossier.requests.map((r) => [r.reception.id, r.current.ref])) }
  const workbook = await newWorkbook()
  const time = timeFormatter(site.timezone)
  const rows = rowsOf(dossier)
  for (const [table, sheetName] of SHEETS) {
    const records = rows[table]
    if (!records) continue
    const columns = columnsOf(table)
    const sheet = addSheet(workbook, sheetName, columns)
    for (const data of records) sheet.addRow(columns.map((c) => cellOf(c.field, data[c.field], time, names)))
  }
  await recordOwnerExport(db, { siteId: site.id, adminUsername: req.by.username, at: req.now, format: 'xlsx', subject: trailSubject(dossier, req.identity) })
  return { siteName: site.name, timezone: site.timezone, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) }
}
