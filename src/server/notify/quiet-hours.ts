/**
 * When a channel is quiet and when its daily digest is due, on the site's wall clock (issue 15 point 2).
 *
 * Quiet hours hold every message but complaints (篇3 五: a complaint's 24-hour answer does not wait for
 * the morning — docs/decisions.md); what was held goes when they end, folded into one message when it is
 * more than the robot takes in a minute.
 */
import type { NotifyRule } from '@shared/domain/notification'
import { formatTime, localDate, minutesOfDay } from '@shared/domain/time'

/** The rules that still go during quiet hours. */
export const THROUGH_QUIET: readonly NotifyRule[] = ['complaintDueSoon', 'complaintOverdue']

/** Is `now` within `start`–`end` (site-local `HH:MM`; 22:00–07:00 runs over midnight)? None set: never. */
export function inQuietHours(start: string | null, end: string | null, now: number, timezone: string): boolean {
  if (!start || !end) return false
  const from = minutesOfDay(start)
  const to = minutesOfDay(end)
  const at = minutesOfDay(formatTime(now, timezone))
  if (Number.isNaN(from) || Number.isNaN(to)) return false
  return from < to ? at >= from && at < to : at >= from || at < to
}

/** The site-local day whose digest is due at `now` (its time has come and it has not gone), else null. */
export function digestDueDay(digestAt: string | null, lastDay: string | null, now: number, timezone: string): string | null {
  if (!digestAt) return null
  const today = localDate(now, timezone)
  if (lastDay === today) return null
  return minutesOfDay(formatTime(now, timezone)) >= minutesOfDay(digestAt) ? today : null
}
