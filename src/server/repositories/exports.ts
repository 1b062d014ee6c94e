/** The record of every export of a site's data (issue 12 point 7): who, when, which format, phones or not. */
import { randomUUID } from 'node:crypto'
import type { Db } from './records'

export interface ExportEntry {
  siteId: string
  adminId: string
  adminUsername: string
  format: 'json' | 'xlsx'
  withPhones: boolean
  at: number
}

export async function recordExport(db: Db, e: ExportEntry): Promise<void> {
  await db
    .insertInto('site_exports')
    .values({ id: randomUUID(), site_id: e.siteId, admin_id: e.adminId, admin_username: e.adminUsername, format: e.format, with_phones: e.withPhones ? 1 : 0, created_at: e.at })
    .execute()
}

/** The latest exports of a site, newest first. */
export async function recentExports(db: Db, siteId: string, limit: number): Promise<ExportEntry[]> {
  const rows = await db.selectFrom('site_exports').selectAll().where('site_id', '=', siteId).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()
  return rows.map((r) => ({ siteId: r.site_id, adminId: r.admin_id, adminUsername: r.admin_username, format: r.format, withPhones: r.with_phones === 1, at: Number(r.created_at) }))
}
