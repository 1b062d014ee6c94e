/**
 * Shift types (班次) of a site and which one is on at a given instant.
 * 篇2 4.1.2: 值班时间 is set by each site, so times are site settings.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema } from './ids'
import { addDays, DAY, instantAt, localDate, minutesOfDay } from './time'

const HHMM = '^([01][0-9]|2[0-3]):[0-5][0-9]$'

export const ShiftTypeSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** Short code printed in the roster grid, e.g. 早 or A. */
  code: Type.String({ minLength: 1, maxLength: 4 }),
  name: Type.String({ minLength: 1, maxLength: 20 }),
  start: Type.String({ pattern: HHMM }),
  /** End ≤ start means the shift runs past midnight; end = start is a 24-hour shift. */
  end: Type.String({ pattern: HHMM }),
  active: Type.Boolean(),
  /** Fewest people at the desk on this shift (issue 13 point 1); 1 when not set. */
  minStaff: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
})
export type ShiftType = Static<typeof ShiftTypeSchema>

export interface ShiftWindow {
  shiftType: ShiftType
  /** Local date the shift starts on (`YYYY-MM-DD`): the shift's name in logs and the roster. */
  date: string
  startsAt: number
  endsAt: number
}

/** Suggested at first run: a day and a night shift; the site edits them. */
export const SUGGESTED_SHIFTS = [
  { code: '白', name: '白班', start: '08:00', end: '20:00' },
  { code: '夜', name: '夜班', start: '20:00', end: '08:00' },
] as const

/** Length of a shift in minutes (24 h when start = end). */
export function shiftMinutes(shift: Pick<ShiftType, 'start' | 'end'>): number {
  const diff = minutesOfDay(shift.end) - minutesOfDay(shift.start)
  return diff > 0 ? diff : diff + 24 * 60
}

/** The window of `shift` starting on local `date` in `tz`. */
export function shiftWindow(shift: ShiftType, date: string, tz: string): ShiftWindow {
  const startsAt = instantAt(date, shift.start, tz)
  const endDate = minutesOfDay(shift.end) > minutesOfDay(shift.start) ? date : addDays(date, 1)
  return { shiftType: shift, date, startsAt, endsAt: instantAt(endDate, shift.end, tz) }
}

function windowsAround(shifts: readonly ShiftType[], now: number, tz: string): ShiftWindow[] {
  const today = localDate(now, tz)
  const dates = [addDays(today, -1), today, addDays(today, 1)]
  return shifts
    .filter((s) => s.active)
    .flatMap((s) => dates.map((d) => shiftWindow(s, d, tz)))
    .sort((a, b) => a.startsAt - b.startsAt)
}

/** The shift on duty at `now`, or null when the desk has no shift then. The latest-started wins an overlap. */
export function currentShift(shifts: readonly ShiftType[], now: number, tz: string): ShiftWindow | null {
  const on = windowsAround(shifts, now, tz).filter((w) => w.startsAt <= now && now < w.endsAt)
  return on.at(-1) ?? null
}

/** The next shift to start after `now` (within the next day). */
export function nextShift(shifts: readonly ShiftType[], now: number, tz: string): ShiftWindow | null {
  return windowsAround(shifts, now, tz).find((w) => w.startsAt > now && w.startsAt - now <= DAY) ?? null
}

/** The last shift that ended at or before `now` (within the last day). */
export function previousShift(shifts: readonly ShiftType[], now: number, tz: string): ShiftWindow | null {
  return windowsAround(shifts, now, tz).filter((w) => w.endsAt <= now && now - w.endsAt <= DAY).at(-1) ?? null
}

export type ShiftProblem =
  | { code: 'overlap'; a: string; b: string }
  | { code: 'duplicateCode'; shiftCode: string }
  | { code: 'noneActive' }

/** What is wrong with a site's set of shifts: none active, a code used twice, two shifts overlapping. */
export function shiftProblems(shifts: readonly Pick<ShiftType, 'code' | 'name' | 'start' | 'end' | 'active'>[]): ShiftProblem[] {
  const active = shifts.filter((s) => s.active)
  const out: ShiftProblem[] = []
  if (!active.length) out.push({ code: 'noneActive' })
  const codes = new Set<string>()
  for (const s of active) {
    if (codes.has(s.code)) out.push({ code: 'duplicateCode', shiftCode: s.code })
    codes.add(s.code)
  }
  // Compare on a minute circle of a day: intervals [start, start + length).
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const a = active[i]!
      const b = active[j]!
      if (circleOverlap(minutesOfDay(a.start), shiftMinutes(a), minutesOfDay(b.start), shiftMinutes(b))) {
        out.push({ code: 'overlap', a: a.name, b: b.name })
      }
    }
  }
  return out
}

function circleOverlap(aStart: number, aLen: number, bStart: number, bLen: number): boolean {
  const day = 24 * 60
  const offset = (((bStart - aStart) % day) + day) % day
  // b starts inside a, or a starts inside b.
  return offset < aLen || (day - offset) % day < bLen
}
