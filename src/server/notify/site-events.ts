/**
 * What the server's time rules find for one site at `now` (issue 15 point 1): the shared rules
 * (shared/domain/notify-rules.ts) over the site's synced records, on the server's clock — the same events a
 * tablet's today screen would show at that instant. Requests are read only while watched (notify-watch.ts:
 * any request changed since a pass last found it settled), not the whole register every minute.
 */
import type { DutyEntry } from '@shared/domain/duty-log'
import type { NotificationEvent } from '@shared/domain/notification'
import { dutyEvents, handoverEvents, requestEvents, requestSettled, reviewEvents, rosterEvents } from '@shared/domain/notify-rules'
import type { Handover } from '@shared/domain/handover'
import type { RosterStep, RosterVersion } from '@shared/domain/roster'
import type { ShiftType } from '@shared/domain/shift-type'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { Review } from '@shared/domain/review'
import { defaultSettings, type Settings } from '@shared/domain/settings'
import { DEFAULT_TIMEZONE, localDate } from '@shared/domain/time'
import { watchedRequests, type WatchRow } from '../repositories/notify-watch'
import { recordsByIds, recordsOfParents, siteRecordsOf, type Db } from '../repositories/records'
import type { SiteRow } from '../repositories/sites'

export interface SiteRules {
  events: NotificationEvent[]
  /** Watched requests found settled (or gone): no longer read, until they change. */
  settled: WatchRow[]
}

export async function siteRules(db: Db, site: SiteRow, now: number): Promise<SiteRules> {
  const watched = await watchedRequests(db, site.id)
  const ids = watched.map((w) => w.receptionId)
  const [small, receptions, receptionEvents] = await Promise.all([
    siteRecordsOf(db, site.id, ['settings', 'dutyEntries', 'reviews', 'handovers', 'shiftTypes', 'rosterVersions', 'rosterSteps']),
    recordsByIds(db, site.id, 'receptions', ids),
    recordsOfParents(db, site.id, 'receptionEvents', ids),
  ])
  const { settings: settingsRows = [], dutyEntries: entries = [], reviews = [], handovers = [], shiftTypes: shifts = [], rosterVersions: versions = [], rosterSteps: steps = [] } = small
  const settings = { ...defaultSettings(site.id, site.timezone || DEFAULT_TIMEZONE), ...(settingsRows[0] as Partial<Settings> | undefined) }
  const timeline = new Map<string, ReceptionEvent[]>()
  for (const e of receptionEvents as ReceptionEvent[]) timeline.set(e.receptionId, [...(timeline.get(e.receptionId) ?? []), e])
  const requests = (receptions as Reception[]).map((reception) => ({ reception, events: timeline.get(reception.id) ?? [] }))
  const open = new Set(requests.filter((r) => !requestSettled(r.reception, r.events, now, settings)).map((r) => r.reception.id))
  const since = localDate(site.created_at, settings.timezone)
  const events = [
    ...requestEvents(requests, now, settings),
    ...dutyEvents(entries as DutyEntry[], site.id),
    ...reviewEvents(reviews as Review[], now, settings.timezone, since, site.id),
    ...handoverEvents(entries as DutyEntry[], handovers as Handover[], shifts as ShiftType[], now, settings.timezone, site.id),
    ...rosterEvents(versions as RosterVersion[], steps as RosterStep[], now, settings.timezone, site.id),
  ]
  return { events, settled: watched.filter((w) => !open.has(w.receptionId)) }
}

export async function siteEvents(db: Db, site: SiteRow, now: number): Promise<NotificationEvent[]> {
  return (await siteRules(db, site, now)).events
}
