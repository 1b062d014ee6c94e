import { describe, expect, it } from 'vitest'
import { DAILY_LOOKBACK_DAYS, WEEKLY_LOOKBACK_WEEKS, dailyReviewsDue, reviewDays, weekStart, weeklyReviewsDue, type Review } from '@shared/domain/review'
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

describe('dailyReviewsDue (篇4 4.3: the supervisor every day)', () => {
  const today = '2026-11-27'
  const last14 = Array.from({ length: DAILY_LOOKBACK_DAYS }, (_, i) => addDays(today, -i))

  it('lists today and the 13 days before it, newest first, when nothing was reviewed', () => {
    expect(DAILY_LOOKBACK_DAYS).toBe(14)
    expect(dailyReviewsDue([], noon(today), TZ, '2020-01-01')).toEqual(last14)
    expect(last14.at(-1)).toBe('2026-11-14')
  })

  it.each<{ name: string; done: Done[]; since: string; due: string[] }>([
    { name: 'reviewed days are left out', done: [daily('2026-11-26'), daily('2026-11-20')], since: '2020-01-01', due: last14.filter((d) => d !== '2026-11-26' && d !== '2026-11-20') },
    { name: 'every day reviewed', done: last14.map(daily), since: '2020-01-01', due: [] },
    { name: 'only today left, to be signed at day end', done: last14.slice(1).map(daily), since: '2020-01-01', due: [today] },
    { name: 'a weekly review does not stand in for a daily one', done: [weekly('2026-11-23')], since: '2020-01-01', due: last14 },
    { name: 'a review older than the lookback changes nothing', done: [daily('2026-11-01')], since: '2020-01-01', due: last14 },
    { name: 'nothing before the site started', done: [], since: '2026-11-25', due: ['2026-11-27', '2026-11-26', '2026-11-25'] },
    { name: 'a site that started today', done: [], since: today, due: [today] },
    { name: 'a site that started today, reviewed', done: [daily(today)], since: today, due: [] },
    { name: 'a site whose first day is tomorrow', done: [], since: '2026-11-28', due: [] },
    { name: 'since exactly at the lookback edge', done: [], since: '2026-11-14', due: last14 },
  ])('$name', ({ done, since, due }) => {
    expect(dailyReviewsDue(done, noon(today), TZ, since)).toEqual(due)
  })

  it('takes today in the site timezone: 23:30 UTC is already the next day in Shanghai', () => {
    const at = Date.UTC(2026, 10, 27, 23, 30)
    expect(dailyReviewsDue([], at, 'Asia/Shanghai', '2026-11-27')).toEqual(['2026-11-28', '2026-11-27'])
    expect(dailyReviewsDue([], at, 'UTC', '2026-11-27')).toEqual(['2026-11-27'])
  })

  it('crosses month and year ends', () => {
    expect(dailyReviewsDue([], noon('2027-01-02'), TZ, '2026-12-30')).toEqual(['2027-01-02', '2027-01-01', '2026-12-31', '2026-12-30'])
  })

  // 篇2 4.2.5: the supervisor also reads each day's duty log; a review of its own kind.
  it.each<{ name: string; done: Done[]; since: string; due: string[] }>([
    { name: 'duty log: nothing reviewed', done: [], since: '2020-01-01', due: last14 },
    { name: 'duty log: reviewed days are left out', done: [dutyLog('2026-11-27'), dutyLog('2026-11-25')], since: '2020-01-01', due: last14.filter((d) => d !== '2026-11-27' && d !== '2026-11-25') },
    { name: 'duty log: every day reviewed', done: last14.map(dutyLog), since: '2020-01-01', due: [] },
    { name: 'duty log: a review of the register does not stand in for it', done: last14.map(daily), since: '2020-01-01', due: last14 },
    { name: 'duty log: nor a weekly review', done: [weekly('2026-11-23')], since: '2020-01-01', due: last14 },
    { name: 'duty log: nothing before the site started', done: [dutyLog('2026-11-26')], since: '2026-11-25', due: ['2026-11-27', '2026-11-25'] },
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
    const at = Date.UTC(2026, 10, 27, 23, 30)
    expect(dailyReviewsDue([dutyLog('2026-11-27')], at, 'Asia/Shanghai', '2026-11-27', 'dutyLogDaily')).toEqual(['2026-11-28'])
    expect(dailyReviewsDue([dutyLog('2026-11-27')], at, 'UTC', '2026-11-27', 'dutyLogDaily')).toEqual([])
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
