/**
 * One pass of the server's time rules (issue 15 point 1): for each site, the events due at `now`, and for
 * each one not seen before its notice for the tablets (notices.ts). Read without a lock first — most passes
 * find nothing new — then written in one transaction. Several processes may run it: a notice is one record
 * per event key, so a second process writing it again changes nothing a tablet would show twice.
 */
import type { NotificationEvent } from '@shared/domain/notification'
import type { ServerDb } from '../db/connection'
import { siteRecords } from '../repositories/records'
import { findSite, listSites, type SiteRow } from '../repositories/sites'
import { writeNotices } from './notices'
import { siteEvents } from './site-events'

export interface SitePass {
  siteId: string
  /** Events due now, new or not. */
  due: number
  /** Events seen for the first time in this pass. */
  fresh: NotificationEvent[]
}

async function evaluateSite(db: ServerDb, site: SiteRow, now: number): Promise<SitePass> {
  const events = await siteEvents(db.kysely, site, now)
  const known = new Set((await siteRecords(db.kysely, site.id, 'notices')).map((n) => n.id as string))
  const unseen = events.filter((e) => !known.has(e.key))
  if (!unseen.length) return { siteId: site.id, due: events.length, fresh: [] }
  await db.kysely.transaction().execute((trx) => writeNotices(trx, db.kind, site.id, unseen, now))
  return { siteId: site.id, due: events.length, fresh: unseen }
}

/** Evaluate every site, or the one a push just changed. */
export async function evaluateNotifications(db: ServerDb, now: number, siteId?: string): Promise<SitePass[]> {
  const sites = siteId ? [await findSite(db.kysely, siteId)].filter((s): s is SiteRow => !!s) : await listSites(db.kysely)
  const out: SitePass[] = []
  for (const site of sites) out.push(await evaluateSite(db, site, now))
  return out
}
