import { describe, expect, it } from 'vitest'
import { awaitingHandover, dutyOnLogin, mayEndDuty, rosteredOnLogin, type ShiftSpan } from '@client/db/duty/duty-start-rules'
import { instantAt, MINUTE } from '@shared/domain/time'

const TZ = 'Asia/Shanghai'
const at = (date: string, time: string): number => instantAt(date, time, TZ)
/** The day shift 08:00–20:00 and the night shift 20:00–08:00 of 2026-11-27. */
const day: ShiftSpan = { key: 'day', startsAt: at('2026-11-27', '08:00'), endsAt: at('2026-11-27', '20:00') }
const night: ShiftSpan = { key: 'night', startsAt: at('2026-11-27', '20:00'), endsAt: at('2026-11-28', '08:00') }
const fresh = { currentHandedOver: false, previousAwaitingHandover: null, startedHere: false, othersOnDuty: true }

describe('dutyOnLogin (issue 5 point 1: a clerk starts duty by logging in; 4.3.1 arriving for the next shift)', () => {
  it.each<{ name: string; now: string; state: Parameters<typeof dutyOnLogin>[1]; lead?: number; want: ReturnType<typeof dutyOnLogin> }>([
    { name: 'in the middle of the shift: starts it', now: '12:00', state: fresh, want: { start: 'day' } },
    { name: 'at its first minute', now: '08:00', state: fresh, want: { start: 'day' } },
    { name: '30 minutes and one before the end: still starts it', now: '19:29', state: fresh, want: { start: 'day' } },
    { name: 'exactly 30 minutes before the end: comes for the next shift', now: '19:30', state: fresh, want: { takeOver: 'day' } },
    { name: '15 minutes before the end: comes for the next shift', now: '19:45', state: fresh, want: { takeOver: 'day' } },
    { name: 'near the end with nobody on the shift: nothing to take over, nothing to start', now: '19:45', state: { ...fresh, othersOnDuty: false }, want: { none: 'beforeNext' } },
    { name: 'nobody on the shift earlier in it: starts it', now: '19:29', state: { ...fresh, othersOnDuty: false }, want: { start: 'day' } },
    { name: 'a lead of 0 minutes: starts even a minute before the end', now: '19:59', state: fresh, lead: 0, want: { start: 'day' } },
    { name: 'a lead of 30: takes over from an hour before', now: '19:00', state: fresh, lead: 30, want: { takeOver: 'day' } },
    { name: 'already on this shift (logging in after the idle lock): stays on it, even near the end', now: '19:50', state: { ...fresh, startedHere: true }, want: { start: 'day' } },
    { name: 'the shift was handed over already: nothing', now: '19:55', state: { ...fresh, currentHandedOver: true }, want: { none: 'handedOver' } },
    { name: 'handed over beats started here (the outgoing clerk logging in again)', now: '19:55', state: { ...fresh, currentHandedOver: true, startedHere: true }, want: { none: 'handedOver' } },
    { name: 'the night before was not handed over: a late arrival takes over first', now: '08:20', state: { ...fresh, previousAwaitingHandover: { key: 'night-before', mine: false } }, want: { takeOver: 'night-before' } },
    { name: 'she stood the shift before and handed it over: back to end duty, not started', now: '08:20', state: { ...fresh, justHandedOver: true }, want: { none: 'handedOver' } },
    { name: 'handed over the shift before but already started this one (a double shift): stays on it', now: '08:20', state: { ...fresh, justHandedOver: true, startedHere: true }, want: { start: 'day' } },
    { name: 'the clerk’s own shift still waits for its handover', now: '08:20', state: { ...fresh, previousAwaitingHandover: { key: 'night-before', mine: true } }, want: { none: 'awaitingHandover' } },
    { name: 'a month without a roster, the next shift (the 1st) rostered to someone else: takes over off the roster', now: '19:45', state: { ...fresh, nextHasRoster: true, rosteredNext: false }, want: { takeOver: 'day', offRoster: true } },
    { name: 'a month without a roster, rostered on the next shift (the 1st): takes over', now: '19:45', state: { ...fresh, nextHasRoster: true, rosteredNext: true }, want: { takeOver: 'day' } },
  ])('$name', ({ now, state, lead, want }) => {
    expect(dutyOnLogin(day, state, at('2026-11-27', now), lead ?? 15)).toEqual(want)
  })

  it('between shifts there is nothing to start', () => {
    expect(dutyOnLogin(null, fresh, at('2026-11-27', '12:00'), 15)).toEqual({ none: 'noShift' })
  })

  it('the lead is in minutes of the shift’s own end, across midnight', () => {
    expect(dutyOnLogin(night, fresh, at('2026-11-28', '07:29'), 15)).toEqual({ start: 'night' })
    expect(dutyOnLogin(night, fresh, at('2026-11-28', '07:30'), 15)).toEqual({ takeOver: 'night' })
  })
})

describe('rosteredOnLogin (issue 13 point 4: the roster, not the login, says who is on duty)', () => {
  const calm = { currentHandedOver: false, previousAwaitingHandover: null, onCurrent: false, rosteredCurrent: false, rosteredNext: false, nextHasRoster: true, othersOnDuty: true, justHandedOver: false }
  it.each<{ name: string; now: string; state: Parameters<typeof rosteredOnLogin>[1]; want: ReturnType<typeof rosteredOnLogin> }>([
    { name: 'not rostered, mid-shift: nothing (she only registers a request)', now: '15:00', state: calm, want: { none: 'notRostered' } },
    { name: 'rostered now: on it', now: '12:00', state: { ...calm, onCurrent: true, rosteredCurrent: true }, want: { rostered: 'day' } },
    { name: 'took the shift over though not rostered: on it', now: '12:00', state: { ...calm, onCurrent: true }, want: { rostered: 'day' } },
    { name: 'rostered next, 30 minutes before the end: takes over', now: '19:30', state: { ...calm, rosteredNext: true }, want: { takeOver: 'day' } },
    { name: 'rostered next, 31 minutes before: not yet on duty', now: '19:29', state: { ...calm, rosteredNext: true }, want: { none: 'notRostered' } },
    { name: 'not rostered next, near the end: may cover (非排班接班)', now: '19:45', state: calm, want: { takeOver: 'day', offRoster: true } },
    { name: 'near the end, nobody on the shift: nothing to take over', now: '19:45', state: { ...calm, rosteredNext: true, othersOnDuty: false }, want: { none: 'beforeNext' } },
    { name: 'the next shift’s month has no roster (the last night of a month): whoever comes takes over', now: '19:45', state: { ...calm, nextHasRoster: false }, want: { takeOver: 'day' } },
    { name: 'handed over the shift before, back mid-morning: nothing', now: '08:20', state: { ...calm, justHandedOver: true }, want: { none: 'handedOver' } },
    { name: 'handed over the night before and rostered tonight, near the end: takes over', now: '19:45', state: { ...calm, justHandedOver: true, rosteredNext: true }, want: { takeOver: 'day' } },
    { name: 'the night before waits, rostered now: a late arrival takes over', now: '08:20', state: { ...calm, rosteredCurrent: true, onCurrent: true, previousAwaitingHandover: { key: 'night-before', mine: false } }, want: { takeOver: 'night-before' } },
    { name: 'the night before waits, not rostered now: may cover', now: '08:20', state: { ...calm, previousAwaitingHandover: { key: 'night-before', mine: false } }, want: { takeOver: 'night-before', offRoster: true } },
    { name: 'her own night waits: she waits (篇2 4.2.8)', now: '08:20', state: { ...calm, previousAwaitingHandover: { key: 'night-before', mine: true } }, want: { none: 'awaitingHandover' } },
    { name: 'the shift now already handed over: nothing', now: '19:55', state: { ...calm, onCurrent: true, currentHandedOver: true }, want: { none: 'handedOver' } },
  ])('$name', ({ now, state, want }) => {
    expect(rosteredOnLogin(day, state, at('2026-11-27', now), 15)).toEqual(want)
  })

  it('between shifts: nothing', () => {
    expect(rosteredOnLogin(null, calm, at('2026-11-27', '12:00'), 15)).toEqual({ none: 'noShift' })
  })
})

describe('awaitingHandover / mayEndDuty (4.2.8: not before the incoming clerk has signed)', () => {
  const none = (): boolean => false
  const only = (...keys: string[]) => (key: string): boolean => keys.includes(key)

  it.each<{ name: string; started: ShiftSpan[]; handed: (key: string) => boolean; now: number; waiting: string | null; end: 'ok' | 'awaitingHandover' | 'shiftRunning' }>([
    { name: 'during the shift: not waiting, but cannot end duty yet', started: [day], handed: none, now: at('2026-11-27', '19:59'), waiting: null, end: 'shiftRunning' },
    { name: 'the shift ended a millisecond ago, not handed over: waiting', started: [day], handed: none, now: day.endsAt, waiting: 'day', end: 'awaitingHandover' },
    { name: 'hours after, still not handed over: still waiting', started: [day], handed: none, now: day.endsAt + 300 * MINUTE, waiting: 'day', end: 'awaitingHandover' },
    { name: 'handed over before the end: may go', started: [day], handed: only('day'), now: at('2026-11-27', '19:50'), waiting: null, end: 'ok' },
    { name: 'handed over after the end: may go', started: [day], handed: only('day'), now: day.endsAt + MINUTE, waiting: null, end: 'ok' },
    { name: 'two shifts in a row, the first handed over, the second not: waits for the second', started: [day, night], handed: only('day'), now: night.endsAt, waiting: 'night', end: 'awaitingHandover' },
    { name: 'two shifts, neither handed over: the latest is the one to hand over', started: [night, day], handed: none, now: night.endsAt + MINUTE, waiting: 'night', end: 'awaitingHandover' },
    { name: 'nothing started: may go', started: [], handed: none, now: day.endsAt, waiting: null, end: 'ok' },
  ])('$name', ({ started, handed, now, waiting, end }) => {
    expect(awaitingHandover(started, handed, now)?.key ?? null).toBe(waiting)
    const result = mayEndDuty(started, handed, now)
    expect(result.ok ? 'ok' : result.reason).toBe(end)
  })
})
