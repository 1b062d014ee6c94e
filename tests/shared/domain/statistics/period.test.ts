import { describe, expect, it } from 'vitest'
import { currentPeriod, customPeriod, dayPlacer, monthPeriod, periodDays, periodFromParts, periodLength, periodRange, previousPeriod, weekPeriod, type Period } from '@shared/domain/statistics'
import { instantAt } from '@shared/domain/time'

const SH = 'Asia/Shanghai'

describe('periods: weeks Monday–Sunday, calendar months, custom dates inclusive', () => {
  it.each([
    { name: 'a Wednesday’s week', p: weekPeriod('2026-11-25'), from: '2026-11-23', to: '2026-11-29' },
    { name: 'a Sunday belongs to the week before Monday', p: weekPeriod('2026-11-29'), from: '2026-11-23', to: '2026-11-29' },
    { name: 'a week across the year end', p: weekPeriod('2027-01-01'), from: '2026-12-28', to: '2027-01-03' },
    { name: 'February of a leap year', p: monthPeriod('2028-02'), from: '2028-02-01', to: '2028-02-29' },
    { name: 'custom', p: customPeriod('2026-11-03', '2026-11-12')!, from: '2026-11-03', to: '2026-11-12' },
  ])('$name', ({ p, from, to }) => {
    expect([p.from, p.to]).toEqual([from, to])
  })

  it.each([
    { name: 'the week before', p: weekPeriod('2026-11-25'), before: { kind: 'week', from: '2026-11-16', to: '2026-11-22' } },
    { name: 'the month before, its own length', p: monthPeriod('2026-03'), before: { kind: 'month', from: '2026-02-01', to: '2026-02-28' } },
    { name: 'January: December of the year before', p: monthPeriod('2027-01'), before: { kind: 'month', from: '2026-12-01', to: '2026-12-31' } },
    { name: 'custom: as many days just before', p: customPeriod('2026-11-03', '2026-11-12')!, before: { kind: 'custom', from: '2026-10-24', to: '2026-11-02' } },
    { name: 'custom of one day: the day before', p: customPeriod('2026-03-01', '2026-03-01')!, before: { kind: 'custom', from: '2026-02-28', to: '2026-02-28' } },
  ])('$name', ({ p, before }) => {
    expect(previousPeriod(p)).toEqual(before)
    expect(periodLength(previousPeriod(p)) === periodLength(p) || p.kind === 'month').toBe(true)
  })

  it.each([
    ['2026-11-12', '2026-11-03'],
    ['2026-11-31', '2026-12-01'],
    ['2026-1-1', '2026-01-02'],
    ['2025-01-01', '2026-01-05'],
  ])('refuses a custom period %s – %s', (from, to) => {
    expect(customPeriod(from, to)).toBeNull()
  })

  it('the current week and month of an instant, in the site’s zone', () => {
    // 2026-11-29 16:30 UTC is Monday 2026-11-30 00:30 in Shanghai.
    const now = Date.UTC(2026, 10, 29, 16, 30)
    expect(currentPeriod('week', now, SH).from).toBe('2026-11-30')
    expect(currentPeriod('week', now, 'UTC').from).toBe('2026-11-23')
    expect(currentPeriod('month', Date.UTC(2026, 10, 30, 16, 30), SH)).toEqual({ kind: 'month', from: '2026-12-01', to: '2026-12-31' })
  })

  it('reads a period from an address', () => {
    expect(periodFromParts('month', '2026-11', undefined)).toEqual(monthPeriod('2026-11'))
    expect(periodFromParts('week', '2026-11-25', undefined)).toEqual(weekPeriod('2026-11-25'))
    expect(periodFromParts('custom', '2026-11-01', '2026-11-05')).toEqual(customPeriod('2026-11-01', '2026-11-05'))
    expect(periodFromParts('custom', '2026-11-05', undefined)).toBeNull()
    expect(periodFromParts('year', '2026', undefined)).toBeNull()
  })
})

describe('period edges are the site’s local midnights', () => {
  const nov: Period = monthPeriod('2026-11')
  it.each([
    { name: '00:00 on the first day: in, day 0', at: instantAt('2026-11-01', '00:00', SH), day: 0 },
    { name: 'a millisecond before: out', at: instantAt('2026-11-01', '00:00', SH) - 1, day: -1 },
    { name: '23:59:59 on the last day: in, last day', at: instantAt('2026-11-30', '23:59', SH) + 59_000, day: 29 },
    { name: '00:00 the next day: out', at: instantAt('2026-12-01', '00:00', SH), day: -1 },
    { name: '08:00 on the 15th (00:00 UTC)', at: Date.UTC(2026, 10, 15, 0), day: 14 },
    { name: '07:59 on the 15th is still the 15th, not the 14th as in UTC', at: Date.UTC(2026, 10, 14, 23, 59), day: 14 },
  ])('$name', ({ at, day }) => {
    expect(dayPlacer(nov, SH)(at)).toBe(day)
    const { start, end } = periodRange(nov, SH)
    expect(at >= start && at < end).toBe(day >= 0)
  })

  it('places every day of a month with daylight saving (New York, March 2026)', () => {
    const march = monthPeriod('2026-03')
    const tz = 'America/New_York'
    const place = dayPlacer(march, tz)
    periodDays(march).forEach((d, i) => {
      expect(place(instantAt(d, '00:00', tz))).toBe(i)
      expect(place(instantAt(d, '23:59', tz))).toBe(i)
    })
  })
})
