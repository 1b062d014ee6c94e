/**
 * An export of a site's data is recorded twice, in one transaction: in the console's list of exports
 * (`site_exports`, issue 12 point 7) and in the site's access trail (issue 14 point 2), a record the server
 * writes itself so the manager's tablets receive it like any other — who (the console account), when, what.
 */
import { randomUUID } from 'node:crypto'
import type { AccessEntry } from '@shared/domain/access-trail'
import type { ServerDb } from '../db/connection'
import { recordExport, type ExportEntry } from '../repositories/exports'
import { writeAsServer } from '../sync/server-write'

export async function recordSiteExport(db: ServerDb, e: ExportEntry): Promise<void> {
  const entry: AccessEntry = {
    id: randomUUID(),
    siteId: e.siteId,
    staffId: null,
    consoleUser: e.adminUsername,
    deviceId: null,
    at: e.at,
    kind: 'exportSite',
    subjectTable: '',
    subjectId: '',
    what: `项目数据 ${e.format.toUpperCase()}${e.withPhones ? '(含业主电话)' : '(业主电话已打码)'}`,
  }
  await db.kysely.transaction().execute(async (trx) => {
    await recordExport(trx, e)
    await writeAsServer(trx, db.kind, e.siteId, [{ table: 'accessTrail', recordId: entry.id, data: { ...entry } }], e.at)
  })
}
