import { describe, expect, it } from 'vitest'
import { DAY, DEFAULT_TIMEZONE, HOUR, MINUTE, addDays, formatDateTime, formatTime, instantAt, isKnownTimezone, localDate, minutesOfDay } from '@shared/domain/time'

describe('time units', () => {
  it('are milliseconds', () => {
    expect([MINUTE, HOUR, DAY]).toEqual([60_000, 3_600_000, 86_400_000])
  })

  it('default to the Shanghai timezone', () => {
    expect(DEFAULT_TIMEZONE).toBe('Asia/Shanghai')
  })
})

describe('localDate', () => {
  it.each([
    { name: 'Shanghai, just before local midnight', at: Date.UTC(2024, 4, 10, 15, 59, 59, 999), tz: 'Asia/Shanghai', date: '2024-05-10' },
    { name: 'Shanghai, at local midnight', at: Date.UTC(2024, 4, 10, 16), tz: 'Asia/Shanghai', date: '2024-05-11' },
    { name: 'Shanghai, new year starts 8 hours before UTC’s', at: Date.UTC(2023, 11, 31, 16), tz: 'Asia/Shanghai', date: '2024-01-01' },
    { name: 'UTC, the same instant is still the old year', at: Date.UTC(2023, 11, 31, 16), tz: 'UTC', date: '2023-12-31' },
    { name: 'London in summer (BST)', at: Date.UTC(2024, 5, 30, 23, 30), tz: 'Europe/London', date: '2024-07-01' },
    { name: 'London in winter (GMT)', at: Date.UTC(2024, 11, 31, 23, 30), tz: 'Europe/London', date: '2024-12-31' },
    { name: 'New York, behind UTC', at: Date.UTC(2024, 0, 1, 3), tz: 'America/New_York', date: '2023-12-31' },
  ])('$name: $date', ({ at, tz, date }) => {
    expect(localDate(at, tz)).toBe(date)
  })
})

describe('formatDateTime', () => {
  it.each([
    { at: Date.UTC(2024, 4, 10, 0, 5), tz: 'Asia/Shanghai', text: '2024-05-10 08:05' },
    { at: Date.UTC(2024, 4, 10, 16), tz: 'Asia/Shanghai', text: '2024-05-11 00:00' },
    { at: Date.UTC(2024, 4, 10, 0, 5), tz: 'UTC', text: '2024-05-10 00:05' },
    { at: Date.UTC(2024, 2, 31, 0, 59), tz: 'Europe/London', text: '2024-03-31 00:59' },
    { at: Date.UTC(2024, 2, 31, 1, 0), tz: 'Europe/London', text: '2024-03-31 02:00' },
    { at: Date.UTC(2024, 11, 31, 23, 59, 59), tz: 'UTC', text: '2024-12-31 23:59' },
  ])('$at in $tz is $text', ({ at, tz, text }) => {
    expect(formatDateTime(at, tz)).toBe(text)
  })
})

describe('formatTime', () => {
  it.each([
    { at: Date.UTC(2024, 4, 10, 12, 30), tz: 'Asia/Shanghai', text: '20:30' },
    { at: Date.UTC(2024, 4, 10, 16), tz: 'Asia/Shanghai', text: '00:00' },
    { at: Date.UTC(2024, 4, 10, 12, 30), tz: 'UTC', text: '12:30' },
  ])('$at in $tz is $text', ({ at, tz, text }) => {
    expect(formatTime(at, tz)).toBe(text)
  })
})

describe('instantAt', () => {
  it.each([
    { date: '2024-05-10', hhmm: '08:00', tz: 'Asia/Shanghai', at: Date.UTC(2024, 4, 10, 0) },
    { date: '2024-05-10', hhmm: '00:00', tz: 'Asia/Shanghai', at: Date.UTC(2024, 4, 9, 16) },
    { date: '2024-01-01', hhmm: '07:59', tz: 'Asia/Shanghai', at: Date.UTC(2023, 11, 31, 23, 59) },
    { date: '2024-05-10', hhmm: '08:00', tz: 'UTC', at: Date.UTC(2024, 4, 10, 8) },
    { date: '2024-03-30', hhmm: '20:00', tz: 'Europe/London', at: Date.UTC(2024, 2, 30, 20) },
    { date: '2024-03-31', hhmm: '08:00', tz: 'Europe/London', at: Date.UTC(2024, 2, 31, 7) },
    { date: '2024-10-26', hhmm: '20:00', tz: 'Europe/London', at: Date.UTC(2024, 9, 26, 19) },
    { date: '2024-10-27', hhmm: '08:00', tz: 'Europe/London', at: Date.UTC(2024, 9, 27, 8) },
    { date: '2024-07-01', hhmm: '09:15', tz: 'America/New_York', at: Date.UTC(2024, 6, 1, 13, 15) },
  ])('$date $hhmm in $tz', ({ date, hhmm, tz, at }) => {
    expect(instantAt(date, hhmm, tz)).toBe(at)
  })

  it.each([
    { at: Date.UTC(2024, 4, 10, 3, 7), tz: 'Asia/Shanghai' },
    { at: Date.UTC(2024, 9, 26, 23, 45), tz: 'Europe/London' },
    { at: Date.UTC(2024, 1, 29, 12), tz: 'UTC' },
  ])('round-trips with localDate and formatTime ($tz)', ({ at, tz }) => {
    expect(instantAt(localDate(at, tz), formatTime(at, tz), tz)).toBe(at)
  })
})

describe('addDays', () => {
  it.each([
    { date: '2024-05-10', days: 1, result: '2024-05-11' },
    { date: '2024-05-10', days: 0, result: '2024-05-10' },
    { date: '2024-05-10', days: -1, result: '2024-05-09' },
    { date: '2024-01-31', days: 1, result: '2024-02-01' },
    { date: '2024-02-28', days: 1, result: '2024-02-29' },
    { date: '2023-02-28', days: 1, result: '2023-03-01' },
    { date: '2024-03-01', days: -1, result: '2024-02-29' },
    { date: '2024-04-30', days: 1, result: '2024-05-01' },
    { date: '2024-12-31', days: 1, result: '2025-01-01' },
    { date: '2025-01-01', days: -1, result: '2024-12-31' },
    { date: '2024-01-01', days: 366, result: '2025-01-01' },
    { date: '2024-03-30', days: 1, result: '2024-03-31' },
    { date: '2024-10-26', days: 1, result: '2024-10-27' },
  ])('$date + $days = $result', ({ date, days, result }) => {
    expect(addDays(date, days)).toBe(result)
  })
})

describe('minutesOfDay', () => {
  it.each([
    { hhmm: '00:00', minutes: 0 },
    { hhmm: '00:01', minutes: 1 },
    { hhmm: '08:00', minutes: 480 },
    { hhmm: '12:30', minutes: 750 },
    { hhmm: '19:59', minutes: 1199 },
    { hhmm: '23:59', minutes: 1439 },
  ])('$hhmm is $minutes minutes after midnight', ({ hhmm, minutes }) => {
    expect(minutesOfDay(hhmm)).toBe(minutes)
  })

  it.each(['24:00', '8:00', '08:0', '08:60', '0800', '08-00', ' 08:00', '08:00 ', '', 'ab:cd', '08:00:00', '-1:00', '２０:００'])(
    'is NaN for the malformed %j',
    (hhmm) => {
      expect(minutesOfDay(hhmm)).toBeNaN()
    },
  )
})

describe('isKnownTimezone', () => {
  it.each(['Asia/Shanghai', 'Asia/Hong_Kong', 'Europe/London', 'America/New_York', 'UTC'])('knows %s', (tz) => {
    expect(isKnownTimezone(tz)).toBe(true)
  })

  it.each(['', 'Mars/Olympus_Mons', 'Asia/Beijing', 'not a zone', 'GMT+25'])('does not know %j', (tz) => {
    expect(isKnownTimezone(tz)).toBe(false)
  })
})
