import { describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { appraisal, monthsUpTo, quotaStanding, SUPERVISOR_WEEKLY_QUOTA, weekSoFar, type QuotaStatus } from '@shared/domain/inspection-quota'
import { rosteredDayOf } from '@shared/domain/duty-roster'
import { addDays, instantAt } from '@shared/domain/time'

const SHANGHAI = 'Asia/Shanghai'
const UTC = 'UTC'
/** The week of Monday 2026-11-23 to Sunday 2026-11-29; the next starts Monday 2026-11-30. */
const MONDAY = '2026-11-23'
const SUNDAY = '2026-11-29'
const NEXT_MONDAY = '2026-11-30'
const at = (date: string, hhmm: string, tz = SHANGHAI): number => instantAt(date, hhmm, tz)
const dayOf = (n: number): string => addDays(MONDAY, n - 1)

describe('weekSoFar: Monday up to today', () => {
  it.each([
    { today: MONDAY, days: [MONDAY] },
    { today: '2026-11-25', days: [MONDAY, '2026-11-24', '2026-11-25'] },
    { today: SUNDAY, days: Array.from({ length: 7 }, (_, i) => addDays(MONDAY, i)) },
    { today: NEXT_MONDAY, days: [NEXT_MONDAY] },
    { today: '2026-12-01', days: [NEXT_MONDAY, '2026-12-01'] },
    { today: '2027-01-01', days: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'] },
  ])('$today', ({ today, days }) => {
    expect(weekSoFar(today)).toEqual(days)
  })
})

describe('quotaStanding: the supervisor, at least 3 a week (篇2 4.4.3)', () => {
  const supervisor = { id: newId(), role: 'supervisor' as const }
  /** `done` inspections on the first days of the week, the supervisor's standing at 18:00 of day n. */
  const standing = (n: number, done: number): QuotaStatus => {
    const inspections = Array.from({ length: done }, (_, i) => ({ inspectorId: supervisor.id, at: at(dayOf(Math.min(i + 1, n)), '09:00') }))
    return quotaStanding([supervisor], inspections, at(dayOf(n), '18:00'), SHANGHAI)[0]!.status
  }

  it('asks 3 a week', () => {
    expect(SUPERVISOR_WEEKLY_QUOTA).toBe(3)
  })

  // Due by the end of day n: ⌈3n/7⌉ = 1 1 2 2 3 3 3.
  it.each<[number, string, number, QuotaStatus]>([
    [1, 'Monday', 0, 'dueToday'],
    [1, 'Monday', 1, 'onTrack'],
    [1, 'Monday', 3, 'met'],
    [2, 'Tuesday', 0, 'behind'],
    [2, 'Tuesday', 1, 'onTrack'],
    [3, 'Wednesday', 0, 'behind'],
    [3, 'Wednesday', 1, 'dueToday'],
    [3, 'Wednesday', 2, 'onTrack'],
    [4, 'Thursday', 1, 'behind'],
    [4, 'Thursday', 2, 'onTrack'],
    [5, 'Friday', 1, 'behind'],
    [5, 'Friday', 2, 'dueToday'],
    [5, 'Friday', 3, 'met'],
    [6, 'Saturday', 2, 'behind'],
    [6, 'Saturday', 3, 'met'],
    [7, 'Sunday', 0, 'behind'],
    [7, 'Sunday', 2, 'behind'],
    [7, 'Sunday', 3, 'met'],
    [7, 'Sunday', 5, 'met'],
  ])('day %i (%s) with %i done → %s', (n, _day, done, status) => {
    expect(standing(n, done)).toBe(status)
  })

  it('counts inspections, not days: three on Monday meet the week', () => {
    const three = [8, 10, 14].map((h) => ({ inspectorId: supervisor.id, at: at(MONDAY, `${h}:00`.padStart(5, '0')) }))
    expect(quotaStanding([supervisor], three, at(MONDAY, '18:00'), SHANGHAI)[0]).toEqual({ staffId: supervisor.id, role: 'supervisor', done: 3, required: 3, missedDays: [], status: 'met' })
  })

  it('starts afresh on Monday: last week’s do not count, nor later ones', () => {
    const lastWeek = [1, 2, 3].map((d) => ({ inspectorId: supervisor.id, at: at(addDays(MONDAY, -d), '10:00') }))
    const tomorrow = { inspectorId: supervisor.id, at: at('2026-11-24', '10:00') }
    expect(quotaStanding([supervisor], [...lastWeek, tomorrow], at(MONDAY, '18:00'), SHANGHAI)[0]).toMatchObject({ done: 0, status: 'dueToday' })
  })

  describe('the week boundary, Sunday 23:59 vs Monday 00:00', () => {
    const lateSunday = { inspectorId: supervisor.id, at: at(SUNDAY, '23:59') }
    const midnight = { inspectorId: supervisor.id, at: at(NEXT_MONDAY, '00:00') }

    it.each<{ case: string; now: number; tz: string; done: number; status: QuotaStatus }>([
      // Monday 09:00 in Shanghai is Monday 01:00 UTC; both inspections are Sunday afternoon in UTC.
      { case: 'in Shanghai, Monday morning: the midnight one is this week’s', now: at(NEXT_MONDAY, '09:00'), tz: SHANGHAI, done: 1, status: 'onTrack' },
      { case: 'in UTC, the same instant: both are last week’s', now: at(NEXT_MONDAY, '09:00'), tz: UTC, done: 0, status: 'dueToday' },
      { case: 'in Shanghai, Monday 00:00 itself', now: at(NEXT_MONDAY, '00:00'), tz: SHANGHAI, done: 1, status: 'onTrack' },
      { case: 'in Shanghai, Sunday 23:59: only the Sunday one, one of three', now: at(SUNDAY, '23:59'), tz: SHANGHAI, done: 1, status: 'behind' },
      { case: 'in UTC, Sunday 23:59 UTC (Monday 07:59 in Shanghai): both in the week before', now: at(SUNDAY, '23:59', UTC), tz: UTC, done: 2, status: 'behind' },
    ])('$case', ({ now, tz, done, status }) => {
      expect(quotaStanding([supervisor], [lateSunday, midnight], now, tz)[0]).toMatchObject({ done, status })
    })
  })
})

describe('quotaStanding: the administrator, every day at handover (篇2 4.4.4)', () => {
  const admin = { id: newId(), role: 'administrator' as const }
  const on = (...dates: string[]): { inspectorId: string; at: number }[] => dates.map((d) => ({ inspectorId: admin.id, at: at(d, '07:50') }))
  const THURSDAY = '2026-11-26'

  it.each<{ case: string; inspected: string[]; today: string; done: number; required: number; missed: string[]; status: QuotaStatus }>([
    { case: 'Monday, not yet', inspected: [], today: MONDAY, done: 0, required: 1, missed: [], status: 'dueToday' },
    { case: 'Monday, done', inspected: [MONDAY], today: MONDAY, done: 1, required: 1, missed: [], status: 'onTrack' },
    { case: 'Thursday, every day so far', inspected: [MONDAY, '2026-11-24', '2026-11-25', THURSDAY], today: THURSDAY, done: 4, required: 4, missed: [], status: 'onTrack' },
    { case: 'Thursday, all but today', inspected: [MONDAY, '2026-11-24', '2026-11-25'], today: THURSDAY, done: 3, required: 4, missed: [], status: 'dueToday' },
    { case: 'Thursday, Tuesday missed', inspected: [MONDAY, '2026-11-25', THURSDAY], today: THURSDAY, done: 3, required: 4, missed: ['2026-11-24'], status: 'behind' },
    { case: 'Thursday, none at all', inspected: [], today: THURSDAY, done: 0, required: 4, missed: [MONDAY, '2026-11-24', '2026-11-25'], status: 'behind' },
    { case: 'Thursday, two on Wednesday do not make up Tuesday', inspected: [MONDAY, '2026-11-25', '2026-11-25', THURSDAY], today: THURSDAY, done: 4, required: 4, missed: ['2026-11-24'], status: 'behind' },
    { case: 'Sunday, the whole week', inspected: Array.from({ length: 7 }, (_, i) => addDays(MONDAY, i)), today: SUNDAY, done: 7, required: 7, missed: [], status: 'met' },
    { case: 'Sunday, all but Sunday', inspected: Array.from({ length: 6 }, (_, i) => addDays(MONDAY, i)), today: SUNDAY, done: 6, required: 7, missed: [], status: 'dueToday' },
    { case: 'next Monday, last week’s do not count', inspected: Array.from({ length: 7 }, (_, i) => addDays(MONDAY, i)), today: NEXT_MONDAY, done: 0, required: 1, missed: [], status: 'dueToday' },
  ])('$case → $status', ({ inspected, today, done, required, missed, status }) => {
    expect(quotaStanding([admin], on(...inspected), at(today, '20:00'), SHANGHAI)).toEqual([{ staffId: admin.id, role: 'administrator', done, required, missedDays: missed, status }])
  })

  it('places each inspection on its site-local day: Tuesday 07:30 in Shanghai is Monday in UTC', () => {
    // Monday not inspected; Tuesday inspected at 07:30 Shanghai = Monday 23:30 UTC.
    const tuesdayMorning = [{ inspectorId: admin.id, at: at('2026-11-24', '07:30') }]
    const now = at('2026-11-25', '12:00')
    expect(quotaStanding([admin], tuesdayMorning, now, SHANGHAI)[0]).toMatchObject({ missedDays: [MONDAY], status: 'behind' })
    expect(quotaStanding([admin], tuesdayMorning, now, UTC)[0]).toMatchObject({ missedDays: ['2026-11-24'], status: 'behind' })
  })

  it('does not let Sunday 23:59 of the week before fill Monday', () => {
    const lateSunday = [{ inspectorId: admin.id, at: at(addDays(MONDAY, -1), '23:59') }]
    expect(quotaStanding([admin], [...lateSunday, ...on('2026-11-24')], at('2026-11-24', '20:00'), SHANGHAI)[0]).toMatchObject({ done: 1, missedDays: [MONDAY], status: 'behind' })
  })

  // Issue 13 point 4: with an approved roster the administrator owes only the days rostered on the desk.
  const TUESDAY = '2026-11-24'
  const WEDNESDAY = '2026-11-25'
  it.each<{ case: string; rostered: string[]; inspected: string[]; today: string; done: number; required: number; missed: string[]; status: QuotaStatus }>([
    { case: 'off on Tuesday, not inspected: not missed', rostered: [MONDAY, WEDNESDAY, THURSDAY], inspected: [MONDAY, WEDNESDAY], today: THURSDAY, done: 2, required: 3, missed: [], status: 'dueToday' },
    { case: 'rostered on Tuesday, not inspected: missed', rostered: [MONDAY, TUESDAY, THURSDAY], inspected: [MONDAY, THURSDAY], today: THURSDAY, done: 2, required: 3, missed: [TUESDAY], status: 'behind' },
    { case: 'off today: nothing due today', rostered: [MONDAY, TUESDAY], inspected: [MONDAY, TUESDAY], today: WEDNESDAY, done: 2, required: 2, missed: [], status: 'onTrack' },
    { case: 'inspected on a day off: counted, owes nothing', rostered: [], inspected: [TUESDAY], today: THURSDAY, done: 1, required: 0, missed: [], status: 'onTrack' },
    { case: 'Sunday off, every rostered day done: met', rostered: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, '2026-11-27'], inspected: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, '2026-11-27'], today: SUNDAY, done: 5, required: 5, missed: [], status: 'met' },
    { case: 'Sunday rostered and not yet inspected', rostered: [SUNDAY], inspected: [], today: SUNDAY, done: 0, required: 1, missed: [], status: 'dueToday' },
  ])('rostered days only: $case → $status', ({ rostered, inspected, today, done, required, missed, status }) => {
    const owed = new Map([[admin.id, new Set(rostered)]])
    expect(quotaStanding([admin], on(...inspected), at(today, '20:00'), SHANGHAI, undefined, owed)).toEqual([{ staffId: admin.id, role: 'administrator', done, required, missedDays: missed, status }])
  })

  // 篇2 4.4.4 at the handover: the administrator on the night of Tuesday (20:00–08:00) inspects after midnight.
  const nightOf = (date: string) => ({ date, startsAt: at(date, '20:00'), endsAt: at(addDays(date, 1), '08:00') })
  const dayOf = (spans: ReturnType<typeof nightOf>[]) => (id: string, when: number) => (id === admin.id ? rosteredDayOf(spans, when, 15 * 60_000) : null)
  it.each<{ case: string; inspectedAt: string[]; now: string; done: number; missed: string[]; status: QuotaStatus }>([
    { case: 'at 02:00 on Wednesday: Tuesday’s, not Wednesday’s', inspectedAt: [`${WEDNESDAY} 02:00`], now: `${WEDNESDAY} 20:00`, done: 1, missed: [], status: 'onTrack' },
    { case: 'at the 07:45 handover on Wednesday: Tuesday’s', inspectedAt: [`${WEDNESDAY} 07:45`], now: `${WEDNESDAY} 20:00`, done: 1, missed: [], status: 'onTrack' },
    { case: 'at 08:10, the handover running late: still Tuesday’s', inspectedAt: [`${WEDNESDAY} 08:10`], now: `${WEDNESDAY} 20:00`, done: 1, missed: [], status: 'onTrack' },
    { case: 'not yet, at 03:00 on Wednesday: due, not missed, while the night lasts', inspectedAt: [], now: `${WEDNESDAY} 03:00`, done: 0, missed: [], status: 'dueToday' },
    { case: 'none by Wednesday 09:00: Tuesday missed', inspectedAt: [], now: `${WEDNESDAY} 09:00`, done: 0, missed: [TUESDAY], status: 'behind' },
    { case: 'at 19:50 on Tuesday, before the night: Tuesday’s', inspectedAt: [`${TUESDAY} 19:50`], now: `${WEDNESDAY} 20:00`, done: 1, missed: [], status: 'onTrack' },
  ])('a night shift’s inspection: $case', ({ inspectedAt, now, done, missed, status }) => {
    const owed = new Map([[admin.id, new Set([TUESDAY])]])
    const when = (s: string) => at(s.slice(0, 10), s.slice(11))
    const inspections = inspectedAt.map((s) => ({ inspectorId: admin.id, at: when(s) }))
    expect(quotaStanding([admin], inspections, when(now), SHANGHAI, undefined, owed, dayOf([nightOf(TUESDAY)]))).toEqual([{ staffId: admin.id, role: 'administrator', done, required: 1, missedDays: missed, status }])
  })

  it('leaves an administrator absent from the rostered days owing every day, and the supervisor untouched', () => {
    const other = { id: newId(), role: 'administrator' as const }
    const supervisor = { id: newId(), role: 'supervisor' as const }
    const owed = new Map([[admin.id, new Set<string>()]])
    const lines = quotaStanding([admin, other, supervisor], [], at(THURSDAY, '20:00'), SHANGHAI, undefined, owed)
    expect(lines.map((l) => [l.required, l.status])).toEqual([
      [0, 'onTrack'],
      [4, 'behind'],
      [3, 'behind'],
    ])
  })
})

describe('quotaStanding: several inspectors', () => {
  it('answers for each inspector given, in order, and only from their own inspections', () => {
    const s = { id: newId(), role: 'supervisor' as const }
    const a = { id: newId(), role: 'administrator' as const }
    const manager = newId()
    const inspections = [
      { inspectorId: manager, at: at(MONDAY, '10:00') },
      { inspectorId: a.id, at: at(MONDAY, '07:50') },
      { inspectorId: s.id, at: at(MONDAY, '15:00') },
    ]
    const lines = quotaStanding([a, s], inspections, at(MONDAY, '20:00'), SHANGHAI)
    expect(lines.map((l) => [l.staffId, l.done, l.status])).toEqual([
      [a.id, 1, 'onTrack'],
      [s.id, 1, 'onTrack'],
    ])
    expect(quotaStanding([], inspections, at(MONDAY, '20:00'), SHANGHAI)).toEqual([])
  })
})

describe('monthsUpTo', () => {
  it.each([
    { month: '2026-11', back: 3, months: ['2026-08', '2026-09', '2026-10', '2026-11'] },
    { month: '2026-01', back: 3, months: ['2025-10', '2025-11', '2025-12', '2026-01'] },
    { month: '2026-03', back: 2, months: ['2026-01', '2026-02', '2026-03'] },
    { month: '2026-12', back: 0, months: ['2026-12'] },
    { month: '2026-12', back: 12, months: ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'] },
  ])('$month with $back before', ({ month, back, months }) => {
    expect(monthsUpTo(month, back)).toEqual(months)
  })
})

describe('appraisal: nonconformities per person and month (4.4.3 绩效考核)', () => {
  const clerk = newId()
  const colleague = newId()
  const nc = (staffId: string, itemCode: string, when: number): { staffId: string; itemCode: string; at: number } => ({ staffId, itemCode, at: when })

  it('counts the month by item, and the three months before, oldest first', () => {
    const ncs = [
      nc(clerk, 'a', at('2026-11-03', '10:00')),
      nc(clerk, 'a', at('2026-11-20', '10:00')),
      nc(clerk, 'd', at('2026-11-30', '23:59')),
      nc(clerk, 'b', at('2026-10-15', '10:00')),
      nc(clerk, 'b', at('2026-08-01', '00:00')),
      nc(clerk, 'b', at('2026-08-31', '23:59')),
      nc(clerk, 'c', at('2026-07-31', '23:59')),
      nc(clerk, 'c', at('2026-12-01', '00:00')),
      nc(colleague, 'e', at('2026-09-10', '10:00')),
      nc(newId(), 'a', at('2026-11-10', '10:00')),
    ]
    expect(appraisal([colleague, clerk], ncs, '2026-11', SHANGHAI)).toEqual([
      { staffId: colleague, byItem: {}, total: 0, before: [0, 1, 0] },
      { staffId: clerk, byItem: { a: 2, d: 1 }, total: 3, before: [2, 0, 1] },
    ])
  })

  it('lists someone without any nonconformities with zeros, and nobody not asked for', () => {
    expect(appraisal([clerk], [], '2026-11', SHANGHAI)).toEqual([{ staffId: clerk, byItem: {}, total: 0, before: [0, 0, 0] }])
    expect(appraisal([], [nc(clerk, 'a', at('2026-11-03', '10:00'))], '2026-11', SHANGHAI)).toEqual([])
  })

  describe('the month boundary in the site’s time zone', () => {
    // 2026-12-01 00:00 in Shanghai is 2026-11-30 16:00 UTC.
    const ncs = [nc(clerk, 'a', at('2026-11-30', '23:59')), nc(clerk, 'a', at('2026-12-01', '00:00'))]
    it.each([
      { tz: SHANGHAI, month: '2026-12', total: 1, before: [0, 0, 1] },
      { tz: UTC, month: '2026-12', total: 0, before: [0, 0, 2] },
      { tz: SHANGHAI, month: '2026-11', total: 1, before: [0, 0, 0] },
      { tz: UTC, month: '2026-11', total: 2, before: [0, 0, 0] },
    ])('$month in $tz: $total in the month', ({ tz, month, total, before }) => {
      expect(appraisal([clerk], ncs, month, tz)[0]).toMatchObject({ total, before })
    })
  })

  it('crosses the year: January with October–December before', () => {
    const ncs = [nc(clerk, 'a', at('2025-09-30', '23:59')), nc(clerk, 'a', at('2025-10-01', '00:00')), nc(clerk, 'a', at('2025-12-31', '23:59')), nc(clerk, 'f', at('2026-01-01', '00:00'))]
    expect(appraisal([clerk], ncs, '2026-01', SHANGHAI)).toEqual([{ staffId: clerk, byItem: { f: 1 }, total: 1, before: [1, 0, 1] }])
  })

  it('looks back as far as asked', () => {
    const ncs = [nc(clerk, 'a', at('2026-05-10', '10:00')), nc(clerk, 'a', at('2026-11-10', '10:00'))]
    expect(appraisal([clerk], ncs, '2026-11', SHANGHAI, 0)[0]).toEqual({ staffId: clerk, byItem: { a: 1 }, total: 1, before: [] })
    expect(appraisal([clerk], ncs, '2026-11', SHANGHAI, 6)[0]!.before).toEqual([1, 0, 0, 0, 0, 0])
  })
})

describe('quotaStanding for a site that started this week (its first day as `since`)', () => {
  const TZ2 = 'Asia/Shanghai'
  const sup = { id: 'sup', role: 'supervisor' as const }
  const adm = { id: 'adm', role: 'administrator' as const }
  const on = (date: string, who: string): { inspectorId: string; at: number } => ({ inspectorId: who, at: instantAt(date, '10:00', TZ2) })
  // Friday 2026-11-27; the week began Monday 2026-11-23.
  const friday = instantAt('2026-11-27', '12:00', TZ2)

  it.each<{ name: string; since: string; done: { inspectorId: string; at: number }[]; sup: [number, number, string]; adm: [number, number, string, string[]] }>([
    { name: 'started today: a supervisor owes ⌈3×3/7⌉ = 2 by Sunday, nothing yet; the administrator today only', since: '2026-11-27', done: [], sup: [0, 2, 'dueToday'], adm: [0, 1, 'dueToday', []] },
    { name: 'started today and inspected: on track', since: '2026-11-27', done: [on('2026-11-27', 'sup'), on('2026-11-27', 'adm')], sup: [1, 2, 'onTrack'], adm: [1, 1, 'onTrack', []] },
    { name: 'started Wednesday, nothing done: the administrator missed Wednesday and Thursday', since: '2026-11-25', done: [], sup: [0, 3, 'behind'], adm: [0, 3, 'behind', ['2026-11-25', '2026-11-26']] },
    { name: 'started before the week: the whole week counts, as without `since`', since: '2026-01-01', done: [], sup: [0, 3, 'behind'], adm: [0, 5, 'behind', ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']] },
  ])('$name', ({ since, done, sup: s, adm: a }) => {
    const [supLine, admLine] = quotaStanding([sup, adm], done, friday, TZ2, since)
    expect([supLine!.done, supLine!.required, supLine!.status]).toEqual(s)
    expect([admLine!.done, admLine!.required, admLine!.status, admLine!.missedDays]).toEqual(a)
  })
})
