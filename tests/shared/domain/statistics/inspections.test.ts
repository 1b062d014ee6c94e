import { describe, expect, it } from 'vitest'
import { customPeriod, inspectorsOf, monthPeriod, siteStatistics, weekPeriod, type Period } from '@shared/domain/statistics'
import { monthsFromTo, rostersInForce } from '@shared/domain/roster'
import { newId } from '@shared/domain/ids'
import { instantAt } from '@shared/domain/time'
import { makeRow, makeShiftSnapshot, makeStep, makeVersion } from '../../../factories/roster'
import { emptyInput } from '../../../factories/statistics'

const SH = 'Asia/Shanghai'
const at = (date: string, hhmm: string): number => instantAt(date, hhmm, SH)
const SUP = newId()
const ADM = newId()
const MGR = newId()
const inspectors = [
  { id: SUP, role: 'supervisor' as const },
  { id: ADM, role: 'administrator' as const },
  { id: MGR, role: 'manager' as const },
]

describe('inspections against the quota (篇2 4.4.2–4.4.4)', () => {
  it('expects the active supervisors, administrators and managers to inspect — not the desk, not those who left', () => {
    const staff = [
      { id: SUP, role: 'supervisor' as const, active: true },
      { id: ADM, role: 'administrator' as const, active: true },
      { id: MGR, role: 'manager' as const, active: true },
      { id: newId(), role: 'assistant' as const, active: true },
      { id: newId(), role: 'supervisor' as const, active: false },
    ]
    expect(inspectorsOf(staff)).toEqual(inspectors)
  })

  it.each([
    { name: 'a past week: 3 for the supervisor, 7 for the administrator', period: weekPeriod('2026-11-25'), now: at('2026-12-10', '10:00'), sup: 3, adm: 7 },
    { name: 'a past month of 30 days: ⌈90/7⌉ = 13 and 30', period: monthPeriod('2026-11'), now: at('2026-12-10', '10:00'), sup: 13, adm: 30 },
    { name: 'a week still running on Wednesday: ⌈9/7⌉ = 2 and 3', period: weekPeriod('2026-11-25'), now: at('2026-11-25', '10:00'), sup: 2, adm: 3 },
    { name: 'a period not begun: nothing asked', period: customPeriod('2027-01-01', '2027-01-07')!, now: at('2026-12-10', '10:00'), sup: 0, adm: 0 },
  ])('$name', ({ period, now, sup, adm }) => {
    const lines = siteStatistics(emptyInput({ inspectors }), period, now).current.inspections.byInspector
    expect(lines.map((l) => [l.role, l.required])).toEqual([
      ['supervisor', sup],
      ['administrator', adm],
      ['manager', null],
    ])
  })

  it('asks an administrator only the days the roster in force puts them on a desk shift; a month without one, every day (篇2 4.4.4)', () => {
    const shift = makeShiftSnapshot()
    // November: the administrator on duty but every third day (10 rest, 1 leave): 19 desk days.
    const rest = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i * 3 + 1, 'rest']).concat([[2, 'leave']]))
    const approved = makeVersion({ month: '2026-11', snapshot: { shifts: [shift], rows: [makeRow(ADM, '2026-11', shift.id, rest)] } })
    const superseded = makeVersion({ month: '2026-11', siteId: approved.siteId, at: approved.at - 86_400_000, snapshot: { shifts: [shift], rows: [makeRow(ADM, '2026-11', shift.id)] } })
    const submitted = makeVersion({ month: '2026-11', siteId: approved.siteId, at: approved.at + 86_400_000, snapshot: { shifts: [shift], rows: [] } })
    const steps = [makeStep(superseded, 'approve'), makeStep(approved, 'approve')]
    const rosters = rostersInForce([superseded, approved, submitted], steps)
    expect(rosters.map((v) => v.id)).toEqual([approved.id])
    const required = (period: Period, now: number): (number | null)[] =>
      siteStatistics(emptyInput({ inspectors, rosters }), period, now).current.inspections.byInspector.map((l) => l.required)
    // Supervisor and manager as without a roster.
    expect(required(monthPeriod('2026-11'), at('2026-12-10', '10:00'))).toEqual([13, 19, null])
    // 2026-11-30 (Mon, rostered) to 2026-12-06 (no roster for December): 1 + 6.
    expect(required(weekPeriod('2026-12-01'), at('2026-12-10', '10:00'))).toEqual([3, 7, null])
    // 2026-11-23 … 29: rest on the 25th and 28th → 5; so far on the 25th: the 23rd, 24th → 2.
    expect(required(weekPeriod('2026-11-25'), at('2026-12-10', '10:00'))).toEqual([3, 5, null])
    expect(required(weekPeriod('2026-11-25'), at('2026-11-25', '10:00'))).toEqual([2, 2, null])
    // Without the approval no roster is in force: every day.
    expect(rostersInForce([approved], [])).toEqual([])
  })

  it('counts who inspected in the period, an inspector no longer listed by the kind of inspection', () => {
    const gone = newId()
    const inspections = [
      { inspectorId: SUP, kind: 'spot' as const, at: at('2026-11-23', '10:00') },
      { inspectorId: SUP, kind: 'spot' as const, at: at('2026-11-29', '23:59') },
      { inspectorId: SUP, kind: 'spot' as const, at: at('2026-11-30', '00:00') },
      { inspectorId: gone, kind: 'daily' as const, at: at('2026-11-24', '08:00') },
    ]
    const f = siteStatistics(emptyInput({ inspectors, inspections }), weekPeriod('2026-11-25'), at('2026-12-10', '10:00')).current.inspections
    expect(f.total).toBe(3)
    expect(f.byInspector.find((l) => l.staffId === SUP)?.done).toBe(2)
    expect(f.byInspector.find((l) => l.staffId === gone)).toEqual({ staffId: gone, role: 'administrator', done: 1, required: 7 })
  })

  it('nonconformities by checklist item and by person, most first', () => {
    const a = newId()
    const b = newId()
    const nonconformities = [
      { itemCode: 'a', staffId: a, at: at('2026-11-02', '10:00') },
      { itemCode: 'a', staffId: b, at: at('2026-11-03', '10:00') },
      { itemCode: 'd', staffId: b, at: at('2026-11-04', '10:00') },
      { itemCode: 'd', staffId: b, at: at('2026-12-01', '00:00') },
    ]
    const f = siteStatistics(emptyInput({ nonconformities }), monthPeriod('2026-11'), at('2026-12-10', '10:00')).current.inspections
    expect(f.nonconformities).toBe(3)
    expect(f.byItem).toEqual({ a: 2, d: 1 })
    expect(f.byPerson).toEqual([
      { staffId: b, count: 2 },
      { staffId: a, count: 1 },
    ])
  })
})

describe('monthsFromTo', () => {
  it.each([
    ['2026-11-30', '2026-12-06', ['2026-11', '2026-12']],
    ['2026-12-01', '2026-12-31', ['2026-12']],
    ['2025-12-01', '2026-02-28', ['2025-12', '2026-01', '2026-02']],
  ])('%s … %s', (from, to, months) => {
    expect(monthsFromTo(from, to)).toEqual(months)
  })
})
