/**
 * What the console takes out of a site is recorded in the site's access trail (issue 14 point 2), a record
 * the server writes itself so the manager's tablets receive it like any other — who (the console account),
 * when, what: an export of a site's data (also in the console's list of exports, `site_exports`, issue 12
 * point 7, in the same transaction) and an owner's own records (issue 14 point 4).
 */
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { AccessEntry, AccessKind } from '@shared/domain/access-trail'
import type { ServerDb } from '../db/connection'
import type { Database } from '../db/tables'
import { recordExport, type ExportEntry } from '../repositories/exports'
import { writeAsServer } from '../sync/server-write'

/** An entry of the console's: which site, which account, when, what kind and what (never a phone). */
export interface ConsoleTrailEntry {
  siteId: string
  adminUsername: string
  at: number
  kind: AccessKind
  what: string
}

/** Writes the console's entry in `trx`, with the rest of what the caller records. */
export async function writeConsoleTrail(trx: Transaction<Database>, db: ServerDb, e: ConsoleTrailEntry): Promise<void> {
  const entry: AccessEntry = { id: randomUUID(), siteId: e.siteId, staffId: null, consoleUser: e.adminUsername, deviceId: null, at: e.at, kind: e.kind, subjectTable: '', subjectId: '', what: e.what }
  await writeAsServer(trx, db.kind, e.siteId, [{ table: 'accessTrail', recordId: entry.id, data: { ...entry } }], e.at)
}

export async function recordSiteExport(db: ServerDb, e: ExportEntry): Promise<void> {
  const what = `项目数据 ${e.format.toUpperCase()}${e.withPhones ? '(含业主电话)' : '(业主电话已打码)'}`
  await db.kysely.transaction().execute(async (trx) => {
    await recordExport(trx, e)
    await writeConsoleTrail(trx, db, { siteId: e.siteId, adminUsername: e.adminUsername, at: e.at, kind: 'exportSite', what })
  })
}

/** An owner's records given out (the workbook, or the print view printed to PDF): `subject` as trailSubject says who. */
export async function recordOwnerExport(db: ServerDb, e: { siteId: string; adminUsername: string; at: number; format: 'xlsx' | 'pdf'; subject: string }): Promise<void> {
  const what = `业主个人信息 ${e.format.toUpperCase()} · ${e.subject}`.slice(0, 120)
  await db.kysely.transaction().execute((trx) => writeConsoleTrail(trx, db, { siteId: e.siteId, adminUsername: e.adminUsername, at: e.at, kind: 'exportOwner', what }))
}
