/**
 * The time rules the server watches (issue 15 point 1), as pure functions of the synced records and
 * "now": the same domain rules the tablets' today screen follows (reception-status.ts, review.ts,
 * duty-log.ts), so a notification says what a tablet would show at that instant. Each rule gives the
 * events due at `now`; the key (notification.ts) makes each one notified once per level.
 */
import { maskedName } from './archive'
import { escalatedEntries, parseShiftKey, type DutyEntry } from './duty-log'
import { notificationKey, type NotificationEvent, type NotifyLevel, type NotifyRule } from './notification'
import type { Reception } from './reception'
import type { ReceptionEvent } from './reception-event'
import { receptionState } from './reception-status'
import { textWithoutPhones } from './retention'
import { dailyReviewsDue, weeklyReviewsDue, type Review } from './review'
import type { Settings } from './settings'
import { addDays, DAY, HOUR, instantAt, localDate, MINUTE } from './time'
import { shiftWindow, type ShiftType } from './shift-type'
import type { Handover } from './handover'
import { draftDue, DRAFT_DEADLINE_DAY } from './roster-cycle'
import type { RosterStep, RosterVersion } from './roster'

/** 篇3 五: the supervisor hears of a complaint this long before its deadline. */
export const COMPLAINT_WARNING_MS = 2 * HOUR
/** "By the next morning" (篇2 4.2.5, 篇4 4.3, 4.9): a review still missing at this local time is overdue. */
export const REVIEW_MORNING = '09:00'
const SUMMARY_LENGTH = 40

/**
 * A request's matter as a notification may carry it: cut short, phone numbers masked, the owner's name
 * (when it is written in the matter) as surname and honorific — never a phone or a full name.
 */
export function requestSummary(r: Pick<Reception, 'matter' | 'customerName' | 'honorific'>): string {
  let text = textWithoutPhones(r.matter.replace(/\s+/g, ' ').trim())
  const name = r.customerName.trim()
  if (name.length >= 2) text = text.split(name).join(maskedName(name, r.honorific))
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text
}

function event(siteId: string, rule: NotifyRule, level: NotifyLevel, subject: { table: string; id: string }, dueAt: number, text: { room: string; summary: string; link: string }): NotificationEvent {
  return { key: notificationKey(rule, subject.id, level), siteId, rule, level, subjectTable: subject.table, subjectId: subject.id, dueAt, ...text }
}

/**
 * Requests (篇4 4.7–4.8; 篇3 五): unresolved past the supervisor's and the manager's thresholds; a complaint
 * unanswered with `COMPLAINT_WARNING_MS` left, and past its deadline.
 */
export function requestEvents(requests: readonly { reception: Reception; events: readonly ReceptionEvent[] }[], now: number, settings: Settings): NotificationEvent[] {
  const out: NotificationEvent[] = []
  for (const { reception, events } of requests) {
    const state = receptionState(reception, events, now, settings)
    const r = state.current
    const subject = { table: 'receptions', id: r.id }
    const text = { room: r.room, summary: requestSummary(r), link: `/register/${r.id}` }
    const add = (rule: NotifyRule, level: NotifyLevel, dueAt: number): void => void out.push(event(r.siteId, rule, level, subject, dueAt, text))
    if (!state.resolved) {
      const toSupervisor = r.receivedAt + settings.supervisorEscalationHours * HOUR
      const toManager = r.receivedAt + settings.managerEscalationHours * HOUR
      // The same edges as the tablet's level: strictly more than the threshold (escalationLevel).
      if (now > toSupervisor) add('requestToSupervisor', 'supervisor', toSupervisor)
      if (now > toManager) add('requestToManager', 'manager', toManager)
    }
    if (r.category === 'complaint' && state.answeredAt === null) {
      const deadline = r.receivedAt + settings.complaintDeadlineHours * HOUR
      if (now > deadline) add('complaintOverdue', 'supervisor', deadline)
      else if (now >= deadline - COMPLAINT_WARNING_MS) add('complaintDueSoon', 'supervisor', deadline - COMPLAINT_WARNING_MS)
    }
  }
  return out
}

/**
 * A request `requestEvents` can never find again unless its record or timeline changes: resolved, and — a
 * complaint — answered. Neither depends on the clock, so the server stops reading it (notify-watch).
 */
export function requestSettled(reception: Reception, events: readonly ReceptionEvent[], now: number, settings: Settings): boolean {
  const state = receptionState(reception, events, now, settings)
  return state.resolved && (state.current.category !== 'complaint' || state.answeredAt !== null)
}

/**
 * The duty log (篇2 4.2.3, 4.2.8): a matter reported to the administrator or the supervisor, and a no-show,
 * while not closed. The duty log is the desk's own (篇2 4.2.4): the message names the shift and when, not
 * what was written — that is read on a desk tablet.
 */
export function dutyEvents(entries: readonly DutyEntry[], siteId: string): NotificationEvent[] {
  const out: NotificationEvent[] = []
  for (const level of ['administrator', 'supervisor'] as const) {
    for (const e of escalatedEntries(entries, level)) {
      const rule: NotifyRule = e.kind === 'noShow' ? 'noShow' : 'dutyMatterReported'
      const shift = parseShiftKey(e.shiftKey)
      const link = shift ? `/duty-log?date=${shift.date}&shift=${shift.shiftTypeId}` : '/duty-log'
      out.push(event(siteId, rule, level, { table: 'dutyEntries', id: e.id }, e.at, { room: '', summary: shift?.date ?? '', link }))
    }
  }
  return out
}

/**
 * Reviews (篇4 4.3, 篇2 4.2.5: the supervisor's daily ones; 篇4 4.9: the manager's weekly one) still missing
 * at `REVIEW_MORNING` of the day after the period — from the site's first day `since` on.
 */
export function reviewEvents(reviews: readonly Pick<Review, 'kind' | 'period'>[], now: number, tz: string, since: string, siteId: string): NotificationEvent[] {
  const out: NotificationEvent[] = []
  const add = (kind: Review['kind'], level: NotifyLevel, period: string, lastDay: string, link: string): void => {
    const dueAt = instantAt(addDays(lastDay, 1), REVIEW_MORNING, tz)
    if (now >= dueAt) out.push(event(siteId, 'reviewOverdue', level, { table: 'reviews', id: `${kind}/${period}` }, dueAt, { room: '', summary: period, link }))
  }
  for (const day of dailyReviewsDue(reviews, now, tz, since, 'registerDaily')) add('registerDaily', 'supervisor', day, day, '/register/reviews')
  for (const day of dailyReviewsDue(reviews, now, tz, since, 'dutyLogDaily')) add('dutyLogDaily', 'supervisor', day, day, '/duty-log/reviews')
  for (const monday of weeklyReviewsDue(reviews, now, tz, since)) add('registerWeekly', 'manager', monday, addDays(monday, 6), '/register/reviews')
  return out
}

/** 篇2 4.3: a shift someone stood and nobody handed over this long after its end is late. */
export const HANDOVER_GRACE_MS = 15 * MINUTE
/** Shifts that ended longer ago than this are not looked at again (their events were found when they were due). */
const HANDOVER_LOOKBACK_MS = 2 * DAY

/**
 * Handovers (篇2 4.3, 4.2.8): a shift somebody started duty on, ended more than `HANDOVER_GRACE_MS` ago and
 * not handed over — to the supervisor. Shifts of the last two days only.
 */
export function handoverEvents(entries: readonly DutyEntry[], handovers: readonly Pick<Handover, 'fromShiftKey'>[], shifts: readonly ShiftType[], now: number, tz: string, siteId: string): NotificationEvent[] {
  const handed = new Set(handovers.map((h) => h.fromShiftKey))
  const stood = new Set(entries.filter((e) => e.kind === 'dutyStart').map((e) => e.shiftKey))
  const out: NotificationEvent[] = []
  for (const key of stood) {
    const parsed = parseShiftKey(key)
    const type = parsed && shifts.find((s) => s.id === parsed.shiftTypeId)
    if (!parsed || !type || handed.has(key)) continue
    const { endsAt } = shiftWindow(type, parsed.date, tz)
    const dueAt = endsAt + HANDOVER_GRACE_MS
    if (now < dueAt || now - endsAt > HANDOVER_LOOKBACK_MS) continue
    out.push(event(siteId, 'handoverLate', 'supervisor', { table: 'handovers', id: key }, dueAt, { room: '', summary: `${parsed.date} ${type.name}`, link: '/handover' }))
  }
  return out
}

/**
 * The roster (篇2 4.1.1): next month's draft not submitted — on the 25th at 09:00 the administrator is
 * reminded, from the 26th the supervisor hears of it. Only on sites that keep their roster here (a version
 * of any month exists).
 */
export function rosterEvents(versions: readonly RosterVersion[], steps: readonly RosterStep[], now: number, tz: string, siteId: string): NotificationEvent[] {
  if (!versions.length) return []
  const due = draftDue(versions, steps, now, tz)
  if (due.state === 'none') return []
  const deadline = due.deadline
  const subject = { table: 'rosterVersions', id: due.month }
  const text = { room: '', summary: due.month, link: '/roster' }
  const out: NotificationEvent[] = []
  const remind = instantAt(deadline, REVIEW_MORNING, tz)
  if (Number(localDate(now, tz).slice(8, 10)) >= DRAFT_DEADLINE_DAY && now >= remind) out.push(event(siteId, 'rosterNotSubmitted', 'administrator', subject, remind, text))
  if (due.state === 'overdue') out.push(event(siteId, 'rosterNotSubmitted', 'supervisor', subject, instantAt(addDays(deadline, 1), '00:00', tz), text))
  return out
}
