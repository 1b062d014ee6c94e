import { describe, expect, it } from 'vitest'
import { DAILY_LOOKBACK_DAYS, WEEKLY_LOOKBACK_WEEKS, dailyReviewRunning, dailyReviewsDue, periodEnded, reviewDays, weekStart, weeklyReviewsDue, type Review, type ReviewKind } from '@shared/domain/review'
import { addDays, instantAt } from '@shared/domain/time'

const TZ = 'Asia/Shanghai'
type Done = Pick<Review, 'kind' | 'period'>
const daily = (period: string): Done => ({ kind: 'registerDaily', period })
const weekly = (period: string): Done => ({ kind: 'registerWeekly', period })
const dutyLog = (period: string): Done => ({ kind: 'dutyLogDaily', period })
/** Midday in Shanghai on `date`. */
const noon = (date: string): number => instantAt(date, '12:00', TZ)

describe('weekStart: weeks run Monday to Sunday (篇4 4.9 每周一)', () => {
  it.each([
    { date: '2026-11-23', weekday: 'Monday', monday: '2026-11-23' },
    { date: '2026-11-24', weekday: 'Tuesday', monday: '2026-11-23' },
    { date: '2026-11-25', weekday: 'Wednesday', monday: '2026-11-23' },
    { date: '2026-11-26', weekday: 'Thursday', monday: '2026-11-23' },
    { date: '2026-11-27', weekday: 'Friday', monday: '2026-11-23' },
    { date: '2026-11-28', weekday: 'Saturday', monday: '2026-11-23' },
    { date: '2026-11-29', weekday: 'Sunday', monday: '2026-11-23' },
    { date: '2026-11-30', weekday: 'Monday', monday: '2026-11-30' },
    { date: '2026-12-01', weekday: 'Tuesday (month end crossed)', monday: '2026-11-30' },
    { date: '2026-01-01', weekday: 'Thursday (year end crossed)', monday: '2025-12-29' },
    { date: '2027-01-03', weekday: 'Sunday (year end crossed)', monday: '2026-12-28' },
    { date: '2024-03-01', weekday: 'Friday after a leap day', monday: '2024-02-26' },
    { date: '2026-03-01', weekday: 'Sunday after a short February', monday: '2026-02-23' },
  ])('$date ($weekday) → $monday', ({ date, monday }) => {
    expect(weekStart(date)).toBe(monday)
  })
})

describe('dailyReviewsDue (篇4 4.3: the supervisor every day; 篇2 4.2.5 the duty log)', () => {
  const today = '2026-11-27'
  /** The 14 days before today, newest first: today itself is never due. */
  const last14 = Array.from({ length: DAILY_LOOKBACK_DAYS }, (_, i) => addDays(today, -1 - i))

  it('lists the 14 days before today, newest first, when nothing was reviewed — not today, which has not ended', () => {
    expect(DAILY_LOOKBACK_DAYS).toBe(14)
    expect(dailyReviewsDue([], noon(today), TZ, '2020-01-01')).toEqual(last14)
    expect(last14[0]).toBe('2026-11-26')
    expect(last14.at(-1)).toBe('2026-11-13')
  })

  it.each<{ name: string; done: Done[]; since: string; due: string[] }>([
    { name: 'reviewed days are left out', done: [daily('2026-11-26'), daily('2026-11-20')], since: '2020-01-01', due: last14.filter((d) => d !== '2026-11-26' && d !== '2026-11-20') },
    { name: 'every past day reviewed: nothing due in the morning', done: last14.map(daily), since: '2020-01-01', due: [] },
    { name: 'only yesterday left', done: last14.slice(1).map(daily), since: '2020-01-01', due: ['2026-11-26'] },
    { name: 'a weekly review does not stand in for a daily one', done: [weekly('2026-11-23')], since: '2020-01-01', due: last14 },
    { name: 'a review older than the lookback changes nothing', done: [daily('2026-11-01')], since: '2020-01-01', due: last14 },
    { name: 'nothing before the site started', done: [], since: '2026-11-25', due: ['2026-11-26', '2026-11-25'] },
    { name: 'a site that started yesterday', done: [], since: '2026-11-26', due: ['2026-11-26'] },
    { name: 'a site that started today: nothing due yet', done: [], since: today, due: [] },
    { name: 'a site whose first day is tomorrow', done: [], since: '2026-11-28', due: [] },
    { name: 'since exactly at the lookback edge', done: [], since: '2026-11-13', due: last14 },
  ])('$name', ({ done, since, due }) => {
    expect(dailyReviewsDue(done, noon(today), TZ, since)).toEqual(due)
  })

  // The day turns at midnight in the site's time zone (Shanghai is UTC+8: 16:00 UTC). Site started on the 26th.
  it.each<{ name: string; now: number; tz: string; since: string; due: string[]; running: string }>([
    { name: 'Shanghai 23:59:59.999: the 27th still running, the 26th due', now: Date.UTC(2026, 10, 27, 15, 59, 59, 999), tz: 'Asia/Shanghai', since: '2026-11-26', due: ['2026-11-26'], running: '2026-11-27' },
    { name: 'Shanghai 00:00 on the 28th: the 27th due at once', now: Date.UTC(2026, 10, 27, 16, 0), tz: 'Asia/Shanghai', since: '2026-11-26', due: ['2026-11-27', '2026-11-26'], running: '2026-11-28' },
    { name: 'the same instant in UTC is still 16:00 on the 27th', now: Date.UTC(2026, 10, 27, 16, 0), tz: 'UTC', since: '2026-11-26', due: ['2026-11-26'], running: '2026-11-27' },
    { name: 'UTC midnight', now: Date.UTC(2026, 10, 28, 0, 0), tz: 'UTC', since: '2026-11-26', due: ['2026-11-27', '2026-11-26'], running: '2026-11-28' },
    { name: 'Urumqi (UTC+6) turns two hours after Shanghai', now: Date.UTC(2026, 10, 27, 17, 59), tz: 'Asia/Urumqi', since: '2026-11-26', due: ['2026-11-26'], running: '2026-11-27' },
    { name: 'across the year end, at midnight', now: Date.UTC(2026, 11, 31, 16, 0), tz: 'Asia/Shanghai', since: '2026-12-30', due: ['2026-12-31', '2026-12-30'], running: '2027-01-01' },
  ])('$name', ({ now, tz, since, due, running }) => {
    expect(dailyReviewsDue([], now, tz, since)).toEqual(due)
    expect(dailyReviewRunning(now, tz, since)).toBe(running)
  })

  it('crosses month and year ends', () => {
    expect(dailyReviewsDue([], noon('2027-01-02'), TZ, '2026-12-30')).toEqual(['2027-01-01', '2026-12-31', '2026-12-30'])
  })

  it.each<{ name: string; done: Done[]; since: string; due: string[] }>([
    { name: 'duty log: nothing reviewed', done: [], since: '2020-01-01', due: last14 },
    { name: 'duty log: reviewed days are left out', done: [dutyLog('2026-11-26'), dutyLog('2026-11-24')], since: '2020-01-01', due: last14.filter((d) => d !== '2026-11-26' && d !== '2026-11-24') },
    { name: 'duty log: every past day reviewed', done: last14.map(dutyLog), since: '2020-01-01', due: [] },
    { name: 'duty log: a review of the register does not stand in for it', done: last14.map(daily), since: '2020-01-01', due: last14 },
    { name: 'duty log: nor a weekly review', done: [weekly('2026-11-23')], since: '2020-01-01', due: last14 },
    { name: 'duty log: nothing before the site started', done: [dutyLog('2026-11-25')], since: '2026-11-24', due: ['2026-11-26', '2026-11-24'] },
    { name: 'duty log: a site whose first day is tomorrow', done: [], since: '2026-11-28', due: [] },
  ])('$name', ({ done, since, due }) => {
    expect(dailyReviewsDue(done, noon(today), TZ, since, 'dutyLogDaily')).toEqual(due)
  })

  it('a review of the duty log does not stand in for the register’s (the default kind)', () => {
    expect(dailyReviewsDue(last14.map(dutyLog), noon(today), TZ, '2020-01-01')).toEqual(last14)
    expect(dailyReviewsDue(last14.map(dutyLog), noon(today), TZ, '2020-01-01', 'registerDaily')).toEqual(last14)
    expect(dailyReviewsDue([...last14.map(dutyLog), ...last14.map(daily)], noon(today), TZ, '2020-01-01', 'registerDaily')).toEqual([])
  })

  it('duty log: takes today in the site timezone', () => {
    const at = Date.UTC(2026, 10, 27, 23, 30) // 07:30 on the 28th in Shanghai
    expect(dailyReviewsDue([], at, 'Asia/Shanghai', '2026-11-27', 'dutyLogDaily')).toEqual(['2026-11-27'])
    expect(dailyReviewsDue([], at, 'UTC', '2026-11-27', 'dutyLogDaily')).toEqual([])
  })
})

describe('dailyReviewRunning: today, reviewed once it has ended (今日结束后审核)', () => {
  it.each<{ name: string; since: string; running: string | null }>([
    { name: 'a site running for a while', since: '2020-01-01', running: '2026-11-27' },
    { name: 'a site that started today', since: '2026-11-27', running: '2026-11-27' },
    { name: 'a site whose first day is tomorrow', since: '2026-11-28', running: null },
  ])('$name', ({ since, running }) => {
    expect(dailyReviewRunning(noon('2026-11-27'), TZ, since)).toBe(running)
  })
})

describe('periodEnded: a period is reviewed once it has ended in site time', () => {
  it.each<{ name: string; kind: ReviewKind; period: string; now: number; tz: string; ended: boolean }>([
    { name: 'a day, during it', kind: 'registerDaily', period: '2026-11-27', now: noon('2026-11-27'), tz: TZ, ended: false },
    { name: 'a day, at 23:59:59.999', kind: 'registerDaily', period: '2026-11-27', now: Date.UTC(2026, 10, 27, 15, 59, 59, 999), tz: TZ, ended: false },
    { name: 'a day, at midnight after it', kind: 'registerDaily', period: '2026-11-27', now: Date.UTC(2026, 10, 27, 16, 0), tz: TZ, ended: true },
    { name: 'the same instant in UTC', kind: 'registerDaily', period: '2026-11-27', now: Date.UTC(2026, 10, 27, 16, 0), tz: 'UTC', ended: false },
    { name: 'the duty log of a day, the morning after', kind: 'dutyLogDaily', period: '2026-11-27', now: noon('2026-11-28'), tz: TZ, ended: true },
    { name: 'a day in the future', kind: 'dutyLogDaily', period: '2026-11-29', now: noon('2026-11-28'), tz: TZ, ended: false },
    { name: 'a week, on its Sunday night', kind: 'registerWeekly', period: '2026-11-23', now: Date.UTC(2026, 10, 29, 15, 59), tz: TZ, ended: false },
    { name: 'a week, at Monday midnight', kind: 'registerWeekly', period: '2026-11-23', now: Date.UTC(2026, 10, 29, 16, 0), tz: TZ, ended: true },
  ])('$name', ({ kind, period, now, tz, ended }) => {
    expect(periodEnded(kind, period, now, tz)).toBe(ended)
  })
})

describe('weeklyReviewsDue (篇4 4.9: the manager every Monday, last week)', () => {
  it('on Monday, last week is due first, then up to 4 weeks back', () => {
    expect(WEEKLY_LOOKBACK_WEEKS).toBe(4)
    expect(weeklyReviewsDue([], noon('2026-11-30'), TZ, '2020-01-01')).toEqual(['2026-11-23', '2026-11-16', '2026-11-09', '2026-11-02'])
  })

  it('on Sunday, the week still running is not due: the one before is', () => {
    expect(weeklyReviewsDue([], noon('2026-11-29'), TZ, '2020-01-01')[0]).toBe('2026-11-16')
  })

  it.each<{ name: string; now: number; done: Done[]; since: string; due: string[] }>([
    { name: 'last week reviewed', now: noon('2026-11-30'), done: [weekly('2026-11-23')], since: '2020-01-01', due: ['2026-11-16', '2026-11-09', '2026-11-02'] },
    { name: 'a daily review does not stand in for the weekly one', now: noon('2026-11-30'), done: [daily('2026-11-23')], since: '2020-01-01', due: ['2026-11-23', '2026-11-16', '2026-11-09', '2026-11-02'] },
    { name: 'a site that started mid last week: that week is due', now: noon('2026-11-30'), done: [], since: '2026-11-27', due: ['2026-11-23'] },
    { name: 'a site that started on last Sunday: that week is due', now: noon('2026-11-30'), done: [], since: '2026-11-29', due: ['2026-11-23'] },
    { name: 'a site that started this Monday: nothing yet', now: noon('2026-11-30'), done: [], since: '2026-11-30', due: [] },
    { name: 'a site that started two weeks ago Wednesday', now: noon('2026-11-30'), done: [], since: '2026-11-18', due: ['2026-11-23', '2026-11-16'] },
    { name: 'across the year end', now: noon('2027-01-04'), done: [], since: '2026-12-21', due: ['2026-12-28', '2026-12-21'] },
    // Sunday 23:30 UTC is Monday 07:30 in Shanghai: the Monday review of last week is due there.
    { name: 'Monday morning in Shanghai is still Sunday in UTC', now: Date.UTC(2026, 10, 29, 23, 30), done: [], since: '2026-11-16', due: ['2026-11-23', '2026-11-16'] },
  ])('$name', ({ now, done, since, due }) => {
    expect(weeklyReviewsDue(done, now, TZ, since)).toEqual(due)
  })

  it('in UTC the same instant is still Sunday: only the week before last is due', () => {
    expect(weeklyReviewsDue([], Date.UTC(2026, 10, 29, 23, 30), 'UTC', '2026-11-16')).toEqual(['2026-11-16'])
  })

  it('a daily review of the duty log does not stand in for the weekly one', () => {
    expect(weeklyReviewsDue([dutyLog('2026-11-23')], noon('2026-11-30'), TZ, '2020-01-01')).toEqual(['2026-11-23', '2026-11-16', '2026-11-09', '2026-11-02'])
  })
})

describe('reviewDays', () => {
  it('a daily review covers its day', () => {
    expect(reviewDays('registerDaily', '2026-11-27')).toEqual(['2026-11-27'])
  })

  it('a daily review of the duty log covers its day (篇2 4.2.5)', () => {
    expect(reviewDays('dutyLogDaily', '2026-11-27')).toEqual(['2026-11-27'])
    expect(reviewDays('dutyLogDaily', '2026-12-31')).toEqual(['2026-12-31'])
    expect(reviewDays('dutyLogDaily', '2026-11-23')).toEqual(['2026-11-23'])
  })

  it('a weekly review covers Monday to Sunday, across a year end', () => {
    expect(reviewDays('registerWeekly', '2026-11-23')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
    expect(reviewDays('registerWeekly', '2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'])
  })
})
