import { describe, expect, it } from 'vitest'
import { isShiftCode, onDutyOf, owedDays } from '@shared/domain/duty-roster'

describe('onDutyOf (issue 13 point 4)', () => {
  it.each<{ name: string; rostered: boolean; staffIds: string[]; started: string[]; takenOverBy: string[]; want: [string, boolean][] }>([
    { name: 'roster: the rostered clerks, not who logged in', rostered: true, staffIds: ['a', 'b'], started: ['c', 'a'], takenOverBy: [], want: [['a', false], ['b', false]] },
    { name: 'roster: a rostered clerk who took over is not marked', rostered: true, staffIds: ['a'], started: [], takenOverBy: ['a'], want: [['a', false]] },
    { name: 'roster: one not rostered who took over is 非排班接班', rostered: true, staffIds: ['a'], started: ['c'], takenOverBy: ['c'], want: [['a', false], ['c', true]] },
    { name: 'roster with nobody on the shift: nobody', rostered: true, staffIds: [], started: ['c'], takenOverBy: [], want: [] },
    { name: 'no roster: who started duty, once each', rostered: false, staffIds: [], started: ['c', 'a', 'c'], takenOverBy: ['b'], want: [['c', false], ['a', false]] },
  ])('$name', ({ rostered, staffIds, started, takenOverBy, want }) => {
    expect(onDutyOf({ rostered, staffIds }, started, takenOverBy).map((p) => [p.staffId, p.offRoster])).toEqual(want)
  })
})

describe('owedDays (篇2 4.4.4 with the roster)', () => {
  const codes: Record<string, string> = { '2026-12-01': 'day-id', '2026-12-02': 'rest', '2026-12-03': 'leave', '2026-12-04': '' }
  it.each<{ name: string; rosteredMonths: string[]; want: string[] }>([
    { name: 'both months rostered: only days with a shift', rosteredMonths: ['2026-11', '2026-12'], want: ['2026-12-01'] },
    { name: 'a month without a roster: every day', rosteredMonths: [], want: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'] },
    { name: 'a week across months: the unrostered month whole, the rostered one by its shifts', rosteredMonths: ['2026-12'], want: ['2026-11-30', '2026-12-01'] },
  ])('$name', ({ rosteredMonths, want }) => {
    const dates = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']
    expect([...owedDays('x', dates, (m) => rosteredMonths.includes(m), (_, d) => codes[d] ?? '')]).toEqual(want)
  })

  it('counts 休, 假 and an empty cell as no shift', () => {
    expect(['rest', 'leave', '', 'day-id'].map(isShiftCode)).toEqual([false, false, false, true])
  })
})
