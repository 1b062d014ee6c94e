/**
 * Between the time rules and the delivery (issue 15): each event a pass found for the first time goes into
 * the notification outbox for every channel that wants it, and is sent at once rather than at the next
 * minute's delivery pass; the daily digest lists what is due at its hour.
 */
import type { ServerDb } from '../db/connection'
import { findSite } from '../repositories/sites'
import type { NotificationEvent } from '@shared/domain/notification'
import { deliverDue, type DeliverOptions } from './deliver'
import { enqueueNotifications } from './enqueue'
import type { SitePass } from './evaluate'
import { siteEvents } from './site-events'

export function notifyFresh(db: ServerDb, opts: Omit<DeliverOptions, 'log'>): (passes: SitePass[], now: number) => Promise<void> {
  return async (passes, now) => {
    const fresh = passes.flatMap((p) => p.fresh)
    if (!fresh.length) return
    await enqueueNotifications(db.kysely, fresh, now)
    await deliverDue(db, now, opts)
  }
}

/** What a site's daily digest lists: every event due at `now` (overdue requests and complaints, reviews, handovers). */
export function digestEventsOf(db: ServerDb): (siteId: string, now: number) => Promise<readonly NotificationEvent[]> {
  return async (siteId, now) => {
    const site = await findSite(db.kysely, siteId)
    return site ? siteEvents(db.kysely, site, now) : []
  }
}
