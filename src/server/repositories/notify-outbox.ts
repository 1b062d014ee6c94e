/**
 * The notification outbox (issue 15 point 3): one row per event key and channel — inserted with ON
 * CONFLICT DO NOTHING, so an event is notified once per level however often and by however many
 * processes the rules are evaluated — waiting, sent or dead, with its attempts and when it is due.
 */
import { sql } from 'kysely'
import type { NotifyOutboxTable } from '../db/tables'
import type { Db } from './records'

export type OutboxRow = NotifyOutboxTable

/** Insert the rows not there yet; how many were new. */
export async function insertOutboxRows(db: Db, rows: readonly OutboxRow[]): Promise<number> {
  let added = 0
  // Chunks keep the statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 200) {
    const res = await db
      .insertInto('notify_outbox')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['event_key', 'channel_id']).doNothing())
      .executeTakeFirst()
    added += Number(res.numInsertedOrUpdatedRows ?? 0)
  }
  return added
}

/** The channel's waiting rows due by `now`, oldest first; only those of `rules` when given (quiet hours). */
export async function dueRows(db: Db, channelId: string, now: number, limit: number, rules?: readonly string[]): Promise<OutboxRow[]> {
  let q = db.selectFrom('notify_outbox').selectAll().where('channel_id', '=', channelId).where('status', '=', 'pending').where('next_at', '<=', now)
  if (rules) q = q.where('rule', 'in', [...rules])
  return q
    .orderBy('next_at')
    .orderBy('created_at')
    .limit(limit)
    .execute()
}

/**
 * Count an attempt before the send and hold the rows until `holdUntil`: a process killed between the
 * send and recording it leaves them waiting, sent again once when the hold ends — one duplicate at most,
 * never a loss. Only rows still waiting and due are taken; the ids taken are answered.
 */
export async function claimRows(db: Db, ids: readonly string[], now: number, holdUntil: number): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .updateTable('notify_outbox')
    .set({ attempts: sql<number>`attempts + 1`, next_at: holdUntil })
    .where('id', 'in', [...ids])
    .where('status', '=', 'pending')
    .where('next_at', '<=', now)
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

export async function markSent(db: Db, ids: readonly string[], now: number): Promise<void> {
  if (ids.length === 0) return
  await db.updateTable('notify_outbox').set({ status: 'sent', sent_at: now, last_error: null }).where('id', 'in', [...ids]).execute()
}

/**
 * Forget rows sent before `before` (a sent row is only a count in the console by then). An event is never
 * queued twice by the rules pass, whose notices are kept, so a forgotten row is not sent again.
 */
export async function pruneSentRows(db: Db, before: number): Promise<number> {
  const r = await db.deleteFrom('notify_outbox').where('status', '=', 'sent').where('sent_at', '<', before).executeTakeFirst()
  return Number(r.numDeletedRows)
}

/** A failed send: the row is due again at `nextAt`, or dead. */
export async function markFailed(db: Db, id: string, error: string, next: { dead: boolean; nextAt: number }): Promise<void> {
  await db
    .updateTable('notify_outbox')
    .set({ status: next.dead ? 'dead' : 'pending', next_at: next.nextAt, last_error: error })
    .where('id', '=', id)
    .execute()
}

/** The configuration was refused: the attempt does not count against the rows; they wait for the channel. */
export async function holdRows(db: Db, ids: readonly string[], error: string, until: number): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('notify_outbox')
    .set({ attempts: sql<number>`attempts - 1`, next_at: until, last_error: error })
    .where('id', 'in', [...ids])
    .execute()
}

/** Refused for good without a send (its words held a phone). */
export async function markDead(db: Db, ids: readonly string[], error: string): Promise<void> {
  if (ids.length === 0) return
  await db.updateTable('notify_outbox').set({ status: 'dead', last_error: error }).where('id', 'in', [...ids]).execute()
}

/** Waiting and dead rows by channel, for the console's list of channels. */
export async function outboxCounts(db: Db, siteId: string): Promise<{ channel_id: string; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('notify_outbox')
    .select(['channel_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_id', '=', siteId)
    .where('status', 'in', ['pending', 'dead'])
    .groupBy(['channel_id', 'status'])
    .execute()
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

/** Rows that failed at least once and still wait, and dead rows — newest first. */
export async function failedRows(db: Db, siteId: string, limit: number): Promise<(OutboxRow & { channel_name: string })[]> {
  return db
    .selectFrom('notify_outbox')
    .innerJoin('notify_channels', 'notify_channels.id', 'notify_outbox.channel_id')
    .selectAll('notify_outbox')
    .select('notify_channels.name as channel_name')
    .where('notify_outbox.site_id', '=', siteId)
    .where((eb) => eb.or([eb('notify_outbox.status', '=', 'dead'), eb.and([eb('notify_outbox.status', '=', 'pending'), eb('notify_outbox.last_error', 'is not', null)])]))
    .orderBy('notify_outbox.created_at', 'desc')
    .limit(limit)
    .execute()
}

export async function findOutboxRow(db: Db, id: string): Promise<OutboxRow | null> {
  return (await db.selectFrom('notify_outbox').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
}

/** Send a dead row again from the start (the console's 重新发送). */
export async function reviveRow(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('notify_outbox').set({ status: 'pending', attempts: 0, next_at: now }).where('id', '=', id).where('status', '=', 'dead').execute()
}
