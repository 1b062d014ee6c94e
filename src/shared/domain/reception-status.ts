/**
 * Where a registered request stands, derived from its timeline and "now" — never written by a
 * timer (ARCHITECTURE "Rules live in shared/domain"). The tablet (offline) and the server use the
 * same functions, so both see the same escalation at the same instant.
 */
import type { Reception } from './reception'
import { needsReturnVisit } from './reception'
import type { ReceptionEvent } from './reception-event'
import type { Settings } from './settings'
import { HOUR } from './time'

/**
 * A department's report (部门完成) is a result (篇4 4.6), so a request it resolves is 待回访 or 已完成
 * straight away; there is no separate "department done" status.
 */
export const STATUSES = ['open', 'withDepartment', 'awaitingVisit', 'closed', 'unresolvable'] as const
export type Status = (typeof STATUSES)[number]

/** 篇4 4.7–4.8: who must handle an open request now. */
/** 篇4 4.6–4.8: the desk's, past the supervisor's threshold the supervisor's, past the manager's the manager's. */
export const ESCALATION_LEVELS = ['desk', 'supervisor', 'manager'] as const
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number]

export interface ReceptionState {
  status: Status
  /** Resolved (a result or closed unresolvable): no longer escalates. */
  resolved: boolean
  /** When it was resolved (完成日期), or null. */
  resolvedAt: number | null
  /**
   * Resolved by the department's report alone (篇4 4.6): the desk may still record its own result,
   * or hand it on when the report does not settle the matter.
   */
  byDepartment: boolean
  /** The first answer to the owner (an answer, a result, a department's report, a closing), or null (篇3 五). */
  answeredAt: number | null
  level: EscalationLevel
  /** Complaint not answered or resolved within the deadline (篇3 五). */
  overdue: boolean
  /** A complaint answered, but later than the deadline: kept for the record after it is resolved. */
  answeredLate: boolean
  /** Department it is with, while it is with one. */
  departmentId: string | null
  /** Who answers for it now: the receiver, or whoever took it over. */
  ownerId: string
  /** The registered fields with every correction applied in order. */
  current: Reception
  lastEventAt: number
}

/** Events in the order they happened (then as entered; ids are time-ordered UUIDv7). */
export function sortEvents(events: readonly ReceptionEvent[]): ReceptionEvent[] {
  return [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function applyCorrections(reception: Reception, events: readonly ReceptionEvent[]): Reception {
  let current = reception
  for (const e of events) if (e.type === 'correction' && e.correction) current = { ...current, ...e.correction } as Reception
  return current
}

/** The registered fields with every correction among `events` applied in order (`receptionState().current`). */
export function correctedReception(reception: Reception, events: readonly ReceptionEvent[]): Reception {
  return applyCorrections(reception, sortEvents(events))
}

/** 篇4 4.6–4.8: open longer than the supervisor's threshold → supervisor; longer than the manager's → manager. */
export function escalationLevel(receivedAt: number, now: number, settings: Pick<Settings, 'supervisorEscalationHours' | 'managerEscalationHours'>): EscalationLevel {
  const open = now - receivedAt
  if (open > settings.managerEscalationHours * HOUR) return 'manager'
  if (open > settings.supervisorEscalationHours * HOUR) return 'supervisor'
  return 'desk'
}

/**
 * The time-dependent parts of a request's state from its stored facts (the tablet's search index
 * keeps those, not the levels, which change with the clock).
 */
export function liveState(
  facts: { receivedAt: number; resolvedAt: number | null; answeredAt: number | null; category: Reception['category'] },
  now: number,
  settings: Pick<Settings, 'supervisorEscalationHours' | 'managerEscalationHours' | 'complaintDeadlineHours'>,
): { level: EscalationLevel; overdue: boolean; answeredLate: boolean } {
  const deadline = facts.receivedAt + settings.complaintDeadlineHours * HOUR
  const complaint = facts.category === 'complaint'
  return {
    level: escalationLevel(facts.receivedAt, facts.resolvedAt ?? now, settings),
    overdue: complaint && facts.answeredAt === null && now > deadline,
    answeredLate: complaint && facts.answeredAt !== null && facts.answeredAt > deadline,
  }
}

export function receptionState(reception: Reception, events: readonly ReceptionEvent[], now: number, settings: Settings): ReceptionState {
  const timeline = sortEvents(events)
  const current = applyCorrections(reception, timeline)
  const closedUnresolvable = timeline.find((e) => e.type === 'closedUnresolvable')
  const visited = timeline.some((e) => e.type === 'returnVisit')
  const handed = timeline.findLast((e) => e.type === 'handedOver')
  // A department's report belongs to the latest hand-over at or before it, or — stamped before every
  // hand-over (its tablet's clock behind) — to the latest one, as the server's record rule decides.
  const handOverOf = (at: number): ReceptionEvent | undefined => timeline.findLast((e) => e.type === 'handedOver' && e.at <= at) ?? handed
  const isReport = (e: ReceptionEvent): boolean => e.type === 'departmentDone' && handed !== undefined
  // 篇4 4.6: the department's report on the current hand-over is the 处理结果; the desk's own result, when it
  // records one, takes its place. A report on an earlier hand-over no longer counts once handed on.
  const report = handed ? timeline.findLast((e) => isReport(e) && handOverOf(e.at) === handed) : undefined
  const result = timeline.findLast((e) => e.type === 'result') ?? report
  // Who answers for it: the last to take it over or to receive it at a handover (篇2 4.3.5).
  const takeover = timeline.findLast((e) => e.type === 'takenOver' || e.type === 'carriedOver')

  let status: Status
  if (closedUnresolvable) status = 'unresolvable'
  else if (result) status = needsReturnVisit(current.category) && !visited ? 'awaitingVisit' : 'closed'
  else if (handed) status = 'withDepartment'
  else status = 'open'

  const resolvedEvent = closedUnresolvable ?? result ?? null
  const resolved = resolvedEvent !== null
  const resolvedAt = resolvedEvent?.at ?? null
  const firstAnswer = timeline.find((e) => e.type === 'answered' || e.type === 'result' || e.type === 'closedUnresolvable' || isReport(e))
  const answeredAt = firstAnswer?.at ?? null
  // Escalation counts the time the request stays unresolved; once resolved it stops where it was.
  const { level, overdue, answeredLate } = liveState({ receivedAt: current.receivedAt, resolvedAt, answeredAt, category: current.category }, now, settings)

  return {
    status,
    resolved,
    resolvedAt,
    byDepartment: !closedUnresolvable && result !== undefined && result === report,
    answeredAt,
    level,
    overdue,
    answeredLate,
    departmentId: handed && !resolved ? handed.departmentId : null,
    ownerId: takeover?.staffId ?? current.receiverId,
    current,
    lastEventAt: timeline.at(-1)?.at ?? current.receivedAt,
  }
}
