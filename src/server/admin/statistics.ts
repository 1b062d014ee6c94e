/**
 * The company's statistics (issue 16 point 4): every site's figures for a period and the period before,
 * worked out by the shared rules (`shared/domain/statistics`, the same code the tablet's 统计 runs — point 5)
 * over the site's synced records. Only the rows a period needs are read (repositories/records.ts
 * `recordsBetween`, the `at` column of migration 013): the requests received in the two periods, the ones
 * still possibly open (`statistics_watch`) and their timelines; the duty log from a month before the earlier
 * period on (an entry's corrections and the later entry closing it count as the log reads now); handovers,
 * inspections and nonconformities of the two periods. Nothing of an owner leaves here: a request closed as
 * unresolvable is listed without the reason's words.
 */
import type { DutyEntry } from '@shared/domain/duty-log'
import type { Handover } from '@shared/domain/handover'
import type { Inspection, Nonconformity } from '@shared/domain/inspection'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { defaultSettings, type Settings } from '@shared/domain/settings'
import type { Staff } from '@shared/domain/staff'
import { DAY, DEFAULT_TIMEZONE } from '@shared/domain/time'
import { periodRange, previousPeriod, siteStatistics, type Period, type SiteStatistics, type StatisticsRecordsInput, type StatisticsInspector, type StatisticsRequest } from '@shared/domain/statistics'
import { settled } from '@shared/domain/statistics/open-now'
import { requestFacts } from '@shared/domain/statistics/requests'
import type { CompanyFigures, CompanyStatistics } from '@shared/sync/statistics-api'
import type { ServerDb } from '../db/connection'
import { unwatchRequests, watchedRequests, type WatchRow } from '../repositories/notify-watch'
import { recordsBetween, recordsByIds, recordsOfParents, siteRecordsOf, type Db } from '../repositories/records'
import { listSites, type SiteRow } from '../repositories/sites'
import { companyTotal } from './statistics-total'

/** How far before the earlier period the duty log is read: the entries its corrections and closings point back to. */
const DUTY_LOOKBACK = 31 * DAY
/** Sites worked out at once (PostgreSQL's pool has 10 connections; SQLite runs them one by one anyway). */
const SITES_AT_ONCE = 4

const INSPECTOR_ROLES: ReadonlySet<string> = new Set<StatisticsInspector['role']>(['supervisor', 'administrator', 'manager'])

function settingsOf(site: SiteRow, rows: readonly Record<string, unknown>[]): Settings {
  return { ...defaultSettings(site.id, site.timezone || DEFAULT_TIMEZONE), ...(rows[0] as Partial<Settings> | undefined) }
}

/** The records `siteStatistics` needs for `period` and the one before, and the watched requests read. */
export async function statisticsInput(db: Db, site: SiteRow, period: Period): Promise<{ input: StatisticsRecordsInput; watched: WatchRow[] }> {
  const small = await siteRecordsOf(db, site.id, ['settings', 'staff'])
  const settings = settingsOf(site, small.settings ?? [])
  const { start } = periodRange(previousPeriod(period), settings.timezone)
  const { end } = periodRange(period, settings.timezone)
  const [received, watched, dutyEntries, handovers, inspections, nonconformities] = await Promise.all([
    recordsBetween(db, site.id, 'receptions', start, end),
    watchedRequests(db, site.id, 'statistics_watch'),
    recordsBetween(db, site.id, 'dutyEntries', start - DUTY_LOOKBACK, null),
    recordsBetween(db, site.id, 'handovers', start, end),
    recordsBetween(db, site.id, 'inspections', start, end),
    recordsBetween(db, site.id, 'nonconformities', start, end),
  ])
  const have = new Set(received.map((r) => r.id as string))
  const open = await recordsByIds(db, site.id, 'receptions', watched.map((w) => w.receptionId).filter((id) => !have.has(id)))
  const receptions = [...received, ...open] as Reception[]
  const timeline = new Map<string, ReceptionEvent[]>()
  for (const e of (await recordsOfParents(db, site.id, 'receptionEvents', receptions.map((r) => r.id))) as ReceptionEvent[]) {
    const events = timeline.get(e.receptionId)
    if (events) events.push(e)
    else timeline.set(e.receptionId, [e])
  }
  const requests: StatisticsRequest[] = receptions.map((reception) => ({ reception, events: timeline.get(reception.id) ?? [] }))
  const inspectors = (small.staff as Staff[]).filter((s) => s.active && INSPECTOR_ROLES.has(s.role)).map((s) => ({ id: s.id, role: s.role as StatisticsInspector['role'] }))
  return {
    input: {
      settings,
      requests,
      dutyEntries: dutyEntries as DutyEntry[],
      handovers: handovers as Handover[],
      inspections: inspections as Inspection[],
      nonconformities: nonconformities as Nonconformity[],
      inspectors,
    },
    watched,
  }
}

/** A site's figures as the company sees them: a request closed as unresolvable without the reason's words. */
export function companyFigures(s: SiteStatistics): CompanyFigures {
  const strip = (p: SiteStatistics['current']) => ({ ...p, unresolvable: p.unresolvable.map(({ ref, category, receivedAt, closedAt }) => ({ ref, category, receivedAt, closedAt })) })
  return { ...s, current: strip(s.current), previous: strip(s.previous) }
}

/**
 * One site's statistics at `now`. The watched requests found settled stop being read (each only if unchanged
 * since its row was read, like the rules pass's own list), so "open now" reads what is open, not the register.
 */
export async function siteFigures(db: Db, site: SiteRow, period: Period, now: number): Promise<SiteStatistics> {
  const { input, watched } = await statisticsInput(db, site, period)
  const stats = siteStatistics(input, period, now)
  const byId = new Map(input.requests.map((r) => [r.reception.id, r]))
  const done = watched.filter((w) => {
    const r = byId.get(w.receptionId)
    return !r || settled(requestFacts(r, now, input.settings))
  })
  if (done.length) await unwatchRequests(db, site.id, done, 'statistics_watch')
  return stats
}

/** Every site of the company, side by side, and the company's sums. */
export async function companyStatistics(db: ServerDb, period: Period, now: number): Promise<CompanyStatistics> {
  // By name, as the console lists them (the same order on both databases).
  const sites = (await listSites(db.kysely)).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || (a.id < b.id ? -1 : 1))
  const figures: CompanyStatistics['sites'] = new Array(sites.length)
  let next = 0
  const worker = async (): Promise<void> => {
    for (let i = next++; i < sites.length; i = next++) {
      const site = sites[i]!
      figures[i] = { siteId: site.id, name: site.name, statistics: companyFigures(await siteFigures(db.kysely, site, period, now)) }
    }
  }
  await Promise.all(Array.from({ length: Math.min(SITES_AT_ONCE, sites.length) }, worker))
  return { period, previous: previousPeriod(period), now, sites: figures, total: companyTotal(figures.map((f) => f.statistics)) }
}
