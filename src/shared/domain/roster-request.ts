/**
 * Leave and swaps (篇2 4.2.6: 调休或请假,值班人员须提前一天向客户服务主管说明并得到批准,经批准的缺值由客户服务主管
 * 安排替值或换值。任何值班人员不得擅自安排替值/换值班). A person on the roster asks for 调休 (time off),
 * 请假 (leave) or a swap with a colleague at least one day ahead; only the supervisor answers — approving
 * names the cover and makes a new version of the roster; refusing gives the reason. Append-only records.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import { codeOn, DateSchema, daysOf, LEAVE, monthOf, REST, type RosterSnapshot, type RosterVersion } from './roster'
import { staffingOf, understaffed, type Understaffed } from './roster-staffing'
import { instantAt, localDate, minutesOfDay } from './time'

export const REQUEST_KINDS = ['timeOff', 'leave', 'swap'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

/** The longest leave asked for at once (a month's roster). */
export const MAX_LEAVE_DAYS = 31

export const RosterRequestSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  kind: Type.Union(REQUEST_KINDS.map((k) => Type.Literal(k))),
  /** Who asks: a person on the roster, for themselves. */
  staffId: IdSchema,
  /** First day concerned; for a swap, the day the asker gives away. */
  date: DateSchema,
  /** Last day of the leave (= date for one day; = date for a swap). */
  toDate: DateSchema,
  /** A swap: the colleague and the day of theirs the asker would stand. */
  swapWithId: Type.Union([IdSchema, Type.Null()]),
  swapDate: Type.Union([DateSchema, Type.Null()]),
  reason: Type.String({ maxLength: 500 }),
  at: InstantSchema,
})
export type RosterRequest = Static<typeof RosterRequestSchema>

export const RosterAnswerSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  requestId: IdSchema,
  decision: Type.Union([Type.Literal('approve'), Type.Literal('refuse')]),
  /** Who stands the shifts given up (time off and leave); null leaves them to the others on the shift. */
  coverId: Type.Union([IdSchema, Type.Null()]),
  /** Why it was refused (required then), or a note. */
  reason: Type.String({ maxLength: 500 }),
  /** The roster version the approval made. */
  versionId: Type.Union([IdSchema, Type.Null()]),
  staffId: IdSchema,
  at: InstantSchema,
})
export type RosterAnswer = Static<typeof RosterAnswerSchema>

export type RequestProblem =
  | 'tooLate'
  | 'datesOutOfOrder'
  | 'tooLong'
  | 'noRoster'
  | 'notRostered'
  | 'overlaps'
  | 'reasonRequired'
  | 'swapPartnerRequired'
  | 'swapWithSelf'
  | 'partnerNotRostered'
  | 'swapDaysNotFree'
  | 'monthsDiffer'

/** 篇2 4.2.6 提前一天: asked on an earlier local day than the first shift concerned (so not on its day, in the site's zone). */
export function aheadOfTime(request: Pick<RosterRequest, 'date' | 'swapDate' | 'at'>, tz: string): boolean {
  const first = request.swapDate && request.swapDate < request.date ? request.swapDate : request.date
  return localDate(request.at, tz) < first
}

/** The dates a request takes (the leave's range; a swap's two days). */
export function requestDates(r: Pick<RosterRequest, 'kind' | 'date' | 'toDate' | 'swapDate'>): string[] {
  if (r.kind === 'swap') return [...new Set([r.date, ...(r.swapDate ? [r.swapDate] : [])])]
  return daysOf(monthOf(r.date)).filter((d) => d >= r.date && d <= r.toDate)
}

const isShift = (code: string): boolean => !!code && code !== REST && code !== LEAVE

type Shifts = RosterSnapshot['shifts']

/** A shift of day `i` of the month as minutes from the month's start: a night shift ends the next morning. */
function span(shifts: Shifts, code: string, i: number): [number, number] | null {
  const s = shifts.find((x) => x.id === code)
  if (!s) return null
  const [start, end] = [minutesOfDay(s.start), minutesOfDay(s.end)]
  if (Number.isNaN(start) || Number.isNaN(end)) return null
  return [i * 1440 + start, i * 1440 + end + (end <= start ? 1440 : 0)]
}

/** Why a person cannot cover a shift: their own shift or leave that day, or a shift of theirs next to it (day `day`, 0-based). */
export interface CoverConflict {
  kind: 'shift' | 'leave' | 'adjacent'
  day: number
  code: string
}

/**
 * Can a person whose month is `days` stand `code` on day `i` (0-based) of the month? Not when they stand a shift
 * or are on leave that day, nor when a shift of theirs the day before or after runs into it or starts as it ends:
 * coming off the night shift at 08:00, nobody covers the 08:00 day shift. (The last night of the month before is
 * not in this month's version.) Null when free.
 */
export function coverConflict(shifts: Shifts, days: readonly string[], i: number, code: string): CoverConflict | null {
  const own = days[i] ?? ''
  if (isShift(own)) return { kind: 'shift', day: i, code: own }
  if (own === LEAVE) return { kind: 'leave', day: i, code: own }
  const wanted = span(shifts, code, i)
  for (const j of wanted ? [i - 1, i + 1] : []) {
    const theirs = span(shifts, days[j] ?? '', j)
    if (theirs && theirs[1] >= wanted![0] && theirs[0] <= wanted![1]) return { kind: 'adjacent', day: j, code: days[j]! }
  }
  return null
}

/** The shifts a request gives up or takes, with their dates: the asker's, and a swap partner's day. */
function shiftsConcerned(r: Pick<RosterRequest, 'kind' | 'staffId' | 'date' | 'toDate' | 'swapWithId' | 'swapDate'>, version: Pick<RosterVersion, 'month' | 'snapshot'>): { date: string; code: string }[] {
  const mine = requestDates(r).map((date) => ({ date, code: codeOn(version, r.staffId, date) }))
  const theirs = r.kind === 'swap' && r.swapWithId && r.swapDate ? [{ date: r.swapDate, code: codeOn(version, r.swapWithId, r.swapDate) }] : []
  return [...mine, ...theirs].filter((s) => isShift(s.code))
}

/**
 * When the first shift a request concerns begins, by the roster in force: an answer must come before it
 * (篇2 4.2.6 经批准的缺值由客户服务主管安排替值或换值 — arranged before the shift, not after it was stood or missed).
 * The start of its first day when none of its days holds a shift.
 */
export function requestStartsAt(r: Pick<RosterRequest, 'kind' | 'staffId' | 'date' | 'toDate' | 'swapWithId' | 'swapDate'>, version: Pick<RosterVersion, 'month' | 'snapshot'>, tz: string): number {
  const starts = shiftsConcerned(r, version).map((s) => instantAt(s.date, version.snapshot.shifts.find((x) => x.id === s.code)?.start ?? '00:00', tz))
  const first = r.kind === 'swap' && r.swapDate && r.swapDate < r.date ? r.swapDate : r.date
  return starts.length ? Math.min(...starts) : instantAt(first, '00:00', tz)
}

/** An open request whose first shift has begun: it can no longer be approved, and waits for nobody. */
export const requestLapsed = (startsAt: number | null, now: number): boolean => startsAt !== null && now >= startsAt

/** Is a request still open or approved (a refused one frees its days)? */
export type Answered = (requestId: string) => RosterAnswer | null

/**
 * What is wrong with a request made against the roster in force (`version`, null when the month has none):
 * too late (篇2 4.2.6), dates backwards or longer than a month, days on which the asker stands no shift, days
 * another open or approved request of theirs already takes; a swap names a colleague rostered on their day.
 */
export function requestProblems(r: RosterRequest, version: RosterVersion | null, others: readonly RosterRequest[], answered: Answered, tz: string): RequestProblem[] {
  const out: RequestProblem[] = []
  if (!aheadOfTime(r, tz)) out.push('tooLate')
  if (r.toDate < r.date) out.push('datesOutOfOrder')
  if (monthOf(r.toDate) !== monthOf(r.date) || (r.swapDate && monthOf(r.swapDate) !== monthOf(r.date))) out.push('monthsDiffer')
  if (requestDates(r).length > MAX_LEAVE_DAYS) out.push('tooLong')
  if (!r.reason.trim()) out.push('reasonRequired')
  if (!version) return [...out, 'noRoster']
  const mine = requestDates(r)
  if (r.kind === 'swap') {
    if (!r.swapWithId || !r.swapDate) out.push('swapPartnerRequired')
    else if (r.swapWithId === r.staffId) out.push('swapWithSelf')
    else if (!isShift(codeOn(version, r.swapWithId, r.swapDate))) out.push('partnerNotRostered')
    // The two exchange their codes on both days: a leave on either would move to the other person.
    else if ([codeOn(version, r.swapWithId, r.date), codeOn(version, r.staffId, r.swapDate)].includes(LEAVE)) out.push('swapDaysNotFree')
    if (!isShift(codeOn(version, r.staffId, r.date))) out.push('notRostered')
  } else if (!mine.some((d) => isShift(codeOn(version, r.staffId, d)))) out.push('notRostered')
  const taken = others.filter((o) => o.id !== r.id && o.staffId === r.staffId && answered(o.id)?.decision !== 'refuse').flatMap(requestDates)
  if (mine.some((d) => taken.includes(d))) out.push('overlaps')
  return out
}

export type AnswerProblem = 'alreadyAnswered' | 'reasonRequired' | 'coverIsAsker' | 'coverBusy' | 'coverNotOnRoster' | 'shiftStarted'

export interface Outcome {
  snapshot: RosterSnapshot
  /** Shifts the change leaves below their minimum: shown to the supervisor before approving. */
  understaffed: Understaffed[]
  problems: AnswerProblem[]
}

/**
 * The roster after approving `r` (`coverId` standing the shifts given up): time off turns the asker's shifts
 * to 休, leave to 假, and the cover takes each of them; a swap exchanges the two people's days. Nothing in
 * `version` is changed: a new snapshot is returned.
 */
export function approvedRoster(version: RosterVersion, r: RosterRequest, coverId: string | null): Outcome {
  const rows = version.snapshot.rows.map((row) => ({ ...row, days: [...row.days] }))
  const desk = (id: string | null): (typeof rows)[number] | undefined => (id ? rows.find((row) => row.lane === 'desk' && row.staffId === id) : undefined)
  const asker = desk(r.staffId)
  const problems: AnswerProblem[] = []
  const day = (d: string): number => Number(d.slice(8, 10)) - 1
  if (r.kind === 'swap') {
    const partner = desk(r.swapWithId)
    for (const d of requestDates(r)) {
      if (!asker || !partner) break
      const i = day(d)
      ;[asker.days[i], partner.days[i]] = [partner.days[i]!, asker.days[i]!]
    }
  } else {
    const cover = desk(coverId)
    if (coverId && coverId === r.staffId) problems.push('coverIsAsker')
    else if (coverId && !cover) problems.push('coverNotOnRoster')
    for (const d of requestDates(r)) {
      const i = day(d)
      const code = asker?.days[i] ?? ''
      if (!asker || !isShift(code)) continue
      asker.days[i] = r.kind === 'leave' ? LEAVE : REST
      if (!cover || problems.length) continue
      if (coverConflict(version.snapshot.shifts, cover.days, i, code)) problems.push('coverBusy')
      else cover.days[i] = code
    }
  }
  const snapshot = { shifts: version.snapshot.shifts, rows }
  return { snapshot, understaffed: understaffed(staffingOf(version.month, rows, snapshot.shifts), snapshot.shifts).filter((u) => requestDates(r).includes(u.date)), problems: [...new Set(problems)] }
}

/**
 * Why the supervisor's answer cannot be given: answered already; a refusal says why; an approval comes before
 * the first shift concerned begins (`startsAt`, from `requestStartsAt`; a refusal may still be given after).
 */
export function answerProblems(a: Pick<RosterAnswer, 'decision' | 'reason' | 'at'>, existing: RosterAnswer | null, startsAt: number | null): AnswerProblem[] {
  const out: AnswerProblem[] = []
  if (existing) out.push('alreadyAnswered')
  if (a.decision === 'approve' && requestLapsed(startsAt, a.at)) out.push('shiftStarted')
  if (a.decision === 'refuse' && !a.reason.trim()) out.push('reasonRequired')
  return out
}
