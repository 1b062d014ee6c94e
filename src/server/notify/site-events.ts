/**
 * What the server's time rules find for one site at `now` (issue 15 point 1): the shared rules
 * (shared/domain/notify-rules.ts) over the site's synced records, on the server's clock — the same events a
 * tablet's today screen would show at that instant. Requests are read only while watched (notify-watch.ts:
 * any request changed since a pass last found it settled), not the whole register every minute.
 * Reading (`loadSiteInputs`) and deciding (`rulesOver`) are apart, so a pass may decide again over inputs it
 * read before while the site's change number says nothing changed (evaluate.ts).
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

/** What the rules read of a site, as of its change number `seq`. */
export interface SiteInputs {
  seq: number
  settings: Settings
  watched: WatchRow[]
  requests: { reception: Reception; events: ReceptionEvent[] }[]
  entries: DutyEntry[]
  reviews: Review[]
  handovers: Handover[]
  shifts: ShiftType[]
  versions: RosterVersion[]
  steps: RosterStep[]
}

/** Read what the rules need of `site`; `seq` is the change number read with the site before these reads began. */
export async function loadSiteInputs(db: Db, site: SiteRow, seq: number): Promise<SiteInputs> {
  const watched = await watchedRequests(db, site.id)
  const ids = watched.map((w) => w.receptionId)
  const [small, receptions, receptionEvents] = await Promise.all([
    siteRecordsOf(db, site.id, ['settings', 'dutyEntries', 'reviews', 'handovers', 'shiftTypes', 'rosterVersions', 'rosterSteps']),
    recordsByIds(db, site.id, 'receptions', ids),
    recordsOfParents(db, site.id, 'receptionEvents', ids),
  ])
  const { settings: settingsRows = [], dutyEntries = [], reviews = [], handovers = [], shiftTypes = [], rosterVersions = [], rosterSteps = [] } = small
  const settings = { ...defaultSettings(site.id, site.timezone || DEFAULT_TIMEZONE), ...(settingsRows[0] as Partial<Settings> | undefined) }
  const timeline = new Map<string, ReceptionEvent[]>()
  for (const e of receptionEvents as ReceptionEvent[]) {
    const list = timeline.get(e.receptionId)
    if (list) list.push(e)
    else timeline.set(e.receptionId, [e])
  }
  const requests = (receptions as Reception[]).map((reception) => ({ reception, events: timeline.get(reception.id) ?? [] }))
  return {
    seq,
    settings,
    watched,
    requests,
    entries: dutyEntries as DutyEntry[],
    reviews: reviews as Review[],
    handovers: handovers as Handover[],
    shifts: shiftTypes as ShiftType[],
    versions: rosterVersions as RosterVersion[],
    steps: rosterSteps as RosterStep[],
  }
}

/** The events due at `now` over inputs read before, and the watched requests found settled. */
export function rulesOver(inputs: SiteInputs, site: SiteRow, now: number): SiteRules {
  const { settings, requests, entries } = inputs
  const open = new Set(requests.filter((r) => !requestSettled(r.reception, r.events, now, settings)).map((r) => r.reception.id))
  const since = localDate(site.created_at, settings.timezone)
  const events = [
    ...requestEvents(requests, now, settings),
    ...dutyEvents(entries, site.id),
    ...reviewEvents(inputs.reviews, now, settings.timezone, since, site.id),
    ...handoverEvents(entries, inputs.handovers, inputs.shifts, now, settings.timezone, site.id),
    ...rosterEvents(inputs.versions, inputs.steps, now, settings.timezone, site.id),
  ]
  return { events, settled: inputs.watched.filter((w) => !open.has(w.receptionId)) }
}

/** Forget settled requests in inputs kept for later passes (their watch rows were just removed). */
export function dropSettled(inputs: SiteInputs, settled: readonly WatchRow[]): void {
  const gone = new Set(settled.map((w) => w.receptionId))
  inputs.watched = inputs.watched.filter((w) => !gone.has(w.receptionId))
  inputs.requests = inputs.requests.filter((r) => !gone.has(r.reception.id))
}

export async function siteRules(db: Db, site: SiteRow, now: number): Promise<SiteRules> {
  return rulesOver(await loadSiteInputs(db, site, Number(site.change_seq)), site, now)
}

export async function siteEvents(db: Db, site: SiteRow, now: number): Promise<NotificationEvent[]> {
  return (await siteRules(db, site, now)).events
}
