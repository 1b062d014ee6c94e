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

export const STATUSES = ['open', 'withDepartment', 'departmentDone', 'awaitingVisit', 'closed', 'unresolvable'] as const
export type Status = (typeof STATUSES)[number]

/** 篇4 4.7–4.8: who must handle an open request now. */
export type EscalationLevel = 'desk' | 'supervisor' | 'manager'

export interface ReceptionState {
  status: Status
  /** Resolved (a result or closed unresolvable): no longer escalates. */
  resolved: boolean
  /** When it was resolved (完成日期), or null. */
  resolvedAt: number | null
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
  const result = timeline.findLast((e) => e.type === 'result')
  const visited = timeline.some((e) => e.type === 'returnVisit')
  const handed = timeline.findLast((e) => e.type === 'handedOver')
  // A department's report belongs to the latest hand-over at or before it, or — stamped before every
  // hand-over (its tablet's clock behind) — to the latest one, as the server's record rule decides.
  const handOverOf = (at: number): ReceptionEvent | undefined => timeline.findLast((e) => e.type === 'handedOver' && e.at <= at) ?? handed
  const done = handed ? timeline.some((e) => e.type === 'departmentDone' && handOverOf(e.at) === handed) : false
  // Who answers for it: the last to take it over or to receive it at a handover (篇2 4.3.5).
  const takeover = timeline.findLast((e) => e.type === 'takenOver' || e.type === 'carriedOver')

  let status: Status
  if (closedUnresolvable) status = 'unresolvable'
  else if (result) status = needsReturnVisit(current.category) && !visited ? 'awaitingVisit' : 'closed'
  else if (handed) status = done ? 'departmentDone' : 'withDepartment'
  else status = 'open'

  const resolvedEvent = closedUnresolvable ?? result ?? null
  const resolved = resolvedEvent !== null
  const resolvedAt = resolvedEvent?.at ?? null
  const firstAnswer = timeline.find((e) => e.type === 'answered' || e.type === 'result' || e.type === 'closedUnresolvable')
  // Escalation counts the time the request stays unresolved; once resolved it stops where it was.
  const { level, overdue, answeredLate } = liveState({ receivedAt: current.receivedAt, resolvedAt, answeredAt: firstAnswer?.at ?? null, category: current.category }, now, settings)

  return {
    status,
    resolved,
    resolvedAt,
    level,
    overdue,
    answeredLate,
    departmentId: handed && !resolved ? handed.departmentId : null,
    ownerId: takeover?.staffId ?? current.receiverId,
    current,
    lastEventAt: timeline.at(-1)?.at ?? current.receivedAt,
  }
}
