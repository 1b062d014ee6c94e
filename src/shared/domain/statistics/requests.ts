/**
 * Each request's state worked out once (`receptionState`, the same derivation the register and the
 * server's notifications use), and the volumes of a period: by category, channel and day of receipt.
 */
import { CATEGORIES, CHANNELS, needsReturnVisit } from '../reception'
import { liveState, receptionState, sortEvents, type EscalationLevel } from '../reception-status'
import { defaultSettings, type Settings } from '../settings'
import { dayPlacer, periodDays, type Period } from './period'
import type { RequestRecordFacts, RequestVolumes, StatisticsRequest } from './types'

/** What the figures need of one request, at `now`. */
export interface RequestFacts extends RequestRecordFacts {
  /** Escalation reached: at resolution, or now while unresolved (篇4 4.6–4.8). */
  level: EscalationLevel
  overdue: boolean
  answeredLate: boolean
  /** A repair or complaint: its result is followed by a return visit. */
  needsVisit: boolean
}

/** The clock-free facts of one request and its timeline (corrections applied, `receptionState`'s derivation). */
export function recordFacts(r: StatisticsRequest): RequestRecordFacts {
  // Status, resolution and the first answer ignore the clock and the thresholds (only levels use them).
  const state = receptionState(r.reception, r.events, r.reception.receivedAt, defaultSettings(r.reception.siteId))
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
    satisfaction: visit?.satisfaction ?? null,
    visited: visit !== undefined,
    unresolvableReason: closing ? closing.note : null,
  }
}

/** A request as the figures see it at `now`: its record facts (or the request, worked out here) and the levels of the clock. */
export function requestFacts(r: StatisticsRequest | RequestRecordFacts, now: number, settings: Settings): RequestFacts {
  const f = 'reception' in r ? recordFacts(r) : r
  const live = liveState(f, now, settings)
  // Written out, not spread: one shape for every request (a company's year is ~300,000 of them; spreading the
  // stored row, whatever else it holds, took ~6 µs each).
  return {
    ref: f.ref,
    receivedAt: f.receivedAt,
    category: f.category,
    channel: f.channel,
    status: f.status,
    resolvedAt: f.resolvedAt,
    answeredAt: f.answeredAt,
    satisfaction: f.satisfaction,
    visited: f.visited,
    unresolvableReason: f.unresolvableReason,
    level: live.level,
    overdue: live.overdue,
    answeredLate: live.answeredLate,
    needsVisit: needsReturnVisit(f.category),
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
