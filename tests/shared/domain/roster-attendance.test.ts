import { describe, expect, it } from 'vitest'
import { shiftKey } from '@shared/domain/duty-log'
import type { Handover } from '@shared/domain/handover'
import { LEAVE, REST, type RosterVersion } from '@shared/domain/roster'
import { attendanceOf, type AttendanceInput, type AttendanceLine } from '@shared/domain/roster-attendance'
import type { RosterAnswer, RosterRequest } from '@shared/domain/roster-request'
import { addDays, instantAt } from '@shared/domain/time'

const TZ = 'Asia/Shanghai'
const MONTH = '2026-12'
const SITE = '01930000-0000-7000-8000-000000000001'
const A = '01930000-0000-7000-8000-0000000000a1'
const B = '01930000-0000-7000-8000-0000000000a2'
const C = '01930000-0000-7000-8000-0000000000a3'
const D = '01930000-0000-7000-8000-0000000000c1' // 白班 08:00–20:00
const N = '01930000-0000-7000-8000-0000000000c2' // 夜班 20:00–08:00 the next day
const at = (date: string, hhmm: string): number => instantAt(date, hhmm, TZ)
const day = (n: number): string => `${MONTH}-${String(n).padStart(2, '0')}`

/** A row of 31 days: codes by day of the month, the rest empty. */
function days(codes: Record<number, string>): string[] {
  return Array.from({ length: 31 }, (_, i) => codes[i + 1] ?? '')
}

/**
 * 李娜 (A) stands the day shift of the 1st–3rd; 赵敏 (B) the nights of the 1st and 2nd and is on leave on the
 * 5th, covered by 陈静 (C), who has the nights of the 3rd and 5th; A and B swap the 6th and 7th.
 */
const VERSION: Pick<RosterVersion, 'month' | 'snapshot'> = {
  month: MONTH,
  snapshot: {
    shifts: [
      { id: D, code: '白', name: '白班', start: '08:00', end: '20:00', minStaff: 1 },
      { id: N, code: '夜', name: '夜班', start: '20:00', end: '08:00', minStaff: 1 },
    ],
    rows: [
      { staffId: A, name: '李娜', lane: 'desk', days: days({ 1: D, 2: D, 3: D, 4: REST, 6: N, 7: REST }) },
      { staffId: B, name: '赵敏', lane: 'desk', days: days({ 1: N, 2: N, 3: REST, 5: LEAVE, 6: REST, 7: N }) },
      { staffId: C, name: '陈静', lane: 'desk', days: days({ 1: REST, 2: REST, 3: N, 5: N }) },
      // Support is counted apart (篇2 4.1.2): no attendance of the desk.
      { staffId: A, name: '李娜', lane: 'support', days: days({ 4: D }) },
    ],
  },
}

/** A handover from `from` to `to`: the incoming arrived at `arrived`, both signed at `signed` (local times). */
function handover(from: [string, string], to: [string, string], outgoingId: string, incomingId: string, arrived: string, signed: string, startsAt: string, late = false): Handover {
  const [arrivedDate, arrivedTime] = arrived.split(' ') as [string, string]
  const [signedDate, signedTime] = signed.split(' ') as [string, string]
  const [startDate, startTime] = startsAt.split(' ') as [string, string]
  const s = at(signedDate, signedTime)
  return {
    id: crypto.randomUUID(),
    siteId: SITE,
    fromShiftKey: shiftKey(...from),
    toShiftKey: shiftKey(...to),
    outgoingId,
    incomingId,
    arrivedAt: at(arrivedDate, arrivedTime),
    shiftStartsAt: at(startDate, startTime),
    late,
    acknowledgements: [],
    checks: [],
    counts: [],
    outgoingSignatureId: crypto.randomUUID(),
    incomingSignatureId: crypto.randomUUID(),
    outgoingSignedAt: s - 60_000,
    incomingSignedAt: s,
    createdAt: s,
  }
}

const HANDOVERS: Handover[] = [
  // B arrives at 19:50 for the night of the 1st (5 minutes past the 15-minute mark); they sign at 20:25, A kept by nobody.
  handover([day(1), D], [day(1), N], A, B, `${day(1)} 19:50`, `${day(1)} 20:25`, `${day(1)} 20:00`, true),
  handover([day(1), N], [day(2), D], B, A, `${day(2)} 07:40`, `${day(2)} 07:55`, `${day(2)} 08:00`),
  // B does not come for the night of the 2nd; C, not rostered, arrives at 20:30: A is kept 30 minutes (signed 20:40).
  handover([day(2), D], [day(2), N], A, C, `${day(2)} 20:30`, `${day(2)} 20:40`, `${day(2)} 20:00`, true),
  handover([day(2), N], [day(3), D], C, A, `${day(3)} 07:40`, `${day(3)} 07:50`, `${day(3)} 08:00`),
  handover([day(3), D], [day(3), N], A, C, `${day(3)} 19:40`, `${day(3)} 19:55`, `${day(3)} 20:00`),
]

const REQUESTS: RosterRequest[] = [
  { id: '01930000-0000-7000-8000-0000000000d1', siteId: SITE, kind: 'leave', staffId: B, date: day(5), toDate: day(5), swapWithId: null, swapDate: null, reason: '看病', at: at(day(3), '10:00') },
  { id: '01930000-0000-7000-8000-0000000000d2', siteId: SITE, kind: 'swap', staffId: B, date: day(6), toDate: day(6), swapWithId: A, swapDate: day(7), reason: '家中有事', at: at(day(3), '10:00') },
  // Refused: counts for nobody.
  { id: '01930000-0000-7000-8000-0000000000d3', siteId: SITE, kind: 'timeOff', staffId: C, date: day(3), toDate: day(3), swapWithId: null, swapDate: null, reason: '调休', at: at(day(1), '10:00') },
]
const answer = (requestId: string, decision: 'approve' | 'refuse', coverId: string | null): RosterAnswer => ({ id: crypto.randomUUID(), siteId: SITE, requestId, decision, coverId, reason: decision === 'refuse' ? '人手不足' : '', versionId: null, staffId: crypto.randomUUID(), at: at(day(3), '12:00') })
const ANSWERS = [answer(REQUESTS[0]!.id, 'approve', C), answer(REQUESTS[1]!.id, 'approve', null), answer(REQUESTS[2]!.id, 'refuse', null)]

function input(overrides: Partial<AttendanceInput> = {}): AttendanceInput {
  return {
    month: MONTH,
    version: VERSION,
    handovers: HANDOVERS,
    // A records at 20:10 on the 2nd that the incoming has not come: B, rostered on the night, not C (not rostered).
    entries: [
      { kind: 'noShow', shiftKey: shiftKey(day(2), D), staffId: A, at: at(day(2), '20:10') },
      { kind: 'entry', shiftKey: shiftKey(day(3), D), staffId: A, at: at(day(3), '10:00') },
    ],
    requests: REQUESTS,
    answers: ANSWERS,
    names: new Map([[C, '陈静']]),
    tz: TZ,
    leadMinutes: 15,
    now: at(day(4), '12:00'),
    ...overrides,
  }
}

/** The version with 陈静 (C) on the day shift of the 1st too, beside 李娜. */
const withSecondClerk: Pick<RosterVersion, 'month' | 'snapshot'> = {
  month: MONTH,
  snapshot: { ...VERSION.snapshot, rows: VERSION.snapshot.rows.map((r) => (r.staffId === C ? { ...r, days: r.days.map((c, i) => (i === 0 ? D : c)) } : r)) },
}

type Counts = Omit<AttendanceLine, 'staffId' | 'name' | 'events'>
const ZERO: Counts = { rostered: 0, stood: 0, late: 0, lateMinutes: 0, noShows: 0, reported: 0, kept: 0, keptMinutes: 0, unrostered: 0, coveredFor: 0, wasCovered: 0, swapped: 0 }
const counts = (line: AttendanceLine | undefined): Counts | undefined => {
  if (!line) return undefined
  const { staffId: _s, name: _n, events: _e, ...rest } = line
  return rest
}

const ON_THE_4TH: Record<string, Partial<Counts>> = {
  [A]: { rostered: 4, stood: 3, kept: 1, keptMinutes: 30, swapped: 1 },
  [B]: { rostered: 3, stood: 1, late: 1, lateMinutes: 5, noShows: 1, reported: 1, wasCovered: 1, swapped: 1 },
  [C]: { rostered: 2, stood: 2, late: 1, lateMinutes: 45, unrostered: 1, coveredFor: 1 },
}

describe('attendanceOf (篇2 4.2.7–4.2.8): per person, the roster in force against the handovers', () => {
  it.each<{ name: string; overrides: Partial<AttendanceInput>; expected: Record<string, Partial<Counts>> }>([
    {
      name: 'on the 4th at noon: the first three days stood, late, kept and missed; the days to come only rostered',
      overrides: {},
      expected: ON_THE_4TH,
    },
    {
      name: 'on the 8th: the shifts of the 5th–7th nobody took over are no-shows',
      overrides: { now: at(day(8), '09:00') },
      expected: {
        [A]: { rostered: 4, stood: 3, kept: 1, keptMinutes: 30, noShows: 1, swapped: 1 },
        [B]: { rostered: 3, stood: 1, late: 1, lateMinutes: 5, noShows: 2, reported: 1, wasCovered: 1, swapped: 1 },
        [C]: { rostered: 2, stood: 2, late: 1, lateMinutes: 45, unrostered: 1, noShows: 1, coveredFor: 1 },
      },
    },
    {
      name: 'a night is missed only once it has ended (08:00 the next day), not when it starts',
      overrides: { now: at(day(3), '07:59'), handovers: HANDOVERS.slice(0, 2), entries: [] },
      expected: {
        [A]: { rostered: 4, stood: 2, swapped: 1 },
        [B]: { rostered: 3, stood: 1, late: 1, lateMinutes: 5, wasCovered: 1, swapped: 1 },
        [C]: { rostered: 2, coveredFor: 1 },
      },
    },
    {
      name: 'the same at 08:00: the night of the 2nd has ended and B never came',
      overrides: { now: at(day(3), '08:00'), handovers: HANDOVERS.slice(0, 2), entries: [] },
      expected: {
        [A]: { rostered: 4, stood: 2, swapped: 1 },
        [B]: { rostered: 3, stood: 1, late: 1, lateMinutes: 5, noShows: 1, wasCovered: 1, swapped: 1 },
        [C]: { rostered: 2, coveredFor: 1 },
      },
    },
    {
      name: 'with a lead of 30 minutes B, arriving at 19:50, was 20 minutes late and C, at 20:30, 60',
      overrides: { leadMinutes: 30 },
      expected: { ...ON_THE_4TH, [B]: { ...ON_THE_4TH[B], lateMinutes: 20 }, [C]: { ...ON_THE_4TH[C], lateMinutes: 60 } },
    },
    {
      name: 'no roster approved: the shifts stood count, nobody missed one or stood one off the roster',
      overrides: { version: null, names: new Map([[A, '李娜'], [B, '赵敏'], [C, '陈静']]), requests: [], answers: [] },
      expected: {
        [A]: { stood: 3, kept: 1, keptMinutes: 30 },
        [B]: { stood: 1, late: 1, lateMinutes: 5 },
        [C]: { stood: 2, late: 1, lateMinutes: 45 },
      },
    },
    {
      name: 'C also on the day shift of the 1st beside A, and nothing shows she was there: a no-show',
      overrides: { version: withSecondClerk },
      expected: { ...ON_THE_4TH, [C]: { ...ON_THE_4TH[C], rostered: 3, noShows: 1 } },
    },
    {
      name: 'the same, and she wrote in that shift’s log: she stood it (a second clerk takes no handover of her own)',
      overrides: { version: withSecondClerk, entries: [...input().entries, { kind: 'entry', shiftKey: shiftKey(day(1), D), staffId: C, at: at(day(1), '11:00') }] },
      expected: { ...ON_THE_4TH, [C]: { ...ON_THE_4TH[C], rostered: 3, stood: 3 } },
    },
    {
      name: 'another month: nothing of December counts',
      overrides: { month: '2027-01', version: null, requests: [], answers: [] },
      expected: {},
    },
  ])('$name', ({ overrides, expected }) => {
    const lines = attendanceOf(input(overrides))
    const byId = new Map(lines.map((l) => [l.staffId, l]))
    for (const [id, want] of Object.entries(expected)) expect(counts(byId.get(id)), id).toEqual({ ...ZERO, ...want })
    expect(lines.map((l) => l.staffId).sort()).toEqual(Object.keys(expected).sort())
  })

  it('keeps the roster order and names, and lists each person’s events by day', () => {
    const lines = attendanceOf(input())
    expect(lines.map((l) => l.name)).toEqual(['李娜', '赵敏', '陈静'])
    const b = lines[1]!
    expect(b.events.map((e) => [e.kind, e.date, e.minutes, e.otherId])).toEqual([
      ['late', day(1), 5, null],
      ['noShow', day(2), 0, null],
      ['reported', day(2), 0, A],
      ['wasCovered', day(5), 0, C],
      ['swapped', day(6), 0, A],
    ])
    expect(lines[2]!.events.map((e) => [e.kind, e.date, e.shiftTypeId, e.otherId])).toEqual([
      ['late', day(2), N, null],
      ['unrostered', day(2), N, null],
      ['coveredFor', day(5), N, B],
    ])
    expect(lines[0]!.events.filter((e) => e.kind === 'kept').map((e) => [e.date, e.minutes, e.otherId])).toEqual([[day(2), 30, C]])
  })

  // 篇2 4.2.8 接班人逾时未到岗接班,值班人不得离岗: the wait ends when the incoming clerk arrives, the handover's own length is no wait.
  it.each<{ arrived: string; signed: string; kept: number; minutes: number }>([
    { arrived: '19:50', signed: '20:25', kept: 0, minutes: 0 },
    { arrived: '20:00', signed: '20:15', kept: 0, minutes: 0 },
    { arrived: '20:10', signed: '20:40', kept: 1, minutes: 10 },
    { arrived: '21:00', signed: '21:05', kept: 1, minutes: 60 },
  ])('等候接班: the incoming clerk arrived at $arrived and signed at $signed — kept $kept time(s), $minutes minutes', ({ arrived, signed, kept, minutes }) => {
    const h = handover([day(1), D], [day(1), N], A, B, `${day(1)} ${arrived}`, `${day(1)} ${signed}`, `${day(1)} 20:00`, arrived > '19:45')
    const a = attendanceOf(input({ handovers: [h], entries: [], requests: [], answers: [] })).find((l) => l.staffId === A)!
    expect([a.kept, a.keptMinutes]).toEqual([kept, minutes])
    expect(a.events.filter((e) => e.kind === 'kept').map((e) => [e.minutes, e.otherId])).toEqual(kept ? [[minutes, B]] : [])
  })

  it('a 未到岗 written on the last night of the month counts in the next month, the incoming clerk’s, and not in this one', () => {
    // January: A on the day shift of the 1st. B, handing over the night of 31 December, records at 08:10 that A has not come.
    const january: Pick<RosterVersion, 'month' | 'snapshot'> = { month: '2027-01', snapshot: { shifts: VERSION.snapshot.shifts, rows: [{ staffId: A, name: '李娜', lane: 'desk', days: days({ 1: D }) }] } }
    const entries = [{ kind: 'noShow' as const, shiftKey: shiftKey(day(31), N), staffId: B, at: at('2027-01-01', '08:10') }]
    const base = { handovers: [], entries, requests: [], answers: [], now: at('2027-01-02', '00:00') }
    const reported = (lines: AttendanceLine[]) => lines.flatMap((l) => l.events.filter((e) => e.kind === 'reported').map((e) => [l.staffId, e.date, e.shiftTypeId, e.otherId]))
    expect(reported(attendanceOf(input({ ...base, month: '2027-01', version: january })))).toEqual([[A, '2027-01-01', D, B]])
    expect(reported(attendanceOf(input(base)))).toEqual([])
  })

  it('counts a shift missed once, however many times its 未到岗 was recorded', () => {
    const january: Pick<RosterVersion, 'month' | 'snapshot'> = { month: '2027-01', snapshot: { shifts: VERSION.snapshot.shifts, rows: [{ staffId: A, name: '李娜', lane: 'desk', days: days({ 1: D }) }] } }
    const noShow = (staffId: string, time: string) => ({ kind: 'noShow' as const, shiftKey: shiftKey(day(31), N), staffId, at: at('2027-01-01', time) })
    // B records it at 08:10, C (also on the night) at 08:15, and B again at 08:30.
    const entries = [noShow(B, '08:30'), noShow(C, '08:15'), noShow(B, '08:10')]
    const a = attendanceOf(input({ month: '2027-01', version: january, handovers: [], entries, requests: [], answers: [], now: at('2027-01-02', '00:00') })).find((l) => l.staffId === A)!
    expect(a.reported).toBe(1)
    expect(a.events.filter((e) => e.kind === 'reported').map((e) => e.otherId)).toEqual([B])
  })

  it('an incoming clerk who came before the shift ended keeps nobody; the last night of the month is read into the next morning', () => {
    // B waits from 08:00 until A arrives at 08:05; the handover after it, signed at 08:20, is no wait.
    const last = handover([day(31), N], [addDays(day(31), 1), D], B, A, '2027-01-01 08:05', '2027-01-01 08:20', '2027-01-01 08:00', true)
    const early = handover([day(3), D], [day(3), N], A, C, `${day(3)} 19:40`, `${day(3)} 19:59`, `${day(3)} 20:00`)
    const lines = attendanceOf(input({ handovers: [early, last], entries: [], requests: [], answers: [], now: at('2027-01-02', '00:00') }))
    const b = lines.find((l) => l.staffId === B)!
    expect([b.kept, b.keptMinutes]).toEqual([1, 5])
    expect(lines.find((l) => l.staffId === A)!.kept).toBe(0)
    // A's arrival on 1 January belongs to January's attendance, not December's.
    expect(lines.find((l) => l.staffId === A)!.stood).toBe(1)
  })
})
