/**
 * The company's sites side by side (issue 16 point 4): one row per site, and the company's, of the figures
 * the console's table and its workbook both show — volumes, completion within 2 and 7 days (篇4 4.6–4.7),
 * complaints answered within 24 h (篇3 五), satisfaction at the return visits, inspections against the
 * quota (篇2 4.4.3–4.4.4), the handovers. Shares are worked out here once, so the screen and the file agree;
 * null when there is nothing to divide by (shown as —).
 */
import { completionShares } from '../domain/statistics'
import type { CompanyPeriodFigures, PeriodTotal } from './statistics-api'

export interface ComparisonRow {
  requests: number
  /** Completed by the desk within the supervisor's threshold (2 days by default). */
  within2: number
  within2Share: number | null
  /** Completed within the manager's threshold (7 days): the desk's and the supervisor's. */
  within7: number
  within7Share: number | null
  toManager: number
  unresolvable: number
  open: number
  /** Hours from receipt to result; null for the company (a median does not add up) or when none completed. */
  medianHours: number | null
  p90Hours: number | null
  complaints: number
  complaintsInTime: number
  complaintsInTimeShare: number | null
  complaintsOverdue: number
  visitsDone: number
  /** 非常满意 and 满意 at the return visit, of the visits done. */
  satisfied: number
  satisfiedShare: number | null
  inspections: number
  /** Inspections the quota asks of the supervisors and administrators so far; done counted up to it per person. */
  inspectionsRequired: number
  inspectionsQuotaShare: number | null
  nonconformities: number
  handoversLate: number
  handoverMismatches: number
  noShows: number
  reportedUp: number
}

/** The columns in the order the table and the workbook show them. */
export const COMPARISON_COLUMNS = [
  'requests',
  'within2',
  'within2Share',
  'within7',
  'within7Share',
  'toManager',
  'unresolvable',
  'open',
  'medianHours',
  'p90Hours',
  'complaints',
  'complaintsInTime',
  'complaintsInTimeShare',
  'complaintsOverdue',
  'visitsDone',
  'satisfied',
  'satisfiedShare',
  'inspections',
  'inspectionsRequired',
  'inspectionsQuotaShare',
  'nonconformities',
  'handoversLate',
  'handoverMismatches',
  'noShows',
  'reportedUp',
] as const satisfies readonly (keyof ComparisonRow)[]

export type ComparisonColumn = (typeof COMPARISON_COLUMNS)[number]

/** Which columns are shares (0–1) and which are hours, for formatting. */
export const isShare = (c: ComparisonColumn): boolean => c.endsWith('Share')
export const isHours = (c: ComparisonColumn): boolean => c.endsWith('Hours')

const share = (n: number, of: number): number | null => (of > 0 ? n / of : null)
const hours = (ms: number | null): number | null => (ms === null ? null : ms / 3_600_000)

type Counted = Omit<PeriodTotal, 'byCategory' | 'byChannel' | 'inspections'>

/**
 * What the quota asks of the inspectors it applies to (supervisors, administrators; the manager inspects ad
 * hoc, 篇2 4.4.2), and how much of it is done — one's surplus does not make up for another's shortfall.
 */
export function inspectionQuota(lines: CompanyPeriodFigures['inspections']['byInspector']): { required: number; doneOfRequired: number } {
  let required = 0
  let doneOfRequired = 0
  for (const line of lines) {
    if (line.required === null) continue
    required += line.required
    doneOfRequired += Math.min(line.done, line.required)
  }
  return { required, doneOfRequired }
}

function rowOf(p: Counted, inspections: PeriodTotal['inspections'], median: { medianMs: number | null; p90Ms: number | null }): ComparisonRow {
  const c = p.completion
  const shares = completionShares(c, p.requests)
  const satisfied = p.returnVisits.satisfaction.verySatisfied + p.returnVisits.satisfaction.satisfied
  return {
    requests: p.requests,
    within2: shares.within2.n,
    within2Share: share(shares.within2.n, shares.within2.of),
    within7: shares.within7.n,
    within7Share: share(shares.within7.n, shares.within7.of),
    toManager: c.manager,
    unresolvable: p.unresolvable,
    open: c.open,
    medianHours: hours(median.medianMs),
    p90Hours: hours(median.p90Ms),
    complaints: p.complaints.total,
    complaintsInTime: p.complaints.inTime,
    complaintsInTimeShare: share(p.complaints.inTime, p.complaints.total),
    complaintsOverdue: p.complaints.overdue,
    visitsDone: p.returnVisits.done,
    satisfied,
    satisfiedShare: share(satisfied, p.returnVisits.done),
    inspections: inspections.total,
    inspectionsRequired: inspections.required,
    inspectionsQuotaShare: share(inspections.doneOfRequired, inspections.required),
    nonconformities: inspections.nonconformities,
    handoversLate: p.handovers.late,
    handoverMismatches: p.handovers.mismatches,
    noShows: p.handovers.noShows,
    reportedUp: p.duty.toAdministrator + p.duty.toSupervisor,
  }
}

/** A site's row for one period. */
export function siteRow(p: CompanyPeriodFigures): ComparisonRow {
  return rowOf(
    { ...p, requests: p.requests.total, unresolvable: p.unresolvable.length },
    { total: p.inspections.total, nonconformities: p.inspections.nonconformities, ...inspectionQuota(p.inspections.byInspector) },
    p.completion,
  )
}

/** The company's row for one period (no median: it does not add up). */
export function totalRow(t: PeriodTotal): ComparisonRow {
  return rowOf(t, t.inspections, { medianMs: null, p90Ms: null })
}
