/** An owner's requests under PIPL and their answers (issue 14 point 4): the requester as stored, reduced. */
import type { OwnerRequestsTable } from '../db/tables'
import type { Db } from './records'

export type OwnerRequestRow = OwnerRequestsTable

export async function insertOwnerRequest(db: Db, row: OwnerRequestRow): Promise<void> {
  await db.insertInto('owner_requests').values(row).execute()
}

/** A site's requests, the latest answered first. */
export async function siteOwnerRequests(db: Db, siteId: string, limit: number): Promise<OwnerRequestRow[]> {
  const rows = await db.selectFrom('owner_requests').selectAll().where('site_id', '=', siteId).orderBy('answered_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
  return rows.map((r) => ({ ...r, received_at: Number(r.received_at), answered_at: Number(r.answered_at) }))
}
