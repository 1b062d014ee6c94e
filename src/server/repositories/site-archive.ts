/**
 * A site's records read out in pages for an archive, and written back in bulk when an archive is
 * imported (issue 12 point 7): the stored rows as they are — merged data, per-field stamps, tombstone,
 * change number — so tablets enrolled afterwards pull the same records.
 */
import type { Transaction } from 'kysely'
import type { ServerDb } from '../db/connection'
import type { Database, RecordsTable } from '../db/tables'
import { inReadSnapshot } from '../db/read-snapshot'
import type { Db } from './records'
import type { DeviceRow } from './devices'
import { watchedRequestOf, watchRequests } from './notify-watch'
import { hasInstant, recordInstant } from './record-instant'

/** `read` in one consistent view of the database that lets tablets go on pushing meanwhile (db/read-snapshot.ts). */
export function inSiteSnapshot<T>(db: ServerDb, read: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return inReadSnapshot(db, read)
}

/** The tables a site has records in. */
export async function siteTableNames(db: Db, siteId: string): Promise<string[]> {
  const rows = await db.selectFrom('records').select('table_name').distinct().where('site_id', '=', siteId).execute()
  return rows.map((r) => r.table_name)
}

export type StoredRow = Pick<RecordsTable, 'record_id' | 'parent_id' | 'data' | 'field_hlc' | 'deleted' | 'seq' | 'updated_at'>

/**
 * Up to `limit` rows of `table` after record id `afterId` ('' for the first page), in id order: the
 * primary key's own order, so each page is a range read of the index (ids are time-ordered UUIDv7s,
 * so this is roughly the order they were made in).
 */
export async function recordsPage(db: Db, siteId: string, table: string, afterId: string, limit: number): Promise<StoredRow[]> {
  return db
    .selectFrom('records')
    .select(['record_id', 'parent_id', 'data', 'field_hlc', 'deleted', 'seq', 'updated_at'])
    .where('site_id', '=', siteId)
    .where('table_name', '=', table)
    .where('record_id', '>', afterId)
    .orderBy('record_id')
    .limit(limit)
    .execute()
}

/** Far below SQLite's limit of bound values per statement (32766) at 11 columns a row. */
const BATCH = 500

export async function insertStoredRows(trx: Transaction<Database>, siteId: string, table: string, rows: readonly StoredRow[]): Promise<void> {
  // The instant a period reads it by (record-instant.ts), as putRecord keeps it.
  const timed = hasInstant(table)
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto('records')
      .values(rows.slice(i, i + BATCH).map((r) => ({ site_id: siteId, table_name: table, ...r, at: timed ? recordInstant(table, JSON.parse(r.data) as Record<string, unknown>) : null })))
      .execute()
  }
  // Imported requests and timelines are watched by the rules pass like pushed ones (notify-watch.ts).
  const watched = rows.flatMap((r) => {
    const receptionId = watchedRequestOf(table, r.record_id, r.parent_id)
    return receptionId ? [{ receptionId, seq: r.seq }] : []
  })
  if (watched.length) await watchRequests(trx, siteId, watched)
}

/** Are any of these device ids on the server already (on any site)? */
export async function existingDeviceIds(db: Db, ids: readonly string[]): Promise<string[]> {
  const found: string[] = []
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await db.selectFrom('devices').select('id').where('id', 'in', ids.slice(i, i + BATCH)).execute()
    found.push(...rows.map((r) => r.id))
  }
  return found
}

export async function insertDeviceRows(trx: Transaction<Database>, rows: readonly DeviceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('devices').values(rows.slice(i, i + BATCH)).execute()
}
