/**
 * What the server's time rules find for one site at `now` (issue 15 point 1): the shared rules
 * (shared/domain/notify-rules.ts) over the site's synced records, on the server's clock — the same events a
 * tablet's today screen would show at that instant.
 */
import type { DutyEntry } from '@shared/domain/duty-log'
import type { NotificationEvent } from '@shared/domain/notification'
import { dutyEvents, handoverEvents, requestEvents, reviewEvents, rosterEvents } from '@shared/domain/notify-rules'
import type { Handover } from '@shared/domain/handover'
import type { RosterStep, RosterVersion } from '@shared/domain/roster'
import type { ShiftType } from '@shared/domain/shift-type'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { Review } from '@shared/domain/review'
import { defaultSettings, type Settings } from '@shared/domain/settings'
import { DEFAULT_TIMEZONE, localDate } from '@shared/domain/time'
import { siteRecords, type Db } from '../repositories/records'
import type { SiteRow } from '../repositories/sites'

export async function siteEvents(db: Db, site: SiteRow, now: number): Promise<NotificationEvent[]> {
  const read = (table: string) => siteRecords(db, site.id, table)
  const [settingsRows = [], receptions = [], receptionEvents = [], entries = [], reviews = [], handovers = [], shifts = [], versions = [], steps = []] = await Promise.all(
    ['settings', 'receptions', 'receptionEvents', 'dutyEntries', 'reviews', 'handovers', 'shiftTypes', 'rosterVersions', 'rosterSteps'].map(read),
  )
  const settings = { ...defaultSettings(site.id, site.timezone || DEFAULT_TIMEZONE), ...(settingsRows[0] as Partial<Settings> | undefined) }
  const timeline = new Map<string, ReceptionEvent[]>()
  for (const e of receptionEvents as ReceptionEvent[]) timeline.set(e.receptionId, [...(timeline.get(e.receptionId) ?? []), e])
  const requests = (receptions as Reception[]).map((reception) => ({ reception, events: timeline.get(reception.id) ?? [] }))
  const since = localDate(site.created_at, settings.timezone)
  return [
    ...requestEvents(requests, now, settings),
    ...dutyEvents(entries as DutyEntry[], site.id),
    ...reviewEvents(reviews as Review[], now, settings.timezone, since, site.id),
    ...handoverEvents(entries as DutyEntry[], handovers as Handover[], shifts as ShiftType[], now, settings.timezone, site.id),
    ...rosterEvents(versions as RosterVersion[], steps as RosterStep[], now, settings.timezone, site.id),
  ]
}
