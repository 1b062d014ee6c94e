/**
 * The company's statistics (issue 16 point 4): every site's figures for a period and the period before,
 * worked out by the shared rules (`shared/domain/statistics`, the same code the tablet's 统计 runs — point 5)
 * over the site's synced records. Only the rows a period needs are read: of the requests, their clock-free
 * facts (migration 014, `request_facts`, brought up to date for what changed since the last view —
 * statistics-facts.ts) received in the two periods and those not settled, no record or timeline; by the `at`
 * column (migration 013) and only the fields the rules use (repositories/record-fields.ts), the duty log
 * from a month before the earlier period on (an entry's corrections and the later entry closing it count as
 * the log reads now; its words stay in the database), handovers, inspections and nonconformities of the two
 * periods; and the rosters in force of their months (a version's parent is its month). Nothing of an owner leaves here: a request
 * closed as unresolvable is listed without the reason's words (not even kept in its facts).
 */
import type { Handover } from '@shared/domain/handover'
import type { Inspection, Nonconformity } from '@shared/domain/inspection'
import { monthsFromTo, rostersInForce, type RosterStep, type RosterVersion } from '@shared/domain/roster'
import { defaultSettings, type Settings } from '@shared/domain/settings'
import type { Staff } from '@shared/domain/staff'
import { DAY, DEFAULT_TIMEZONE } from '@shared/domain/time'
import { inspectorsOf, periodRange, previousPeriod, siteStatistics, type Period, type SiteStatistics, type StatisticsDutyEntry, type StatisticsInput } from '@shared/domain/statistics'
import type { CompanyFigures, CompanyStatistics } from '@shared/sync/statistics-api'
import type { ServerDb } from '../db/connection'
import { recordFieldsBetween } from '../repositories/record-fields'
import { recordsOfParents, siteRecordsOf } from '../repositories/records'
import { pendingRequestFacts, requestFactsBetween } from '../repositories/request-facts'
import { listSites, type SiteRow } from '../repositories/sites'
import { refreshRequestFacts } from './statistics-facts'
import { companyTotal } from './statistics-total'

/** How far before the earlier period the duty log is read: the entries its corrections and closings point back to. */
const DUTY_LOOKBACK = 31 * DAY
const DUTY_FIELDS = { id: 'text', correctsId: 'text', resolvesFollowUp: 'boolean', kind: 'text', escalation: 'text' } as const
/** Sites worked out at once (PostgreSQL's pool has 10 connections; SQLite runs them one by one anyway). */
const SITES_AT_ONCE = 4


function settingsOf(site: SiteRow, rows: readonly Record<string, unknown>[]): Settings {
  return { ...defaultSettings(site.id, site.timezone || DEFAULT_TIMEZONE), ...(rows[0] as Partial<Settings> | undefined) }
}

/**
 * What `siteStatistics` needs for `period` and the one before: the site's request facts first brought up to
 * date (`refreshRequestFacts`), then those received in the two periods and those not settled (open now), the
 * duty log and the desk's records of the two periods. A request's facts carry no unresolvable reason
 * (migration 014): the company never sees it.
 */
export async function statisticsInput(server: ServerDb, site: SiteRow, period: Period): Promise<StatisticsInput> {
  const db = server.kysely
  const months = monthsFromTo(previousPeriod(period).from, period.to)
  const [small, versions] = await Promise.all([
    siteRecordsOf(db, site.id, ['settings', 'staff']),
    recordsOfParents(db, site.id, 'rosterVersions', months).then((rows) => rows as unknown[] as RosterVersion[]),
    refreshRequestFacts(db, site.id),
  ])
  const steps = (await recordsOfParents(db, site.id, 'rosterSteps', versions.map((v) => v.id))) as unknown[] as RosterStep[]
  const settings = settingsOf(site, small.settings ?? [])
  const { start } = periodRange(previousPeriod(period), settings.timezone)
  const { end } = periodRange(period, settings.timezone)
  const [requests, openRequests, dutyEntries, handovers, inspections, nonconformities] = await Promise.all([
    requestFactsBetween(db, site.id, start, end),
    pendingRequestFacts(db, site.id),
    // The links, kind and escalation of each entry: its words and the people in it stay in the database.
    recordFieldsBetween(db, server.kind, site.id, 'dutyEntries', start - DUTY_LOOKBACK, null, DUTY_FIELDS),
    // Only the fields the rules read: an inspection's checklist, most of its record, stays in the database.
    recordFieldsBetween(db, server.kind, site.id, 'handovers', start, end, { late: 'boolean', counts: 'json' }),
    recordFieldsBetween(db, server.kind, site.id, 'inspections', start, end, { inspectorId: 'text', kind: 'text' }),
    recordFieldsBetween(db, server.kind, site.id, 'nonconformities', start, end, { itemCode: 'text', staffId: 'text' }),
  ])
  return {
    settings,
    requests,
    openRequests,
    dutyEntries: dutyEntries.map((e) => ({ ...e, resolvesFollowUp: e.resolvesFollowUp === true }) as StatisticsDutyEntry),
    handovers: handovers.map((h) => ({ shiftStartsAt: h.at, late: h.late as boolean, counts: h.counts as Handover['counts'] })),
    inspections: inspections as (Pick<Inspection, 'inspectorId' | 'kind'> & { at: number })[],
    nonconformities: nonconformities as (Pick<Nonconformity, 'itemCode' | 'staffId'> & { at: number })[],
    inspectors: inspectorsOf(small.staff as Staff[]),
    rosters: rostersInForce(versions, steps),
  }
}

/** A site's figures as the company sees them: a request closed as unresolvable without the reason's words. */
export function companyFigures(s: SiteStatistics): CompanyFigures {
  const strip = (p: SiteStatistics['current']) => ({ ...p, unresolvable: p.unresolvable.map(({ ref, category, receivedAt, closedAt }) => ({ ref, category, receivedAt, closedAt })) })
  return { ...s, current: strip(s.current), previous: strip(s.previous) }
}

/** One site's figures at `now`, as the company sees them. */
export async function siteFigures(db: ServerDb, site: SiteRow, period: Period, now: number): Promise<CompanyFigures> {
  return companyFigures(siteStatistics(await statisticsInput(db, site, period), period, now))
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
      figures[i] = { siteId: site.id, name: site.name, statistics: await siteFigures(db, site, period, now) }
    }
  }
  await Promise.all(Array.from({ length: Math.min(SITES_AT_ONCE, sites.length) }, worker))
  return { period, previous: previousPeriod(period), now, sites: figures, total: companyTotal(figures.map((f) => f.statistics)) }
}
