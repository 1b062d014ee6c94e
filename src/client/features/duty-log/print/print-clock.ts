/**
 * The duty print's times, read from one Intl formatter per zone. `formatTime` and `formatDateTime`
 * of shared/domain/time go through dayjs' tz, which builds a new Intl.DateTimeFormat on every call:
 * a month's log (3,000 rows, their handovers) paid that about 4,000 times, most of the time it took to
 * lay the month out (issue 17). Same strings: `YYYY-MM-DD`, `HH:mm` (00–23), `YYYY-MM-DD HH:mm`.
 */
import { formatDateTime, formatTime, localDate } from '@shared/domain/time'

const clocks = new Map<string, Intl.DateTimeFormat>()

function clockOf(tz: string): Intl.DateTimeFormat {
  let f = clocks.get(tz)
  if (!f) clocks.set(tz, (f = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })))
  return f
}

/** The local date and wall-clock time of `at` in `tz`; null for an instant Intl cannot format. */
function partsOf(at: number, tz: string): { date: string; time: string } | null {
  if (!Number.isFinite(at)) return null
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {}
  for (const part of clockOf(tz).formatToParts(at)) p[part.type] = part.value
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` }
}

/** `HH:mm`, with the date (`MM-DD HH:mm`) when `at` falls on another day than the shift's. */
export function printTime(at: number, shiftDate: string, tz: string): string {
  const p = partsOf(at, tz) ?? { date: localDate(at, tz), time: formatTime(at, tz) }
  return p.date === shiftDate ? p.time : `${p.date.slice(5)} ${p.time}`
}

/** `YYYY-MM-DD HH:mm` of `at` in `tz`, as formatDateTime says it. */
export function printDateTime(at: number, tz: string): string {
  const p = partsOf(at, tz)
  return p ? `${p.date} ${p.time}` : formatDateTime(at, tz)
}
