import { describe, expect, it } from 'vitest'
import {
  SUGGESTED_SHIFTS,
  currentShift,
  nextShift,
  shiftMinutes,
  shiftProblems,
  shiftWindow,
  type ShiftProblem,
  type ShiftType,
} from '@shared/domain/shift-type'
import { HOUR } from '@shared/domain/time'
import { makeShiftType } from '../../factories/site'

const SH = 'Asia/Shanghai'
const LONDON = 'Europe/London'

/** An instant given as wall-clock time in Asia/Shanghai (UTC+8 all year, no DST). */
function shanghai(y: number, mo: number, d: number, h: number, mi = 0, s = 0, ms = 0): number {
  return Date.UTC(y, mo - 1, d, h - 8, mi, s, ms)
}

const DAY_SHIFT = makeShiftType({ code: '白', name: '白班', start: '08:00', end: '20:00' })
const NIGHT_SHIFT = makeShiftType({ code: '夜', name: '夜班', start: '20:00', end: '08:00' })
const BOTH = [DAY_SHIFT, NIGHT_SHIFT]

function summary(w: ReturnType<typeof currentShift>) {
  return w && { code: w.shiftType.code, date: w.date, startsAt: w.startsAt, endsAt: w.endsAt }
}

describe('shiftMinutes', () => {
  it.each([
    { start: '08:00', end: '20:00', minutes: 720 },
    { start: '20:00', end: '08:00', minutes: 720 },
    { start: '08:00', end: '08:00', minutes: 1440 },
    { start: '00:00', end: '00:00', minutes: 1440 },
    { start: '16:00', end: '00:00', minutes: 480 },
    { start: '00:00', end: '23:59', minutes: 1439 },
    { start: '23:59', end: '00:00', minutes: 1 },
    { start: '22:30', end: '06:15', minutes: 465 },
  ])('$start–$end lasts $minutes minutes', ({ start, end, minutes }) => {
    expect(shiftMinutes({ start, end })).toBe(minutes)
  })
})

describe('shiftWindow', () => {
  it.each([
    { name: 'a day shift ends the same day', shift: DAY_SHIFT, date: '2024-05-10', startsAt: shanghai(2024, 5, 10, 8), endsAt: shanghai(2024, 5, 10, 20) },
    { name: 'a night shift ends the next morning', shift: NIGHT_SHIFT, date: '2024-05-10', startsAt: shanghai(2024, 5, 10, 20), endsAt: shanghai(2024, 5, 11, 8) },
    { name: 'a night shift on 31 December ends in the new year', shift: NIGHT_SHIFT, date: '2024-12-31', startsAt: shanghai(2024, 12, 31, 20), endsAt: shanghai(2025, 1, 1, 8) },
    { name: 'a night shift on 28 February of a leap year ends on the 29th', shift: NIGHT_SHIFT, date: '2024-02-28', startsAt: shanghai(2024, 2, 28, 20), endsAt: shanghai(2024, 2, 29, 8) },
    {
      name: 'a shift ending at midnight ends at the start of the next day',
      shift: makeShiftType({ start: '16:00', end: '00:00' }),
      date: '2024-05-10',
      startsAt: shanghai(2024, 5, 10, 16),
      endsAt: shanghai(2024, 5, 11, 0),
    },
    {
      name: 'a 24-hour shift (start = end) ends at the same time the next day',
      shift: makeShiftType({ start: '08:00', end: '08:00' }),
      date: '2024-05-10',
      startsAt: shanghai(2024, 5, 10, 8),
      endsAt: shanghai(2024, 5, 11, 8),
    },
  ])('$name', ({ shift, date, startsAt, endsAt }) => {
    expect(shiftWindow(shift, date, SH)).toEqual({ shiftType: shift, date, startsAt, endsAt })
  })

  it('uses the given timezone: the same shift in UTC starts 8 hours later than in Shanghai', () => {
    const utc = shiftWindow(DAY_SHIFT, '2024-05-10', 'UTC')
    expect(utc.startsAt).toBe(Date.UTC(2024, 4, 10, 8))
    expect(utc.endsAt).toBe(Date.UTC(2024, 4, 10, 20))
    expect(utc.startsAt - shiftWindow(DAY_SHIFT, '2024-05-10', SH).startsAt).toBe(8 * HOUR)
  })

  it.each([
    { name: 'the spring-forward night is an hour shorter', date: '2024-03-30', startsAt: Date.UTC(2024, 2, 30, 20), endsAt: Date.UTC(2024, 2, 31, 7), hours: 11 },
    { name: 'the fall-back night is an hour longer', date: '2024-10-26', startsAt: Date.UTC(2024, 9, 26, 19), endsAt: Date.UTC(2024, 9, 27, 8), hours: 13 },
  ])('follows the wall clock across a DST change in Europe/London: $name', ({ date, startsAt, endsAt, hours }) => {
    const w = shiftWindow(NIGHT_SHIFT, date, LONDON)
    expect(w.startsAt).toBe(startsAt)
    expect(w.endsAt).toBe(endsAt)
    expect(w.endsAt - w.startsAt).toBe(hours * HOUR)
  })
})

describe('currentShift', () => {
  it.each([
    { name: 'mid-morning: the day shift', now: shanghai(2024, 5, 10, 12), code: '白', date: '2024-05-10' },
    { name: 'exactly at 08:00 the day shift has started', now: shanghai(2024, 5, 10, 8), code: '白', date: '2024-05-10' },
    { name: 'a millisecond before 08:00 the night shift of the previous date is still on', now: shanghai(2024, 5, 10, 7, 59, 59, 999), code: '夜', date: '2024-05-09' },
    { name: 'a millisecond before 20:00 the day shift is still on', now: shanghai(2024, 5, 10, 19, 59, 59, 999), code: '白', date: '2024-05-10' },
    { name: 'exactly at 20:00 the day shift is over and the night shift is on', now: shanghai(2024, 5, 10, 20), code: '夜', date: '2024-05-10' },
    { name: 'before midnight: the night shift of that date', now: shanghai(2024, 5, 10, 23, 59), code: '夜', date: '2024-05-10' },
    { name: 'exactly at midnight: still the night shift of the previous date', now: shanghai(2024, 5, 11, 0), code: '夜', date: '2024-05-10' },
    { name: 'after midnight: the night shift belongs to the previous date', now: shanghai(2024, 5, 11, 3), code: '夜', date: '2024-05-10' },
    { name: 'after midnight on New Year: the night shift of 31 December', now: shanghai(2025, 1, 1, 2), code: '夜', date: '2024-12-31' },
    { name: 'after midnight on 1 March of a leap year: the night of 29 February', now: shanghai(2024, 3, 1, 1), code: '夜', date: '2024-02-29' },
  ])('$name', ({ now, code, date }) => {
    const w = currentShift(BOTH, now, SH)
    expect(w?.shiftType.code).toBe(code)
    expect(w?.date).toBe(date)
    expect(w!.startsAt).toBeLessThanOrEqual(now)
    expect(now).toBeLessThan(w!.endsAt)
  })

  it('gives the whole window of the night shift seen after midnight', () => {
    expect(summary(currentShift(BOTH, shanghai(2024, 5, 11, 3), SH))).toEqual({
      code: '夜',
      date: '2024-05-10',
      startsAt: shanghai(2024, 5, 10, 20),
      endsAt: shanghai(2024, 5, 11, 8),
    })
  })

  it.each([
    { name: 'before the only shift starts', now: shanghai(2024, 5, 10, 7, 59) },
    { name: 'exactly when the only shift ends', now: shanghai(2024, 5, 10, 20) },
    { name: 'at night', now: shanghai(2024, 5, 11, 2) },
  ])('is null when no shift is on: $name', ({ now }) => {
    expect(currentShift([DAY_SHIFT], now, SH)).toBeNull()
  })

  it('is null with no shifts at all', () => {
    expect(currentShift([], shanghai(2024, 5, 10, 12), SH)).toBeNull()
  })

  it('ignores inactive shifts', () => {
    const shifts = [DAY_SHIFT, { ...NIGHT_SHIFT, active: false }]
    expect(currentShift(shifts, shanghai(2024, 5, 10, 23), SH)).toBeNull()
    expect(currentShift(shifts, shanghai(2024, 5, 10, 9), SH)?.shiftType.code).toBe('白')
  })

  it.each([
    { name: 'exactly at the start', now: shanghai(2024, 5, 10, 8), date: '2024-05-10' },
    { name: 'a millisecond before the start, the previous day’s window', now: shanghai(2024, 5, 10, 7, 59, 59, 999), date: '2024-05-09' },
    { name: 'in the middle of the night', now: shanghai(2024, 5, 11, 2), date: '2024-05-10' },
  ])('finds a 24-hour shift (start = end) on at every instant: $name', ({ now, date }) => {
    const allDay = makeShiftType({ code: '全', name: '全天', start: '08:00', end: '08:00' })
    const w = currentShift([allDay], now, SH)
    expect(w?.date).toBe(date)
    expect(w!.endsAt - w!.startsAt).toBe(24 * HOUR)
  })

  it.each([
    { now: shanghai(2024, 5, 10, 10), code: '白' },
    { now: shanghai(2024, 5, 10, 12), code: '中' },
    { now: shanghai(2024, 5, 10, 19), code: '中' },
    { now: shanghai(2024, 5, 10, 20, 30), code: '中' },
    { now: shanghai(2024, 5, 10, 21), code: null },
  ])('lets the latest-started shift win an overlap ($code)', ({ now, code }) => {
    const middle = makeShiftType({ code: '中', name: '中班', start: '12:00', end: '21:00' })
    expect(currentShift([middle, DAY_SHIFT], now, SH)?.shiftType.code ?? null).toBe(code)
  })

  it.each([
    { name: 'UTC, day', tz: 'UTC', now: Date.UTC(2024, 4, 10, 8), code: '白', date: '2024-05-10' },
    { name: 'UTC, before midnight', tz: 'UTC', now: Date.UTC(2024, 4, 10, 23), code: '夜', date: '2024-05-10' },
    { name: 'UTC, after midnight', tz: 'UTC', now: Date.UTC(2024, 4, 11, 7, 59), code: '夜', date: '2024-05-10' },
    // 2024-03-31 01:00 UTC: London goes from GMT to BST; 08:00 BST is 07:00 UTC.
    { name: 'London, spring forward, an hour before the day shift', tz: LONDON, now: Date.UTC(2024, 2, 31, 6, 30), code: '夜', date: '2024-03-30' },
    { name: 'London, spring forward, 08:00 BST', tz: LONDON, now: Date.UTC(2024, 2, 31, 7), code: '白', date: '2024-03-31' },
    // 2024-10-27 01:00 UTC: back from BST to GMT; 08:00 GMT is 08:00 UTC.
    { name: 'London, fall back, 07:30 GMT', tz: LONDON, now: Date.UTC(2024, 9, 27, 7, 30), code: '夜', date: '2024-10-26' },
    { name: 'London, fall back, 08:00 GMT', tz: LONDON, now: Date.UTC(2024, 9, 27, 8), code: '白', date: '2024-10-27' },
    { name: 'London, fall back, 20:00 BST the evening before', tz: LONDON, now: Date.UTC(2024, 9, 26, 19), code: '夜', date: '2024-10-26' },
  ])('reads the wall clock of the site’s timezone: $name', ({ tz, now, code, date }) => {
    const w = currentShift(BOTH, now, tz)
    expect(w?.shiftType.code).toBe(code)
    expect(w?.date).toBe(date)
  })

  it('gives a different answer for the same instant in another timezone', () => {
    const now = Date.UTC(2024, 4, 10, 13) // 21:00 in Shanghai, 13:00 in UTC
    expect(currentShift(BOTH, now, SH)?.shiftType.code).toBe('夜')
    expect(currentShift(BOTH, now, 'UTC')?.shiftType.code).toBe('白')
  })
})

describe('nextShift', () => {
  it.each([
    { name: 'during the day: tonight’s night shift', now: shanghai(2024, 5, 10, 12), code: '夜', startsAt: shanghai(2024, 5, 10, 20) },
    { name: 'a millisecond before 20:00: tonight’s night shift', now: shanghai(2024, 5, 10, 19, 59, 59, 999), code: '夜', startsAt: shanghai(2024, 5, 10, 20) },
    { name: 'exactly at 20:00: the next morning’s day shift, not the one starting now', now: shanghai(2024, 5, 10, 20), code: '白', startsAt: shanghai(2024, 5, 11, 8) },
    { name: 'after midnight: that morning’s day shift', now: shanghai(2024, 5, 11, 3), code: '白', startsAt: shanghai(2024, 5, 11, 8) },
    { name: 'on New Year’s Eve night: the day shift of 1 January', now: shanghai(2024, 12, 31, 22), code: '白', startsAt: shanghai(2025, 1, 1, 8) },
  ])('$name', ({ now, code, startsAt }) => {
    const w = nextShift(BOTH, now, SH)
    expect(w?.shiftType.code).toBe(code)
    expect(w?.startsAt).toBe(startsAt)
  })

  it.each([
    { name: 'after the only shift has ended', now: shanghai(2024, 5, 10, 21), startsAt: shanghai(2024, 5, 11, 8), date: '2024-05-11' },
    { name: 'exactly when the only shift starts: the same shift a full day later', now: shanghai(2024, 5, 10, 8), startsAt: shanghai(2024, 5, 11, 8), date: '2024-05-11' },
  ])('with a single shift: $name', ({ now, startsAt, date }) => {
    const w = nextShift([DAY_SHIFT], now, SH)
    expect(w?.startsAt).toBe(startsAt)
    expect(w?.date).toBe(date)
  })

  it('ignores inactive shifts', () => {
    const shifts = [DAY_SHIFT, { ...NIGHT_SHIFT, active: false }]
    expect(nextShift(shifts, shanghai(2024, 5, 10, 12), SH)?.startsAt).toBe(shanghai(2024, 5, 11, 8))
  })

  it.each([
    { name: 'no shifts', shifts: [] as ShiftType[] },
    { name: 'only inactive shifts', shifts: [{ ...DAY_SHIFT, active: false }, { ...NIGHT_SHIFT, active: false }] },
  ])('is null with $name', ({ shifts }) => {
    expect(nextShift(shifts, shanghai(2024, 5, 10, 12), SH)).toBeNull()
  })
})

describe('shiftProblems', () => {
  const shift = (code: string, name: string, start: string, end: string, active = true) => ({ code, name, start, end, active })

  it.each<{ name: string; shifts: ReturnType<typeof shift>[]; problems: ShiftProblem[] }>([
    { name: 'a day and a night shift that touch: none', shifts: [shift('白', '白班', '08:00', '20:00'), shift('夜', '夜班', '20:00', '08:00')], problems: [] },
    {
      name: 'three eight-hour shifts round the clock: none',
      shifts: [shift('A', '早班', '00:00', '08:00'), shift('B', '中班', '08:00', '16:00'), shift('C', '晚班', '16:00', '00:00')],
      problems: [],
    },
    { name: 'a single 24-hour shift: none', shifts: [shift('全', '全天', '08:00', '08:00')], problems: [] },
    { name: 'no shifts', shifts: [], problems: [{ code: 'noneActive' }] },
    { name: 'only inactive shifts', shifts: [shift('白', '白班', '08:00', '20:00', false)], problems: [{ code: 'noneActive' }] },
    {
      name: 'a code used twice',
      shifts: [shift('白', '白班', '08:00', '14:00'), shift('白', '白班二', '14:00', '20:00')],
      problems: [{ code: 'duplicateCode', shiftCode: '白' }],
    },
    {
      name: 'a code used twice where one shift is inactive: none',
      shifts: [shift('白', '白班', '08:00', '14:00'), shift('白', '旧白班', '14:00', '20:00', false)],
      problems: [],
    },
    {
      name: 'two day shifts overlapping',
      shifts: [shift('白', '白班', '08:00', '20:00'), shift('中', '中班', '12:00', '21:00')],
      problems: [{ code: 'overlap', a: '白班', b: '中班' }],
    },
    {
      name: 'the later-listed shift starting first still overlaps',
      shifts: [shift('中', '中班', '12:00', '21:00'), shift('白', '白班', '08:00', '20:00')],
      problems: [{ code: 'overlap', a: '中班', b: '白班' }],
    },
    {
      name: 'a shift inside another',
      shifts: [shift('白', '白班', '08:00', '20:00'), shift('午', '午班', '11:00', '13:00')],
      problems: [{ code: 'overlap', a: '白班', b: '午班' }],
    },
    {
      name: 'identical times',
      shifts: [shift('A', '甲', '08:00', '20:00'), shift('B', '乙', '08:00', '20:00')],
      problems: [{ code: 'overlap', a: '甲', b: '乙' }],
    },
    {
      name: 'a night shift overlapping an early shift after midnight',
      shifts: [shift('夜', '夜班', '20:00', '08:00'), shift('早', '早班', '06:00', '14:00')],
      problems: [{ code: 'overlap', a: '夜班', b: '早班' }],
    },
    {
      name: 'an early shift overlapping the night shift listed after it',
      shifts: [shift('早', '早班', '06:00', '14:00'), shift('夜', '夜班', '20:00', '08:00')],
      problems: [{ code: 'overlap', a: '早班', b: '夜班' }],
    },
    {
      name: 'two night shifts both across midnight',
      shifts: [shift('夜', '夜班', '22:00', '06:00'), shift('深', '深夜班', '23:00', '01:00')],
      problems: [{ code: 'overlap', a: '夜班', b: '深夜班' }],
    },
    {
      name: 'a night shift ending one minute into the next one',
      shifts: [shift('夜', '夜班', '20:00', '08:01'), shift('白', '白班', '08:00', '20:00')],
      problems: [{ code: 'overlap', a: '夜班', b: '白班' }],
    },
    {
      name: 'a 24-hour shift with any other',
      shifts: [shift('全', '全天', '08:00', '08:00'), shift('午', '午班', '12:00', '13:00')],
      problems: [{ code: 'overlap', a: '全天', b: '午班' }],
    },
    {
      name: 'an inactive overlapping shift: none',
      shifts: [shift('白', '白班', '08:00', '20:00'), shift('中', '中班', '12:00', '21:00', false)],
      problems: [],
    },
    {
      name: 'a duplicate code and an overlap together',
      shifts: [shift('白', '白班', '08:00', '20:00'), shift('白', '中班', '12:00', '21:00')],
      problems: [
        { code: 'duplicateCode', shiftCode: '白' },
        { code: 'overlap', a: '白班', b: '中班' },
      ],
    },
  ])('$name', ({ shifts, problems }) => {
    expect(shiftProblems(shifts)).toEqual(problems)
  })

  it('finds nothing wrong with the suggested shifts', () => {
    expect(shiftProblems(SUGGESTED_SHIFTS.map((s) => ({ ...s, active: true })))).toEqual([])
  })
})
