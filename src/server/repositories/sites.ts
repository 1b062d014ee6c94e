/** Sites and their change counters. */
import type { Transaction } from 'kysely'
import type { Database, SitesTable } from '../db/tables'
import type { Db } from './records'
import type { DbKind } from '../db/connection'

export type SiteRow = Omit<SitesTable, 'change_seq'> & { change_seq: number }

export async function insertSite(db: Db, site: { id: string; name: string; timezone: string }, now: number): Promise<void> {
  await db.insertInto('sites').values({ id: site.id, name: site.name, timezone: site.timezone, created_at: now }).execute()
}

export async function findSite(db: Db, id: string): Promise<SiteRow | null> {
  return ((await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst()) as SiteRow | undefined) ?? null
}

export async function listSites(db: Db): Promise<SiteRow[]> {
  return (await db.selectFrom('sites').selectAll().orderBy('created_at').execute()) as SiteRow[]
}

/**
 * The site's change counter, locked for this transaction on PostgreSQL (SQLite has one writer),
 * so that change numbers of a site are handed out one transaction at a time and commit in order.
 */
export async function lockChangeSeq(trx: Transaction<Database>, kind: DbKind, siteId: string): Promise<number> {
  let q = trx.selectFrom('sites').select('change_seq').where('id', '=', siteId)
  if (kind === 'postgres') q = q.forUpdate()
  const row = await q.executeTakeFirst()
  if (!row) throw new Error(`site ${siteId} missing`)
  return row.change_seq
}

export async function setChangeSeq(trx: Transaction<Database>, siteId: string, seq: number): Promise<void> {
  await trx.updateTable('sites').set({ change_seq: seq }).where('id', '=', siteId).execute()
}

export async function renameSite(db: Db, id: string, name: string, timezone: string): Promise<void> {
  await db.updateTable('sites').set({ name, timezone }).where('id', '=', id).execute()
}
