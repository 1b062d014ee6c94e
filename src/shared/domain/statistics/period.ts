/**
 * The periods statistics are counted over (issue 16 point 1): a week (Monday to Sunday, as the manager's
 * 每周一 review of last week, 篇4 4.9), a calendar month (the 月度客服工作报告), or custom local dates,
 * both inclusive — and the period before, to compare with. Edges are the site's local midnights (SPEC: the
 * site's time zone, Asia/Shanghai by default): a request at 23:59:59 on the last day is in, one at 00:00
 * the next day is not. Pure; nothing here reads the clock.
 */
import { addDays, instantAt, localDate } from '../time'
import { weekStart } from '../review'
import { addMonths, daysOf, monthOf } from '../roster'

export const PERIOD_KINDS = ['week', 'month', 'custom'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

/** A period of whole local days, `from` and `to` (`YYYY-MM-DD`) both included. */
export interface Period {
  kind: PeriodKind
  from: string
  to: string
}

/** A custom period longer than this is refused: a year and a day covers any report asked for. */
export const MAX_PERIOD_DAYS = 367

const DATE = /^\d{4}-\d{2}-\d{2}$/
const MONTH = /^\d{4}-\d{2}$/

/** The week (Monday–Sunday) holding local `date`. */
export function weekPeriod(date: string): Period {
  const from = weekStart(date)
  return { kind: 'week', from, to: addDays(from, 6) }
}

/** The calendar month `YYYY-MM`. */
export function monthPeriod(month: string): Period {
  const days = daysOf(month)
  return { kind: 'month', from: days[0]!, to: days.at(-1)! }
}

/** Number of local days of a period (a date is a calendar day whatever the zone's daylight saving does). */
export function periodLength(p: Pick<Period, 'from' | 'to'>): number {
  return Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1
}

/** Custom local dates, inclusive; null when malformed, reversed or longer than `MAX_PERIOD_DAYS`. */
export function customPeriod(from: string, to: string): Period | null {
  if (!DATE.test(from) || !DATE.test(to) || addDays(from, 0) !== from || addDays(to, 0) !== to || from > to) return null
  return periodLength({ from, to }) > MAX_PERIOD_DAYS ? null : { kind: 'custom', from, to }
}

/** The week or month holding `now` in `tz` (a custom period is always chosen, never derived). */
export function currentPeriod(kind: Exclude<PeriodKind, 'custom'>, now: number, tz: string): Period {
  const today = localDate(now, tz)
  return kind === 'week' ? weekPeriod(today) : monthPeriod(monthOf(today))
}

/**
 * The period before, to compare with: the week before, the calendar month before (its own length: February
 * after March), and for custom dates the same number of days just before `from`.
 */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'week') return weekPeriod(addDays(p.from, -7))
  if (p.kind === 'month') return monthPeriod(addMonths(monthOf(p.from), -1))
  const n = periodLength(p)
  return { kind: 'custom', from: addDays(p.from, -n), to: addDays(p.from, -1) }
}

/** The local dates of a period, in order. */
export function periodDays(p: Pick<Period, 'from' | 'to'>): string[] {
  const out: string[] = []
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.push(d)
  return out
}

/** The period as instants: `start` its first local midnight (in), `end` the midnight after its last day (out). */
export function periodRange(p: Pick<Period, 'from' | 'to'>, tz: string): { start: number; end: number } {
  return { start: instantAt(p.from, '00:00', tz), end: instantAt(addDays(p.to, 1), '00:00', tz) }
}

/**
 * Places instants on the period's days: the index of the local day holding `at`, or -1 outside the period.
 * The day edges are worked out once, then each record is placed by comparing numbers (a month of requests
 * stays fast on a tablet: no time-zone formatting per record, as `quotaStanding` does).
 */
export function dayPlacer(p: Pick<Period, 'from' | 'to'>, tz: string): (at: number) => number {
  const days = periodDays(p)
  const edges = [...days, addDays(p.to, 1)].map((d) => instantAt(d, '00:00', tz))
  return (at) => {
    if (!(at >= edges[0]!) || at >= edges.at(-1)!) return -1
    let lo = 0
    let hi = days.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (edges[mid]! <= at) lo = mid
      else hi = mid - 1
    }
    return lo
  }
}

/** Reads a period from an address's `kind`, `from`, `to` (a month as `from=YYYY-MM`); null when it names none. */
export function periodFromParts(kind: string | undefined, from: string | undefined, to: string | undefined): Period | null {
  if (kind === 'week' && from && DATE.test(from)) return weekPeriod(from)
  if (kind === 'month' && from && MONTH.test(from)) return monthPeriod(from)
  if (kind === 'month' && from && DATE.test(from)) return monthPeriod(monthOf(from))
  if (kind === 'custom' && from && to) return customPeriod(from, to)
  return null
}
