/**
 * Site-local time. Every rule takes "now" as a parameter (ms since epoch) and the site's
 * IANA timezone (SPEC: default Asia/Shanghai); nothing here reads the clock.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc.js'
import timezone from 'dayjs/plugin/timezone.js'

dayjs.extend(utc)
dayjs.extend(timezone)

export const DEFAULT_TIMEZONE = 'Asia/Shanghai'
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/**
 * `instantAt` and `addDays` are pure and asked for the same few days again and again — the server's rules
 * pass does it for every site every minute (issue 15), and a timezone conversion costs tens of microseconds:
 * their answers are remembered, up to `REMEMBERED` each (then forgotten at once and learnt again).
 */
const REMEMBERED = 4096
const instants = new Map<string, number>()
const shiftedDates = new Map<string, string>()

function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const known = cache.get(key)
  if (known !== undefined) return known
  if (cache.size >= REMEMBERED) cache.clear()
  const value = compute()
  cache.set(key, value)
  return value
}

/** `YYYY-MM-DD` of `at` in `tz`. */
export function localDate(at: number, tz: string): string {
  if (!Number.isFinite(at)) return dayjs(at).tz(tz).format('YYYY-MM-DD')
  const parts = dateFormat(tz).formatToParts(at)
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)!.value
  return `${part('year')}-${part('month')}-${part('day')}`
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone: making one costs far more than using it (dayjs' tz makes one each call). */
function dateFormat(tz: string): Intl.DateTimeFormat {
  let f = dateFormats.get(tz)
  if (!f) dateFormats.set(tz, (f = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })))
  return f
}

/** `YYYY-MM-DD HH:mm` of `at` in `tz` (SPEC date format). */
export function formatDateTime(at: number, tz: string): string {
  return dayjs(at).tz(tz).format('YYYY-MM-DD HH:mm')
}

/** `HH:mm` of `at` in `tz`. */
export function formatTime(at: number, tz: string): string {
  return dayjs(at).tz(tz).format('HH:mm')
}

/** The instant of wall-clock `hhmm` on local `date` in `tz`. */
export function instantAt(date: string, hhmm: string, tz: string): number {
  return remembered(instants, `${date} ${hhmm} ${tz}`, () => dayjs.tz(`${date} ${hhmm}`, 'YYYY-MM-DD HH:mm', tz).valueOf())
}

/** `date` plus `days` calendar days, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return remembered(shiftedDates, `${date} ${days}`, () => dayjs.utc(date, 'YYYY-MM-DD').add(days, 'day').format('YYYY-MM-DD'))
}

/** Is `tz` an IANA zone this runtime knows? */
export function isKnownTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** Wall-clock `HH:mm` → minutes after midnight; NaN when malformed. */
export function minutesOfDay(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN
}

/** `YYYY-MM-DDTHH:mm` of `at` in `tz`, for a datetime-local field. */
export function toLocalInput(at: number, tz: string): string {
  return dayjs(at).tz(tz).format('YYYY-MM-DDTHH:mm')
}

/** The instant of a datetime-local field's value read in `tz`; NaN when malformed. */
export function fromLocalInput(value: string, tz: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value)
  return m ? instantAt(m[1]!, m[2]!, tz) : Number.NaN
}
