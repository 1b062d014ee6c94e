/**
 * Each request's state worked out once (`receptionState`, the same derivation the register and the
 * server's notifications use), and the volumes of a period: by category, channel and day of receipt.
 */
import { CATEGORIES, CHANNELS, needsReturnVisit, type Category, type Channel } from '../reception'
import { receptionState, sortEvents, type EscalationLevel, type Status } from '../reception-status'
import type { Satisfaction } from '../reception-event'
import type { Settings } from '../settings'
import { dayPlacer, periodDays, type Period } from './period'
import type { RequestVolumes, StatisticsRequest } from './types'

/** What the figures need of one request, at `now`. */
export interface RequestFacts {
  ref: string
  receivedAt: number
  category: Category
  channel: Channel
  status: Status
  /** A result or the manager's closing; null while unresolved. */
  resolvedAt: number | null
  /** The first answer (篇3 五), or null. */
  answeredAt: number | null
  /** Escalation reached: at resolution, or now while unresolved (篇4 4.6–4.8). */
  level: EscalationLevel
  overdue: boolean
  answeredLate: boolean
  /** A repair or complaint: its result is followed by a return visit. */
  needsVisit: boolean
  /** Satisfaction at the latest return visit, or null when not visited. */
  satisfaction: Satisfaction | null
  visited: boolean
  /** The manager's reason when closed unresolvable, else null. */
  unresolvableReason: string | null
}

export function requestFacts(r: StatisticsRequest, now: number, settings: Settings): RequestFacts {
  const state = receptionState(r.reception, r.events, now, settings)
  const timeline = sortEvents(r.events)
  const visit = timeline.findLast((e) => e.type === 'returnVisit')
  const closing = state.status === 'unresolvable' ? timeline.find((e) => e.type === 'closedUnresolvable') : undefined
  return {
    ref: state.current.ref,
    receivedAt: state.current.receivedAt,
    category: state.current.category,
    channel: state.current.channel,
    status: state.status,
    resolvedAt: state.resolvedAt,
    answeredAt: state.answeredAt,
    level: state.level,
    overdue: state.overdue,
    answeredLate: state.answeredLate,
    needsVisit: needsReturnVisit(state.current.category),
    satisfaction: visit?.satisfaction ?? null,
    visited: visit !== undefined,
    unresolvableReason: closing ? closing.note : null,
  }
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

/** Requests of the period by category, channel and local day of receipt. `inPeriod` are those received in it. */
export function requestVolumes(inPeriod: readonly RequestFacts[], period: Period, tz: string): RequestVolumes {
  const byCategory = zeros(CATEGORIES)
  const byChannel = zeros(CHANNELS)
  const days = periodDays(period)
  const perDay = days.map(() => 0)
  const place = dayPlacer(period, tz)
  for (const f of inPeriod) {
    byCategory[f.category]++
    byChannel[f.channel]++
    const i = place(f.receivedAt)
    if (i >= 0) perDay[i]!++
  }
  return { total: inPeriod.length, byCategory, byChannel, byDay: days.map((date, i) => ({ date, count: perDay[i]! })) }
}

export { zeros }
