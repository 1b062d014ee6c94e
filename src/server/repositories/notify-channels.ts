/**
 * A site's group robots (issue 15 point 2) and what the delivery keeps on each: its health (failing with a
 * reason until a time), its sends of the last minute, the lease of the one process delivering it, the day
 * its digest last went. The secrets column is read here and by the delivery only; no answer carries it.
 */
import { sql } from 'kysely'
import type { NotifyChannelsTable } from '../db/tables'
import type { Db } from './records'

export type ChannelRow = Omit<NotifyChannelsTable, 'recent_sends'> & { recent_sends: string }
export type NewChannelRow = Omit<ChannelRow, 'recent_sends' | 'failing' | 'failing_since' | 'retry_at' | 'lease_owner' | 'lease_until' | 'digest_day'>
export type ChannelSettings = Pick<ChannelRow, 'name' | 'secrets' | 'rules' | 'levels' | 'quiet_start' | 'quiet_end' | 'digest_at' | 'enabled'>

/** A channel with its site's name and time zone, for the delivery. */
export type DeliveryChannel = ChannelRow & { site_name: string; site_timezone: string }

export async function insertChannel(db: Db, row: NewChannelRow): Promise<void> {
  await db.insertInto('notify_channels').values(row).execute()
}

/** New settings; a saved configuration is tried again at once (it may be the fix). */
export async function updateChannel(db: Db, id: string, settings: ChannelSettings, now: number): Promise<void> {
  await db
    .updateTable('notify_channels')
    .set({ ...settings, failing: null, failing_since: null, retry_at: null, updated_at: now })
    .where('id', '=', id)
    .execute()
}

export async function deleteChannel(db: Db, id: string): Promise<void> {
  await db.deleteFrom('notify_outbox').where('channel_id', '=', id).execute()
  await db.deleteFrom('notify_channels').where('id', '=', id).execute()
}

export async function findChannel(db: Db, id: string): Promise<ChannelRow | null> {
  return ((await db.selectFrom('notify_channels').selectAll().where('id', '=', id).executeTakeFirst()) as ChannelRow | undefined) ?? null
}

export async function listChannels(db: Db, siteId: string): Promise<ChannelRow[]> {
  return (await db.selectFrom('notify_channels').selectAll().where('site_id', '=', siteId).orderBy('created_at').execute()) as ChannelRow[]
}

/** The enabled channels of the given sites (events are enqueued for these). */
export async function enabledChannelsOf(db: Db, siteIds: readonly string[]): Promise<ChannelRow[]> {
  if (siteIds.length === 0) return []
  return (await db.selectFrom('notify_channels').selectAll().where('site_id', 'in', [...siteIds]).where('enabled', '=', 1).execute()) as ChannelRow[]
}

/** Every enabled channel, with its site's name and time zone. */
export async function deliveryChannels(db: Db): Promise<DeliveryChannel[]> {
  return (await db
    .selectFrom('notify_channels')
    .innerJoin('sites', 'sites.id', 'notify_channels.site_id')
    .selectAll('notify_channels')
    .select(['sites.name as site_name', 'sites.timezone as site_timezone'])
    .where('notify_channels.enabled', '=', 1)
    .orderBy('notify_channels.created_at')
    .execute()) as DeliveryChannel[]
}

/**
 * Take the channel for `owner` until `until` when no other process holds it: one conditional update, so
 * of several processes (or passes) at once exactly one gets it, on SQLite and PostgreSQL alike.
 */
export async function leaseChannel(db: Db, id: string, owner: string, now: number, until: number): Promise<boolean> {
  const res = await db
    .updateTable('notify_channels')
    .set({ lease_owner: owner, lease_until: until })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function releaseChannel(db: Db, id: string, owner: string): Promise<void> {
  await db.updateTable('notify_channels').set({ lease_owner: null, lease_until: null }).where('id', '=', id).where('lease_owner', '=', owner).execute()
}

export async function setRecentSends(db: Db, id: string, sends: readonly number[]): Promise<void> {
  await db.updateTable('notify_channels').set({ recent_sends: JSON.stringify(sends) }).where('id', '=', id).execute()
}

/** The platform refused the configuration: why, since when (kept from the first refusal), tried again when. */
export async function markChannelFailing(db: Db, id: string, reason: string, now: number, retryAt: number): Promise<void> {
  await db
    .updateTable('notify_channels')
    .set({ failing: reason, failing_since: sql<number>`coalesce(failing_since, ${now})`, retry_at: retryAt })
    .where('id', '=', id)
    .execute()
}

export async function markChannelWorking(db: Db, id: string): Promise<void> {
  await db.updateTable('notify_channels').set({ failing: null, failing_since: null, retry_at: null }).where('id', '=', id).where('failing', 'is not', null).execute()
}

/** Claim today's digest of the channel: true for the one pass that moves its day to `day`. */
export async function claimDigestDay(db: Db, id: string, day: string): Promise<boolean> {
  const res = await db
    .updateTable('notify_channels')
    .set({ digest_day: day })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('digest_day', 'is', null), eb('digest_day', '<>', day)]))
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Give a claimed digest day back (its message could not be sent: the next pass tries again). */
export async function unclaimDigestDay(db: Db, id: string, day: string, previous: string | null): Promise<void> {
  await db.updateTable('notify_channels').set({ digest_day: previous }).where('id', '=', id).where('digest_day', '=', day).execute()
}
