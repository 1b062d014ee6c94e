/**
 * Each request's clock-free statistics facts (migration 014, `request_facts`): written by a statistics view
 * for the requests `statistics_watch` lists, read by period (`received_at`) and as the open-now list
 * (`pending`). A row is replaced only by facts worked out at the same or a later watch number, so two views
 * working out the same request at once never leave the older facts behind.
 */
import type { Category, Channel } from '@shared/domain/reception'
import type { Satisfaction } from '@shared/domain/reception-event'
import type { Status } from '@shared/domain/reception-status'
import type { OpenRequestFacts, RequestRecordFacts } from '@shared/domain/statistics'
import type { Db } from './records'
import type { WatchRow } from './notify-watch'

/** The facts as stored: the reason for closing unresolvable is not kept (migration 014). */
export type StoredRequestFacts = Omit<RequestRecordFacts, 'unresolvableReason'>

export interface FactsRow extends WatchRow {
  facts: StoredRequestFacts
  /** Not settled at any time from now on until it changes (`settled` of shared/domain/statistics/open-now). */
  pending: boolean
}

/** 13 values a row: far below SQLite's limit of bound values per statement. */
const PER_QUERY = 400

export async function putRequestFacts(db: Db, siteId: string, rows: readonly FactsRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += PER_QUERY) {
    const values = rows.slice(i, i + PER_QUERY).map(({ receptionId, seq, facts: f, pending }) => ({
      site_id: siteId,
      reception_id: receptionId,
      received_at: f.receivedAt,
      ref: f.ref,
      category: f.category,
      channel: f.channel,
      status: f.status,
      resolved_at: f.resolvedAt,
      answered_at: f.answeredAt,
      satisfaction: f.satisfaction,
      visited: f.visited ? 1 : 0,
      pending: pending ? 1 : null,
      seq,
    }))
    await db
      .insertInto('request_facts')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['site_id', 'reception_id'])
          .doUpdateSet((eb) => ({
            received_at: eb.ref('excluded.received_at'),
            ref: eb.ref('excluded.ref'),
            category: eb.ref('excluded.category'),
            channel: eb.ref('excluded.channel'),
            status: eb.ref('excluded.status'),
            resolved_at: eb.ref('excluded.resolved_at'),
            answered_at: eb.ref('excluded.answered_at'),
            satisfaction: eb.ref('excluded.satisfaction'),
            visited: eb.ref('excluded.visited'),
            pending: eb.ref('excluded.pending'),
            seq: eb.ref('excluded.seq'),
          }))
          .where('request_facts.seq', '<=', (eb) => eb.ref('excluded.seq')),
      )
      .execute()
  }
}

/** Remove the facts of requests no longer live (deleted), each only if not worked out after `seq`. */
export async function deleteRequestFacts(db: Db, siteId: string, rows: readonly WatchRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += PER_QUERY) {
    const chunk = rows.slice(i, i + PER_QUERY)
    await db
      .deleteFrom('request_facts')
      .where('site_id', '=', siteId)
      .where((eb) => eb.or(chunk.map((r) => eb.and([eb('reception_id', '=', r.receptionId), eb('seq', '<=', r.seq)]))))
      .execute()
  }
}

/** Facts of the requests received from `start` (in) to `end` (out), by the (site, received_at) index. */
export async function requestFactsBetween(db: Db, siteId: string, start: number, end: number): Promise<RequestRecordFacts[]> {
  const rows = await db
    .selectFrom('request_facts')
    .select(['received_at', 'ref', 'category', 'channel', 'status', 'resolved_at', 'answered_at', 'satisfaction', 'visited'])
    .where('site_id', '=', siteId)
    .where('received_at', '>=', start)
    .where('received_at', '<', end)
    .execute()
  return rows.map((r) => ({
    ref: r.ref,
    receivedAt: Number(r.received_at),
    category: r.category as Category,
    channel: r.channel as Channel,
    status: r.status as Status,
    resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
    answeredAt: r.answered_at === null ? null : Number(r.answered_at),
    satisfaction: r.satisfaction as Satisfaction | null,
    visited: r.visited === 1,
    unresolvableReason: null,
  }))
}

/** The requests not settled, whenever received, by the (site, pending) index. */
export async function pendingRequestFacts(db: Db, siteId: string): Promise<OpenRequestFacts[]> {
  const rows = await db.selectFrom('request_facts').select(['received_at', 'status', 'resolved_at']).where('site_id', '=', siteId).where('pending', '=', 1).execute()
  return rows.map((r) => ({ receivedAt: Number(r.received_at), status: r.status as Status, resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at) }))
}
