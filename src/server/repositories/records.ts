/**
 * The records of every site, as the sync engine stores them: the merged record, its per-field
 * clock stamps, a tombstone flag and the number of its latest change.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { StoredRecord } from '@shared/sync/merge'
import type { Change } from '@shared/sync/protocol'
import type { Database } from '../db/tables'
import { watchedRequestOf, watchRequests } from './notify-watch'
import { recordInstant } from './record-instant'

export type Db = Kysely<Database>

export interface RecordKey {
  siteId: string
  table: string
  recordId: string
}

export async function getRecord(db: Db, key: RecordKey): Promise<StoredRecord | null> {
  const row = await db
    .selectFrom('records')
    .select(['data', 'field_hlc', 'deleted'])
    .where('site_id', '=', key.siteId)
    .where('table_name', '=', key.table)
    .where('record_id', '=', key.recordId)
    .executeTakeFirst()
  if (!row) return null
  return { data: JSON.parse(row.data) as Record<string, unknown>, fieldHlc: JSON.parse(row.field_hlc) as Record<string, string>, deleted: row.deleted === 1 }
}

export async function putRecord(db: Db, key: RecordKey, record: StoredRecord, seq: number, now: number, parentId: string | null = null): Promise<void> {
  const values = {
    parent_id: parentId,
    data: JSON.stringify(record.data),
    field_hlc: JSON.stringify(record.fieldHlc),
    deleted: record.deleted ? 1 : 0,
    seq,
    updated_at: now,
    at: recordInstant(key.table, record.data),
  }
  await db
    .insertInto('records')
    .values({ site_id: key.siteId, table_name: key.table, record_id: key.recordId, ...values })
    .onConflict((oc) => oc.columns(['site_id', 'table_name', 'record_id']).doUpdateSet(values))
    .execute()
  // A request or its timeline changed: the rules pass looks at the request again (notify-watch.ts).
  const request = watchedRequestOf(key.table, key.recordId, parentId)
  if (request) await watchRequests(db, key.siteId, [{ receptionId: request, seq }])
}

/** Live records of `table` that belong to `parentId` (e.g. a request's timeline). */
export async function childRecords(db: Db, siteId: string, table: string, parentId: string): Promise<Record<string, unknown>[]> {
  const rows = await db
    .selectFrom('records')
    .select('data')
    .where('site_id', '=', siteId)
    .where('table_name', '=', table)
    .where('parent_id', '=', parentId)
    .where('deleted', '=', 0)
    .execute()
  return rows.map((r) => JSON.parse(r.data) as Record<string, unknown>)
}

/**
 * Changes of a site after `cursor`, in change order; `more` when a further page exists. Records of
 * `stamped` tables (the editable ones) come with their per-field stamps, which a tablet re-sends
 * them with after a restore.
 */
export async function pullChanges(
  db: Db,
  siteId: string,
  cursor: number,
  limit: number,
  withheld: readonly string[] = [],
  stamped: ReadonlySet<string> = new Set(),
): Promise<{ changes: Change[]; cursor: number; more: boolean }> {
  let q = db
    .selectFrom('records')
    .select(['table_name', 'record_id', 'data', 'deleted', 'seq', 'field_hlc'])
    .where('site_id', '=', siteId)
    .where('seq', '>', cursor)
  // Tables this device may not see are skipped, not hidden behind the cursor: it still moves past them.
  if (withheld.length) q = visibleOnly(q, siteId, withheld)
  const rows = await q.orderBy('seq').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  return {
    changes: page.map((r) => ({
      table: r.table_name,
      id: r.record_id,
      data: JSON.parse(r.data) as Record<string, unknown>,
      deleted: r.deleted === 1,
      seq: r.seq,
      ...(stamped.has(r.table_name) ? { stamps: JSON.parse(r.field_hlc) as Record<string, string> } : {}),
    })),
    cursor: page.at(-1)?.seq ?? cursor,
    more: rows.length > limit,
  }
}

/**
 * Rows of the site a device may see when `withheld` tables are kept from it: neither their records nor
 * the signatures made on them (a handover's, an inspection's: subjectId is the signature's parent).
 */
function visibleOnly<Q extends SelectQueryBuilder<Database, 'records', object>>(q: Q, siteId: string, withheld: readonly string[]): Q {
  return q.where('table_name', 'not in', [...withheld]).where((eb) =>
    eb.or([
      eb('table_name', '!=', 'signatures'),
      eb('parent_id', 'is', null),
      eb('parent_id', 'not in', eb.selectFrom('records as hidden').select('hidden.record_id').where('hidden.site_id', '=', siteId).where('hidden.table_name', 'in', [...withheld])),
    ]),
  ) as Q
}

/** Live (not deleted) records per table of a site, as a device that may not see `withheld` counts them. */
export async function countRecords(db: Db, siteId: string, withheld: readonly string[] = []): Promise<Record<string, number>> {
  let q = db.selectFrom('records').select(['table_name', db.fn.countAll<number>().as('n')]).where('site_id', '=', siteId).where('deleted', '=', 0)
  if (withheld.length) q = visibleOnly(q, siteId, withheld)
  const rows = await q.groupBy('table_name').execute()
  return Object.fromEntries(rows.map((r) => [r.table_name, Number(r.n)]))
}

/** Live records of `table` of a site (for small tables: departments, shift types). */
export async function siteRecords(db: Db, siteId: string, table: string): Promise<Record<string, unknown>[]> {
  const rows = await db.selectFrom('records').select('data').where('site_id', '=', siteId).where('table_name', '=', table).where('deleted', '=', 0).execute()
  return rows.map((r) => JSON.parse(r.data) as Record<string, unknown>)
}

/** Live records of each of `tables` of a site, in one query (for small tables read together). */
export async function siteRecordsOf(db: Db, siteId: string, tables: readonly string[]): Promise<Record<string, Record<string, unknown>[]>> {
  const rows = await db.selectFrom('records').select(['table_name', 'data']).where('site_id', '=', siteId).where('table_name', 'in', [...tables]).where('deleted', '=', 0).execute()
  const out: Record<string, Record<string, unknown>[]> = Object.fromEntries(tables.map((t) => [t, []]))
  for (const r of rows) out[r.table_name]!.push(JSON.parse(r.data) as Record<string, unknown>)
  return out
}

/** Live records of `table` of a site with these ids. */
export function recordsByIds(db: Db, siteId: string, table: string, ids: readonly string[]): Promise<Record<string, unknown>[]> {
  return liveRecordsIn(db, siteId, table, 'record_id', ids)
}

/**
 * Which of these ids a site holds a record of in `table`, live or deleted: read from the key alone (the
 * primary key's index, no row), for a check made every minute (the rules pass's notices, which nothing deletes).
 */
export async function existingRecordIds(db: Db, siteId: string, table: string, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>()
  for (let i = 0; i < ids.length; i += PARENTS_PER_QUERY) {
    const rows = await db.selectFrom('records').select('record_id').where('site_id', '=', siteId).where('table_name', '=', table).where('record_id', 'in', ids.slice(i, i + PARENTS_PER_QUERY)).execute()
    for (const r of rows) out.add(r.record_id)
  }
  return out
}

/**
 * Does a live record of `table` hold `field: id`? Records are stored as JSON text written by
 * JSON.stringify (no spaces), so the pair is found as text on SQLite and PostgreSQL alike; `id` must be
 * a plain id (no LIKE wildcards), which callers check.
 */
export async function anyRecordNaming(db: Db, siteId: string, table: string, field: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('records')
    .select('record_id')
    .where('site_id', '=', siteId)
    .where('table_name', '=', table)
    .where('deleted', '=', 0)
    .where('data', 'like', `%${JSON.stringify(field)}:${JSON.stringify(id)}%`)
    .limit(1)
    .executeTakeFirst()
  return !!row
}

/** Far below SQLite's limit of bound values per statement. */
const PARENTS_PER_QUERY = 500

/** Live records of `table` of a site that belong to any of `parentIds` (e.g. the signatures on some requests). */
export function recordsOfParents(db: Db, siteId: string, table: string, parentIds: readonly string[]): Promise<Record<string, unknown>[]> {
  return liveRecordsIn(db, siteId, table, 'parent_id', parentIds)
}

async function liveRecordsIn(db: Db, siteId: string, table: string, column: 'record_id' | 'parent_id', values: readonly string[]): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = []
  for (let i = 0; i < values.length; i += PARENTS_PER_QUERY) {
    const rows = await db
      .selectFrom('records')
      .select('data')
      .where('site_id', '=', siteId)
      .where('table_name', '=', table)
      .where(column, 'in', values.slice(i, i + PARENTS_PER_QUERY))
      .where('deleted', '=', 0)
      .execute()
    out.push(...rows.map((r) => JSON.parse(r.data) as Record<string, unknown>))
  }
  return out
}
