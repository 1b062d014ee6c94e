import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { daysOf, LEAVE, REST, weekdayOf, type Lane, type RosterRow } from '@shared/domain/roster'
import { applyPaint, copiedDays, patternDays, staffingOf, understaffed } from '@shared/domain/roster-staffing'
import { makeRow, makeShiftSnapshot } from '../../factories/roster'

const MONTH = '2026-12'
const day = makeShiftSnapshot({ code: '白', minStaff: 2 })
const night = makeShiftSnapshot({ code: '夜', minStaff: 1 })
const spare = makeShiftSnapshot({ code: '机', minStaff: 0 })
const SHIFTS = [day, night, spare]

describe('staffingOf and understaffed (issue 13 point 1; support apart, 篇2 4.1.2)', () => {
  const rows: RosterRow[] = [
    makeRow('a', MONTH, day.id, { 2: REST }),
    makeRow('b', MONTH, day.id, { 3: LEAVE }),
    makeRow('c', MONTH, night.id, { 4: '' }),
    makeRow('s', MONTH, day.id, {}, 'support'),
  ]
  const staffing = staffingOf(MONTH, rows, SHIFTS)

  it('counts desk and support apart, per day and shift; 休, 假 and empty count for nothing', () => {
    expect(staffing).toHaveLength(31)
    expect(staffing[0]).toEqual({ date: '2026-12-01', desk: { [day.id]: 2, [night.id]: 1, [spare.id]: 0 }, support: { [day.id]: 1, [night.id]: 0, [spare.id]: 0 } })
    expect([staffing[1]!.desk[day.id], staffing[2]!.desk[day.id], staffing[3]!.desk[night.id]]).toEqual([1, 1, 0])
  })

  it('lists shifts below their minimum — support does not make up the number, a minimum of 0 is never short', () => {
    expect(understaffed(staffing, SHIFTS)).toEqual([
      { date: '2026-12-02', shiftTypeId: day.id, have: 1, need: 2 },
      { date: '2026-12-03', shiftTypeId: day.id, have: 1, need: 2 },
      { date: '2026-12-04', shiftTypeId: night.id, have: 0, need: 1 },
    ])
  })

  it('ignores codes of shift types not in the legend', () => {
    expect(staffingOf(MONTH, [makeRow('x', MONTH, 'gone')], [day])[0]).toEqual({ date: '2026-12-01', desk: { [day.id]: 0 }, support: { [day.id]: 0 } })
  })

  it('keeps the counts of a recount through any paints, one cell at a time (applyPaint)', () => {
    const codes = ['', REST, LEAVE, day.id, night.id, spare.id, 'gone']
    const paint = fc.record({ row: fc.nat(3), day: fc.nat(30), code: fc.constantFrom(...codes) })
    fc.assert(
      fc.property(fc.array(paint, { maxLength: 60 }), (paints) => {
        const grid = rows.map((r) => ({ ...r, days: [...r.days] }))
        const counts = staffingOf(MONTH, grid, SHIFTS)
        for (const p of paints) {
          const row = grid[p.row]!
          applyPaint(counts, p.day, row.lane as Lane, row.days[p.day]!, p.code)
          row.days[p.day] = p.code
        }
        expect(counts).toEqual(staffingOf(MONTH, grid, SHIFTS))
      }),
      { numRuns: 200 },
    )
  })

  it('leaves the counts alone for a day outside the month or a code painted over itself', () => {
    const counts = staffingOf(MONTH, rows, SHIFTS)
    applyPaint(counts, 40, 'desk', '', day.id)
    applyPaint(counts, 0, 'desk', day.id, day.id)
    expect(counts).toEqual(staffing)
  })
})

describe('patternDays: a week laid over the month', () => {
  // 1 December 2026 is a Tuesday.
  const week = [day.id, day.id, night.id, night.id, REST, '', REST]
  const current = daysOf(MONTH).map(() => spare.id)

  it('gives each day its weekday’s code; an empty weekday keeps the day as it was', () => {
    const days = patternDays(MONTH, week, current)
    expect(days.slice(0, 7)).toEqual([day.id, night.id, night.id, REST, spare.id, REST, day.id])
    expect(days).toHaveLength(31)
    daysOf(MONTH).forEach((d, i) => expect(days[i]).toBe(week[weekdayOf(d)] || spare.id))
  })

  it('rewrites nothing before `from`', () => {
    const days = patternDays(MONTH, week, current, '2026-12-15')
    expect(days.slice(0, 14)).toEqual(current.slice(0, 14))
    expect(days[14]).toBe(day.id) // Tuesday the 15th
  })
})

describe('copiedDays: last month carried on by weekday', () => {
  const byWeekday = [day.id, day.id, night.id, night.id, REST, LEAVE, 'gone'] // Monday … Sunday
  const november = daysOf('2026-11')
  // Only the last full week counts (24–30 November); the weeks before are all nights.
  const lastDays = november.map((d) => (d >= '2026-11-24' ? byWeekday[weekdayOf(d)]! : night.id))

  it('takes each weekday from the last week of last month; 假 and retired shift types are not carried', () => {
    const days = copiedDays('2026-11', lastDays, MONTH, new Set([day.id, night.id]))
    // Tuesday 1 December … Monday 7 December.
    expect(days.slice(0, 7)).toEqual([day.id, night.id, night.id, REST, '', '', day.id])
    expect(days).toHaveLength(31)
    expect(days[29]).toBe(night.id) // Wednesday the 30th
  })

  it('carries February into March (28 days into 31)', () => {
    const feb = daysOf('2027-02').map((d) => byWeekday[weekdayOf(d)]!)
    const days = copiedDays('2027-02', feb, '2027-03', new Set([day.id, night.id]))
    daysOf('2027-03').forEach((d, i) => expect(days[i]).toBe([day.id, day.id, night.id, night.id, REST, '', ''][weekdayOf(d)]))
  })
})
