/**
 * A site's statistics (issue 16): `siteStatistics(input, period, now)` gives every figure of the period and
 * of the period before, and what is open now. The tablet and the server call it with the same records, so
 * their numbers agree (issue 16 point 5). Definitions of each figure: types.ts.
 */
import { localDate } from '../time'
import { completionFigures, unresolvableCases } from './completion'
import { complaintFigures, returnVisitFigures } from './complaints'
import { dutyFigures, dutyLogNow, handoverFigures } from './desk'
import { inspectionFigures } from './inspections'
import { openNowFigures } from './open-now'
import { periodRange, previousPeriod, type Period } from './period'
import { requestFacts, requestVolumes, type RequestFacts } from './requests'
import type { PeriodFigures, SiteStatistics, StatisticsInput } from './types'

export * from './types'
export * from './period'
export { completionShares, percentile, type Share } from './completion'
export { recordFacts, requestFacts, type RequestFacts } from './requests'
export { inspectorsOf } from './inspections'

function periodFigures(input: StatisticsInput, facts: readonly RequestFacts[], current: ReturnType<typeof dutyLogNow>, period: Period, now: number): PeriodFigures {
  const tz = input.settings.timezone
  const range = periodRange(period, tz)
  const inPeriod = facts.filter((f) => f.receivedAt >= range.start && f.receivedAt < range.end)
  return {
    period,
    requests: requestVolumes(inPeriod, period, tz),
    completion: completionFigures(inPeriod),
    unresolvable: unresolvableCases(inPeriod),
    complaints: complaintFigures(inPeriod),
    returnVisits: returnVisitFigures(inPeriod),
    duty: dutyFigures(current, range),
    handovers: handoverFigures(input.handovers, current, range),
    inspections: inspectionFigures(input, period, range, localDate(now, tz)),
  }
}

/** Every figure of `period` and of the period before (`previousPeriod`), and the requests open at `now`. */
export function siteStatistics(input: StatisticsInput, period: Period, now: number): SiteStatistics {
  const facts = input.requests.map((r) => requestFacts(r, now, input.settings))
  const current = dutyLogNow(input.dutyEntries)
  return {
    timezone: input.settings.timezone,
    now,
    current: periodFigures(input, facts, current, period, now),
    previous: periodFigures(input, facts, current, previousPeriod(period), now),
    openNow: openNowFigures(input.openRequests ?? facts, now, input.settings),
  }
}
