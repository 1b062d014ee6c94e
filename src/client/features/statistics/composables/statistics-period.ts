/**
 * The period 统计 shows lives in the address (`?period=week|month|custom&from=…&to=…`), so going back from a
 * drilled-down list finds the screen as it was; without one, this month.
 */
import { currentPeriod, monthPeriod, periodFromParts, type Period } from '@shared/domain/statistics'
import { monthOf } from '@shared/domain/roster'

const first = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined)

/** The period the address asks for, or the current month at `now`. */
export function periodFromQuery(query: Record<string, unknown>, now: number, tz: string): Period {
  return periodFromParts(first(query.period), first(query.from), first(query.to)) ?? currentPeriod('month', now, tz)
}

/** The address of a period (a month as `from=YYYY-MM`). */
export function queryOfPeriod(p: Period): Record<string, string> {
  if (p.kind === 'month') return { period: 'month', from: monthOf(p.from) }
  if (p.kind === 'week') return { period: 'week', from: p.from }
  return { period: 'custom', from: p.from, to: p.to }
}

/** The month a period's report is for: its own when a month, else the month of its last day. */
export const reportMonth = (p: Period): Period => (p.kind === 'month' ? p : monthPeriod(monthOf(p.to)))
