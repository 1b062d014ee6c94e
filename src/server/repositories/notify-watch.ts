/**
 * The requests still watched (issue 15; migration 012 — and issue 16, migrations 013–014): a request's row is
 * written with the change's number whenever the request or an event of its timeline is stored, in both
 * lists, and removed by a reader only at the number it read, so a change made meanwhile keeps it watched.
 * The rules pass (`notify_watch`) lets a request go once it found it settled (resolved and a complaint
 * answered); the statistics (`statistics_watch`) let every request go once they have worked out its facts
 * again (`request_facts`, admin/statistics-facts.ts) — their list is of what changed since the last view.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/tables'

// Not records.ts's `Db`: records.ts imports this file (putRecord keeps the watch), and imports never circle.
type Db = Kysely<Database>

export interface WatchRow {
  receptionId: string
  seq: number
}

/** Who reads a list: the rules pass, or the statistics. */
export type WatchList = 'notify_watch' | 'statistics_watch'
const LISTS: readonly WatchList[] = ['notify_watch', 'statistics_watch']

/** Which request a stored record is part of, for the tables the request rules read (null: none). */
export function watchedRequestOf(table: string, recordId: string, parentId: string | null): string | null {
  if (table === 'receptions') return recordId
  if (table === 'receptionEvents') return parentId
  return null
}

/** Far below SQLite's limit of bound values per statement. */
const PER_QUERY = 400

/** Watch these requests, in every list, as of their changes' numbers (a later number replaces an earlier one). */
export async function watchRequests(db: Db, siteId: string, rows: readonly WatchRow[]): Promise<void> {
  const latest = new Map<string, number>()
  for (const r of rows) latest.set(r.receptionId, Math.max(r.seq, latest.get(r.receptionId) ?? r.seq))
  const values = [...latest].map(([reception_id, seq]) => ({ site_id: siteId, reception_id, seq }))
  for (const list of LISTS) {
    for (let i = 0; i < values.length; i += PER_QUERY) {
      await db
        .insertInto(list)
        .values(values.slice(i, i + PER_QUERY))
        .onConflict((oc) => oc.columns(['site_id', 'reception_id']).doUpdateSet((eb) => ({ seq: eb.ref('excluded.seq') })))
        .execute()
    }
  }
}

export async function watchedRequests(db: Db, siteId: string, list: WatchList = 'notify_watch'): Promise<WatchRow[]> {
  const rows = await db.selectFrom(list).select(['reception_id', 'seq']).where('site_id', '=', siteId).execute()
  return rows.map((r) => ({ receptionId: r.reception_id, seq: Number(r.seq) }))
}

/** Stop watching these requests in `list` — each only if unchanged since its row was read. */
export async function unwatchRequests(db: Db, siteId: string, rows: readonly WatchRow[], list: WatchList = 'notify_watch'): Promise<void> {
  for (let i = 0; i < rows.length; i += PER_QUERY) {
    const chunk = rows.slice(i, i + PER_QUERY)
    await db
      .deleteFrom(list)
      .where('site_id', '=', siteId)
      .where((eb) => eb.or(chunk.map((r) => eb.and([eb('reception_id', '=', r.receptionId), eb('seq', '=', r.seq)]))))
      .execute()
  }
}
