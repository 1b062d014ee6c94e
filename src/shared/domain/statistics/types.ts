/**
 * What statistics read and what they give (issue 16): one input shape that the tablet fills from its Dexie
 * tables and the server from its database, and one output both show — so the same site and period give the
 * same numbers on both (issue 16 point 5).
 *
 * Definitions used by every figure:
 * - **Requests in a period** are those *received* in it (`receivedAt` from the period's first local
 *   midnight, inclusive, to the midnight after its last day, exclusive; the site's time zone).
 * - **Completion figures** (time to completion, completed within 2 / 7 days, handed to the manager, closed
 *   unresolvable, complaints answered, return visits) are worked out over the requests received in the
 *   period, with their timelines as they stand at `now`: a request received on the 31st and completed on
 *   the 2nd of the next month counts as completed, in the month it was received. A month's report
 *   printed later can therefore show more completed than one printed on the 1st.
 * - **Open now** is over every request not settled at `now` (unresolved, or resolved with its return visit
 *   outstanding), whenever it was received; it does not depend on the period.
 * - **Category** is the request's category after its corrections (a correction is a new event, the
 *   original stays; `receptionState().current`).
 * - Durations are milliseconds; shares are left to the screen (count / total), so nothing is rounded twice.
 *
 * No owner's name or phone is in any output: requests appear as counts, and the few listed one by one
 * (closed unresolvable) by reference number with the reason, its phone numbers masked.
 */
import type { Category, Channel, Reception } from '../reception'
import type { ReceptionEvent, Satisfaction } from '../reception-event'
import type { Settings } from '../settings'
import type { Status } from '../reception-status'
import type { DutyEntry } from '../duty-log'
import type { RosterVersion } from '../roster'
import type { Handover } from '../handover'
import type { Inspection, Nonconformity } from '../inspection'
import type { Period } from './period'

/** One registered request with its whole timeline. */
export interface StatisticsRequest {
  reception: Reception
  events: readonly ReceptionEvent[]
}

/**
 * What the figures need of one request that does not change with the clock: worked out from the request and
 * its timeline once (`recordFacts`), so the tablet and the server can keep it beside the request, written
 * with it, and read only this (issue 16's benchmark: a month over 200,000 requests).
 */
export interface RequestRecordFacts {
  ref: string
  receivedAt: number
  category: Category
  channel: Channel
  status: Status
  /** A result or the manager's closing; null while unresolved. */
  resolvedAt: number | null
  /** The first answer (篇3 五), or null. */
  answeredAt: number | null
  /** Satisfaction at the latest return visit, or null when not visited or none given. */
  satisfaction: Satisfaction | null
  visited: boolean
  /** The manager's reason when closed unresolvable, else null. */
  unresolvableReason: string | null
}

/**
 * A request not settled at `now` as its stored facts (the tablet's register index keeps them): enough for the
 * open-now figures without its timeline. `status` and `resolvedAt` as `receptionState` derives them.
 */
export interface OpenRequestFacts {
  receivedAt: number
  status: Status
  resolvedAt: number | null
}

/** Who is expected to inspect (篇2 4.4.2–4.4.4): the site's active supervisors, administrators and managers. */
export interface StatisticsInspector {
  id: string
  role: 'supervisor' | 'administrator' | 'manager'
}

/**
 * The records statistics are worked out from. Each list may hold more than the period needs (the server can
 * pass a year); what counts is chosen here by the definitions above. For the figures to be complete:
 * `requests` holds every request received in the period and the period before, and every request not
 * settled at `now`; the other lists everything dated in the two periods.
 */
/** What the figures read of a duty log entry: its links (`currentEntries`), kind, escalation and time. */
export type StatisticsDutyEntry = Pick<DutyEntry, 'id' | 'correctsId' | 'resolvesFollowUp' | 'kind' | 'escalation' | 'at'>

export interface StatisticsInput {
  /** The site's thresholds (篇4 4.7–4.8 escalation, 篇3 五 complaint deadline) and its time zone. */
  settings: Settings
  /**
   * Requests with their timelines, or their stored clock-free facts (`recordFacts`, kept beside each request
   * by the tablet and the server): the same figures either way.
   */
  requests: readonly (StatisticsRequest | RequestRecordFacts)[]
  /** Duty log entries (every version: corrections are resolved here), only the fields the figures read. */
  dutyEntries: readonly StatisticsDutyEntry[]
  handovers: readonly Pick<Handover, 'shiftStartsAt' | 'late' | 'counts'>[]
  inspections: readonly Pick<Inspection, 'inspectorId' | 'kind' | 'at'>[]
  nonconformities: readonly Pick<Nonconformity, 'itemCode' | 'staffId' | 'at'>[]
  inspectors: readonly StatisticsInspector[]
  /**
   * The roster in force (its latest approved version, `inForce`) of each month the two periods touch that has
   * one: an administrator owes the daily inspection only on the days it puts them on a desk shift (篇2 4.4.4).
   * Months without one ask every day.
   */
  rosters?: readonly Pick<RosterVersion, 'month' | 'snapshot'>[]
  /**
   * Optional: the requests not settled at `now`, as stored facts. When given, open now is counted from these
   * (a tablet need not read years-old open requests' timelines); when not, from `requests`.
   */
  openRequests?: readonly OpenRequestFacts[]
}

/** An input holding every request with its timeline (tests, and readers that need the records themselves). */
export type StatisticsRecordsInput = Omit<StatisticsInput, 'requests'> & { requests: readonly StatisticsRequest[] }

export interface DayCount {
  /** `YYYY-MM-DD`, site-local. */
  date: string
  count: number
}

/** Volumes of the requests received in the period. */
export interface RequestVolumes {
  /** Requests received in the period. */
  total: number
  /** By category as corrected (every category present, 0 when none). */
  byCategory: Record<Category, number>
  /** By channel: 上门 visit, 来电 phone, 网络 online, 转告 relayed (篇4 4.1–4.2). */
  byChannel: Record<Channel, number>
  /** By local day of receipt, every day of the period (0 when none). */
  byDay: DayCount[]
}

/**
 * Who completed the period's requests, by the escalation level they had reached (篇4 4.6–4.8, the site's
 * thresholds): the five counts add up to `RequestVolumes.total`.
 */
export interface CompletionFigures {
  /** Completed (a result recorded, 处理结果) within the supervisor's threshold (2 days): the desk's (篇4 4.6). */
  desk: number
  /** Completed after the supervisor's threshold and within the manager's (7 days): the supervisor's (篇4 4.7). */
  supervisor: number
  /** Open longer than the manager's threshold, at completion or now: handed to the manager (篇4 4.8). */
  manager: number
  /** Closed as unresolvable (篇4 3.3.3) before reaching the manager's threshold. */
  unresolvableEarly: number
  /** Not completed yet and not past the manager's threshold. */
  open: number
  /** Of `open`, still within the supervisor's threshold: the desk may yet complete it in time (left out of the 2-day share). */
  openDesk: number
  /** Of `open`, past the supervisor's threshold: the supervisor may yet complete it within 7 days (left out of the 7-day share). */
  openSupervisor: number
  /** Completed with a result (any level): how many the times below are over. */
  completed: number
  /** Time from receipt to result, median (nearest rank); null when none completed. */
  medianMs: number | null
  /** Time from receipt to result, 90th percentile (nearest rank); null when none completed. */
  p90Ms: number | null
}

/** A request the manager closed as unresolvable, with the written reason (篇4 4.8: 说明原因). */
export interface UnresolvableCase {
  ref: string
  category: Category
  receivedAt: number
  closedAt: number
  /** The manager's reason, phone numbers in it masked. */
  reason: string
}

/** Complaints received in the period against the deadline (篇3 五: 24 小时内予以解决或答复). */
export interface ComplaintFigures {
  total: number
  /** Answered or resolved within the deadline. */
  inTime: number
  /** Answered, but after the deadline (逾期答复). */
  late: number
  /** Not answered and past the deadline now. */
  overdue: number
  /** Not answered, still within the deadline. */
  waiting: number
}

/** Return visits (回访, 篇3 五) of the period's repairs and complaints that have a result. */
export interface ReturnVisitFigures {
  /** Requests needing a return visit with a result recorded. */
  due: number
  /** Of those, visited. */
  done: number
  /** Of those, still awaiting the visit. */
  awaiting: number
  /** The owners' satisfaction at the latest visit of each. */
  satisfaction: Record<Satisfaction, number>
}

/** The duty log's matters reported up (篇2 4.2.3), entries dated in the period, as they read now. */
export interface DutyFigures {
  /** Beyond the clerk's authority → the administrator. */
  toAdministrator: number
  /** Major → the supervisor. */
  toSupervisor: number
  /** Of those reported up, still not closed by a later entry. */
  stillOpen: number
}

/** Shift handovers whose incoming shift starts in the period (篇2 4.3). */
export interface HandoverFigures {
  total: number
  /** The incoming clerk later than the lead before the shift (篇2 4.3.1, 4.2.7). */
  late: number
  /** Handovers with at least one item counted off what was expected (篇2 4.3.3). */
  mismatches: number
  /** Items counted off, over all handovers. */
  mismatchedItems: number
  /** No-shows the outgoing clerk recorded in the duty log (篇2 4.2.7 不接班; 篇2 4.2.8). */
  noShows: number
}

/** One inspector's inspections in the period against what the regulations ask. */
export interface InspectorQuota {
  staffId: string
  role: StatisticsInspector['role']
  done: number
  /**
   * Asked by the days of the period up to today: a supervisor at least 3 a week at the pace of ⌈3n/7⌉
   * (篇2 4.4.3), an administrator one a day (篇2 4.4.4, every day: the roster is not consulted here);
   * null for the manager, who inspects ad hoc (篇2 4.4.2).
   */
  required: number | null
}

export interface InspectionFigures {
  total: number
  byInspector: InspectorQuota[]
  /** Nonconformities found in the period (篇2 4.4.3: 作为绩效考核的依据). */
  nonconformities: number
  /** By checklist item code (a–j, 篇2 4.4.1). */
  byItem: Record<string, number>
  /** By the person they count against, most first. */
  byPerson: { staffId: string; count: number }[]
}

/** Every figure of one period. */
export interface PeriodFigures {
  period: Period
  requests: RequestVolumes
  completion: CompletionFigures
  unresolvable: UnresolvableCase[]
  complaints: ComplaintFigures
  returnVisits: ReturnVisitFigures
  duty: DutyFigures
  handovers: HandoverFigures
  inspections: InspectionFigures
}

export const OPEN_QUEUES = ['desk', 'supervisor', 'manager', 'withDepartment', 'awaitingVisit'] as const
/** Where an open request waits: by its escalation level, with a department, or awaiting the return visit. */
export type OpenQueue = (typeof OPEN_QUEUES)[number]

export const AGE_BUCKETS = ['day', 'desk', 'supervisor', 'manager'] as const
/** How long an open request has been open: ≤ 1 day, ≤ the supervisor's threshold, ≤ the manager's, beyond. */
export type AgeBucket = (typeof AGE_BUCKETS)[number]

/** Requests not settled at `now`, whenever received. */
export interface OpenNowFigures {
  total: number
  byQueue: Record<OpenQueue, number>
  byAge: Record<AgeBucket, number>
  /** Upper edges of the age buckets in hours (24, then the site's two thresholds), for their labels. */
  ageEdgesHours: [number, number, number]
}

/** A site's statistics for a period and the period before. */
export interface SiteStatistics {
  timezone: string
  /** The instant they were worked out at. */
  now: number
  current: PeriodFigures
  previous: PeriodFigures
  openNow: OpenNowFigures
}
