/**
 * One pass of the server's time rules (issue 15 point 1): for each site, the events due at `now`, and for
 * each one not seen before its notice for the tablets (notices.ts). Read without a lock first — most passes
 * find nothing new — then written in one transaction. Several processes may run it: a notice is one record
 * per event key, so a second process writing it again changes nothing a tablet would show twice.
 */
import type { NotificationEvent } from '@shared/domain/notification'
import type { ServerDb } from '../db/connection'
import { unwatchRequests } from '../repositories/notify-watch'
import { existingRecordIds } from '../repositories/records'
import { findSite, listSites, type SiteRow } from '../repositories/sites'
import { writeNotices } from './notices'
import { dropSettled, loadSiteInputs, rulesOver, type SiteInputs } from './site-events'

export interface SitePass {
  siteId: string
  /** Events due now, new or not. */
  due: number
  /** Events seen for the first time in this pass. */
  fresh: NotificationEvent[]
}

/**
 * What this process last read of each site, per database, with the site's change number then. Every write a
 * tablet or the server makes to a site's records raises that number (pushes, server writes, this pass's own
 * notices), so while it is unchanged the rules decide again over what was read — a steady pass reads the
 * sites table and nothing else. Another process's write raises it too, so nothing read here goes stale.
 */
const inputsByDb = new WeakMap<object, Map<string, SiteInputs>>()

function keptInputs(db: ServerDb): Map<string, SiteInputs> {
  let sites = inputsByDb.get(db.kysely)
  if (!sites) inputsByDb.set(db.kysely, (sites = new Map()))
  return sites
}

/** The site's inputs as of `site.change_seq` (read before these reads, so a write meanwhile is read again next pass). */
async function siteInputs(db: ServerDb, site: SiteRow): Promise<SiteInputs> {
  const kept = keptInputs(db)
  const seq = Number(site.change_seq)
  const inputs = kept.get(site.id)
  if (inputs && inputs.seq === seq) return inputs
  const read = await loadSiteInputs(db.kysely, site, seq)
  kept.set(site.id, read)
  return read
}

/**
 * Notice keys this process has seen stored, per database and site. Nothing deletes a notice, so one seen
 * stays: the steady pass asks the database only about events it has not seen (another process may have
 * written them). Forgotten when a site's set grows past `SEEN_PER_SITE` (then learnt again from the database).
 */
const seenByDb = new WeakMap<object, Map<string, Set<string>>>()
const SEEN_PER_SITE = 20_000

function seenNotices(db: ServerDb, siteId: string): Set<string> {
  let sites = seenByDb.get(db.kysely)
  if (!sites) seenByDb.set(db.kysely, (sites = new Map()))
  let seen = sites.get(siteId)
  if (!seen || seen.size > SEEN_PER_SITE) sites.set(siteId, (seen = new Set()))
  return seen
}

async function evaluateSite(db: ServerDb, site: SiteRow, now: number): Promise<SitePass> {
  const inputs = await siteInputs(db, site)
  const { events, settled } = rulesOver(inputs, site, now)
  // Settled requests give no event: they are no longer read, until a change watches them again.
  if (settled.length) {
    await unwatchRequests(db.kysely, site.id, settled)
    dropSettled(inputs, settled)
  }
  const seen = seenNotices(db, site.id)
  const asked = events.filter((e) => !seen.has(e.key))
  const known = asked.length ? await existingRecordIds(db.kysely, site.id, 'notices', asked.map((e) => e.key)) : new Set<string>()
  for (const key of known) seen.add(key)
  const unseen = asked.filter((e) => !known.has(e.key))
  if (!unseen.length) return { siteId: site.id, due: events.length, fresh: [] }
  const fresh = await db.kysely.transaction().execute((trx) => writeNotices(trx, db.kind, site.id, unseen, now))
  for (const e of unseen) seen.add(e.key)
  return { siteId: site.id, due: events.length, fresh }
}

/** Sites evaluated at once (each reads on its own connection of the pool on PostgreSQL; SQLite takes them in turn). */
const SITES_AT_ONCE = 4

/** Evaluate every site, or the one a push just changed. */
export async function evaluateNotifications(db: ServerDb, now: number, siteId?: string): Promise<SitePass[]> {
  const sites = siteId ? [await findSite(db.kysely, siteId)].filter((s): s is SiteRow => !!s) : await listSites(db.kysely)
  // A few sites at a time: on PostgreSQL a site's reads are round trips the others need not wait for.
  const out: SitePass[] = new Array(sites.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < sites.length) {
      const i = next++
      out[i] = await evaluateSite(db, sites[i]!, now)
    }
  }
  await Promise.all(Array.from({ length: Math.min(SITES_AT_ONCE, sites.length) }, worker))
  return out
}
