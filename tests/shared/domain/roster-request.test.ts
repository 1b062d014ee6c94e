import { describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { LEAVE, REST } from '@shared/domain/roster'
import { aheadOfTime, answerProblems, approvedRoster, coverConflict, requestLapsed, requestProblems, requestStartsAt, type RosterAnswer, type RosterRequest } from '@shared/domain/roster-request'
import { makeAnswer, makeRequest, makeRow, makeShiftSnapshot, makeVersion, SHANGHAI } from '../../factories/roster'

const MONTH = '2026-12'
const [day, night] = [makeShiftSnapshot({ code: '白' }), makeShiftSnapshot({ code: '夜', start: '20:00', end: '08:00' })]
const [asker, partner, nights, free] = [newId(), newId(), newId(), newId()]
const even = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, (i + 1) % 2 === 0 ? day.id : REST]))
const odd = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [i + 1, (i + 1) % 2 === 1 ? day.id : REST]))
/** December: the asker on the day shift on even days, the partner on odd days, one person on every night, one free. */
const version = makeVersion({
  month: MONTH,
  snapshot: { shifts: [day, night], rows: [makeRow(asker, MONTH, REST, even), makeRow(partner, MONTH, REST, odd), makeRow(nights, MONTH, night.id), makeRow(free, MONTH, REST)] },
})
const codes = (snapshot: typeof version.snapshot, staffId: string, ...days: number[]): string[] => days.map((d) => snapshot.rows.find((r) => r.staffId === staffId && r.lane === 'desk')!.days[d - 1]!)
/** 9 December 23:59 in Shanghai: a day ahead of the 10th. */
const dayBefore = Date.UTC(2026, 11, 9, 15, 59)
const ask = (overrides: Partial<RosterRequest> = {}): RosterRequest => makeRequest({ staffId: asker, date: '2026-12-10', toDate: '2026-12-10', at: dayBefore, ...overrides })

describe('aheadOfTime: asked on an earlier local day than the first shift concerned (篇2 4.2.6 提前一天)', () => {
  it.each([
    { label: '23:59 the day before, Shanghai', at: Date.UTC(2026, 11, 9, 15, 59), tz: SHANGHAI, ahead: true },
    { label: '00:00 of the day, Shanghai', at: Date.UTC(2026, 11, 9, 16, 0), tz: SHANGHAI, ahead: false },
    { label: 'the 9th in UTC but the 10th in Shanghai', at: Date.UTC(2026, 11, 9, 18, 0), tz: SHANGHAI, ahead: false },
    { label: 'the same instant in UTC', at: Date.UTC(2026, 11, 9, 18, 0), tz: 'UTC', ahead: true },
    { label: 'the day itself, late', at: Date.UTC(2026, 11, 10, 12, 0), tz: SHANGHAI, ahead: false },
    { label: 'a day after', at: Date.UTC(2026, 11, 11, 2, 0), tz: SHANGHAI, ahead: false },
  ])('$label → $ahead', ({ at, tz, ahead }) => {
    expect(aheadOfTime({ date: '2026-12-10', swapDate: null, at }, tz)).toBe(ahead)
  })

  it('counts a swap from the earlier of its two days', () => {
    const at = Date.UTC(2026, 11, 8, 16, 30) // 9 December 00:30 in Shanghai
    expect(aheadOfTime({ date: '2026-12-10', swapDate: '2026-12-09', at }, SHANGHAI)).toBe(false)
    expect(aheadOfTime({ date: '2026-12-10', swapDate: '2026-12-11', at }, SHANGHAI)).toBe(true)
  })
})

describe('requestProblems', () => {
  const other = (overrides: Partial<RosterRequest> = {}): RosterRequest => ask({ id: newId(), at: dayBefore - 86_400_000, ...overrides })
  const none = (): null => null
  it.each<{ label: string; r: RosterRequest; problems: string[] }>([
    { label: 'a day’s leave, a day ahead', r: ask(), problems: [] },
    { label: 'at 00:00 of the day', r: ask({ at: Date.UTC(2026, 11, 9, 16, 0) }), problems: ['tooLate'] },
    { label: 'at 01:00 Shanghai, still the 9th in UTC', r: ask({ at: Date.UTC(2026, 11, 9, 17, 0) }), problems: ['tooLate'] },
    { label: 'on a day off', r: ask({ date: '2026-12-11', toDate: '2026-12-11' }), problems: ['notRostered'] },
    { label: 'a range with one shift in it', r: ask({ date: '2026-12-11', toDate: '2026-12-12' }), problems: [] },
    { label: 'dates backwards', r: ask({ date: '2026-12-12', toDate: '2026-12-10' }), problems: ['datesOutOfOrder', 'notRostered'] },
    { label: 'into the next month', r: ask({ toDate: '2027-01-02' }), problems: ['monthsDiffer'] },
    { label: 'no reason', r: ask({ reason: ' ' }), problems: ['reasonRequired'] },
    { label: 'a swap with nobody', r: ask({ kind: 'swap' }), problems: ['swapPartnerRequired'] },
    { label: 'a swap with herself', r: ask({ kind: 'swap', swapWithId: asker, swapDate: '2026-12-12' }), problems: ['swapWithSelf'] },
    { label: 'a swap with a partner off that day', r: ask({ kind: 'swap', swapWithId: partner, swapDate: '2026-12-12' }), problems: ['partnerNotRostered'] },
    { label: 'a swap of a day she does not stand', r: ask({ kind: 'swap', date: '2026-12-11', toDate: '2026-12-11', swapWithId: partner, swapDate: '2026-12-13' }), problems: ['notRostered'] },
    { label: 'a swap with a partner on shift', r: ask({ kind: 'swap', swapWithId: partner, swapDate: '2026-12-11' }), problems: [] },
  ])('$label → $problems', ({ r, problems }) => {
    expect(requestProblems(r, version, [], none, SHANGHAI)).toEqual(problems)
  })

  it('refuses a swap with a partner on leave on the day she would take over', () => {
    const rows = version.snapshot.rows.map((row) => (row.staffId === partner ? { ...row, days: row.days.map((c, i) => (i === 9 ? LEAVE : c)) } : row))
    const onLeave = { ...version, snapshot: { ...version.snapshot, rows } }
    expect(requestProblems(ask({ kind: 'swap', swapWithId: partner, swapDate: '2026-12-11' }), onLeave, [], none, SHANGHAI)).toEqual(['swapDaysNotFree'])
  })

  it('has nothing to change before a roster is approved', () => {
    expect(requestProblems(ask(), null, [], none, SHANGHAI)).toEqual(['noRoster'])
  })

  it('refuses days a pending or approved request of the same person takes; a refused one frees them', () => {
    const earlier = other({ date: '2026-12-08', toDate: '2026-12-10' })
    const answer = (decision: RosterAnswer['decision']) => (id: string) => (id === earlier.id ? makeAnswer(earlier, { decision, reason: '人手不足' }) : null)
    const cases: [string, RosterRequest[], (id: string) => RosterAnswer | null, string[]][] = [
      ['pending', [earlier], none, ['overlaps']],
      ['approved', [earlier], answer('approve'), ['overlaps']],
      ['refused', [earlier], answer('refuse'), []],
      ['another person’s', [{ ...earlier, staffId: partner }], none, []],
      ['on other days', [other({ date: '2026-12-12', toDate: '2026-12-14' })], none, []],
      ['itself, read back', [ask({ id: earlier.id })], none, []],
      ['a swap giving the day away', [other({ kind: 'swap', swapWithId: partner, swapDate: '2026-12-11' })], none, ['overlaps']],
    ]
    for (const [label, others, answered, problems] of cases) {
      const r = label === 'itself, read back' ? others[0]! : ask()
      expect(requestProblems(r, version, others, answered, SHANGHAI), label).toEqual(problems)
    }
  })
})

describe('approvedRoster: the roster after the supervisor approves', () => {
  it('turns time off into 休 and gives the shift to the cover', () => {
    const { snapshot, understaffed, problems } = approvedRoster(version, ask({ kind: 'timeOff' }), free)
    expect([codes(snapshot, asker, 10), codes(snapshot, free, 10), problems, understaffed]).toEqual([[REST], [day.id], [], []])
  })

  it('turns leave into 假 on the days she stands a shift; the days off stay 休', () => {
    const { snapshot, problems } = approvedRoster(version, ask({ toDate: '2026-12-12' }), free)
    expect(codes(snapshot, asker, 10, 11, 12)).toEqual([LEAVE, REST, LEAVE])
    expect(codes(snapshot, free, 10, 11, 12)).toEqual([day.id, REST, day.id])
    expect(problems).toEqual([])
  })

  it('reports an empty shift when nobody covers', () => {
    const { snapshot, understaffed } = approvedRoster(version, ask({ toDate: '2026-12-12' }), null)
    expect(codes(snapshot, asker, 10)).toEqual([LEAVE])
    expect(understaffed).toEqual([
      { date: '2026-12-10', shiftTypeId: day.id, have: 0, need: 1 },
      { date: '2026-12-12', shiftTypeId: day.id, have: 0, need: 1 },
    ])
  })

  it.each([
    { label: 'a cover already on a shift', cover: nights, problems: ['coverBusy'] },
    { label: 'the asker herself', cover: asker, problems: ['coverIsAsker'] },
    { label: 'someone not on the roster', cover: newId(), problems: ['coverNotOnRoster'] },
  ])('refuses $label as cover and leaves the cover’s days as they were', ({ cover, problems }) => {
    const outcome = approvedRoster(version, ask(), cover)
    expect(outcome.problems).toEqual(problems)
    expect(codes(outcome.snapshot, nights, 10)).toEqual([night.id])
  })

  it('refuses a cover who is on leave that day, and keeps the leave', () => {
    const rows = version.snapshot.rows.map((row) => (row.staffId === free ? { ...row, days: row.days.map((c, i) => (i === 9 ? LEAVE : c)) } : row))
    const outcome = approvedRoster({ ...version, snapshot: { ...version.snapshot, rows } }, ask(), free)
    expect(outcome.problems).toEqual(['coverBusy'])
    expect(codes(outcome.snapshot, free, 10)).toEqual([LEAVE])
  })

  it('exchanges the two people’s days for a swap, which keeps each day’s counts', () => {
    const { snapshot, understaffed, problems } = approvedRoster(version, ask({ kind: 'swap', swapWithId: partner, swapDate: '2026-12-11' }), null)
    expect([codes(snapshot, asker, 10, 11), codes(snapshot, partner, 10, 11)]).toEqual([
      [REST, day.id],
      [day.id, REST],
    ])
    expect([understaffed, problems]).toEqual([[], []])
  })

  it('changes nothing in the version it starts from', () => {
    const before = structuredClone(version)
    approvedRoster(version, ask({ toDate: '2026-12-12' }), free)
    approvedRoster(version, ask({ kind: 'swap', swapWithId: partner, swapDate: '2026-12-11' }), null)
    expect(version).toEqual(before)
  })
})

describe('answerProblems', () => {
  const r = ask()
  /** The 10th's day shift begins at 08:00 in Shanghai. */
  const starts = Date.UTC(2026, 11, 10, 0, 0)
  it.each([
    { label: 'an approval', a: { decision: 'approve' as const, reason: '', at: dayBefore }, existing: null, problems: [] },
    { label: 'a refusal with its reason', a: { decision: 'refuse' as const, reason: '人手不足', at: dayBefore }, existing: null, problems: [] },
    { label: 'a refusal without one', a: { decision: 'refuse' as const, reason: ' ', at: dayBefore }, existing: null, problems: ['reasonRequired'] },
    { label: 'a second answer', a: { decision: 'approve' as const, reason: '', at: dayBefore }, existing: makeAnswer(r), problems: ['alreadyAnswered'] },
    { label: 'an approval a minute before the shift', a: { decision: 'approve' as const, reason: '', at: starts - 60_000 }, existing: null, problems: [] },
    { label: 'an approval as the shift begins', a: { decision: 'approve' as const, reason: '', at: starts }, existing: null, problems: ['shiftStarted'] },
    { label: 'a refusal after it began', a: { decision: 'refuse' as const, reason: '已过时', at: starts + 3_600_000 }, existing: null, problems: [] },
  ])('$label → $problems', ({ a, existing, problems }) => {
    expect(answerProblems(a, existing, requestStartsAt(r, version, SHANGHAI))).toEqual(problems)
  })
})

describe('requestStartsAt: an open request lapses when its first shift begins (篇2 4.2.6)', () => {
  it.each<{ label: string; r: RosterRequest; tz: string; at: number }>([
    { label: 'a day’s leave: the day shift at 08:00 Shanghai', r: ask(), tz: SHANGHAI, at: Date.UTC(2026, 11, 10, 0, 0) },
    { label: 'the same in UTC', r: ask(), tz: 'UTC', at: Date.UTC(2026, 11, 10, 8, 0) },
    { label: 'leave from a day off: the first day with a shift', r: ask({ date: '2026-12-09', toDate: '2026-12-12' }), tz: SHANGHAI, at: Date.UTC(2026, 11, 10, 0, 0) },
    { label: 'a night shift: 20:00 of its day', r: ask({ staffId: nights, date: '2026-12-15', toDate: '2026-12-15' }), tz: SHANGHAI, at: Date.UTC(2026, 11, 15, 12, 0) },
    { label: 'a swap: the partner’s earlier day', r: ask({ kind: 'swap', date: '2026-12-10', swapWithId: partner, swapDate: '2026-12-09' }), tz: SHANGHAI, at: Date.UTC(2026, 11, 9, 0, 0) },
    { label: 'no shift on any day: the start of the first day', r: ask({ staffId: free }), tz: SHANGHAI, at: Date.UTC(2026, 11, 9, 16, 0) },
  ])('$label', ({ r, tz, at }) => {
    expect(requestStartsAt(r, version, tz)).toBe(at)
    expect([requestLapsed(at, at - 1), requestLapsed(at, at), requestLapsed(null, at)]).toEqual([false, true, false])
  })
})

describe('coverConflict: who is not free to cover a shift', () => {
  // Day 10 (index 9): cover the day shift 08:00–20:00, or the night 20:00–08:00.
  const month = (codes: Record<number, string>): string[] => Array.from({ length: 31 }, (_, i) => codes[i + 1] ?? REST)
  it.each<{ label: string; days: string[]; code: string; conflict: ReturnType<typeof coverConflict> }>([
    { label: 'free all around', days: month({}), code: day.id, conflict: null },
    { label: 'on a shift that day', days: month({ 10: night.id }), code: day.id, conflict: { kind: 'shift', day: 9, code: night.id } },
    { label: 'on leave that day', days: month({ 10: LEAVE }), code: day.id, conflict: { kind: 'leave', day: 9, code: LEAVE } },
    { label: 'off the night before at 08:00, for the 08:00 day shift', days: month({ 9: night.id }), code: day.id, conflict: { kind: 'adjacent', day: 8, code: night.id } },
    { label: 'off the night before, for the 20:00 night: twelve hours off', days: month({ 9: night.id }), code: night.id, conflict: null },
    { label: 'the day shift the day before, for the day shift', days: month({ 9: day.id }), code: day.id, conflict: null },
    { label: 'for the night, with the 08:00 day shift next morning', days: month({ 11: day.id }), code: night.id, conflict: { kind: 'adjacent', day: 10, code: day.id } },
    { label: 'for the day shift, with the next day’s night', days: month({ 11: night.id }), code: day.id, conflict: null },
  ])('$label', ({ days, code, conflict }) => {
    expect(coverConflict([day, night], days, 9, code)).toEqual(conflict)
  })

  it('refuses a cover just off the night shift in the approval itself', () => {
    const rows = version.snapshot.rows.map((row) => (row.staffId === free ? { ...row, days: row.days.map((c, i) => (i === 8 ? night.id : c)) } : row))
    const outcome = approvedRoster({ ...version, snapshot: { ...version.snapshot, rows } }, ask(), free)
    expect(outcome.problems).toEqual(['coverBusy'])
    expect(codes(outcome.snapshot, free, 10)).toEqual([REST])
  })
})
