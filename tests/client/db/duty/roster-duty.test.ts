/**
 * Who is on duty once the month's roster is approved (issue 13 point 4): the roster, not the login, says
 * who stands a shift; a clerk who is not rostered and takes over is recorded as 非排班接班; without an
 * approved roster everything reads as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { shiftKey } from '@shared/domain/duty-log'
import type { DeskbookDb } from '@client/db/database'
import { dutyState, expectedIncoming, loginDutyOf, previousAwaiting, rosteredOn, startDutyOnLogin, startedBy } from '@client/db/duty/duty-start'
import { inspectionDuty, shiftDuty } from '@client/db/roster/roster-duty'
import { freshDb } from '../../../factories/db'
import { at, TZ } from '../../../factories/duty'
import { makeDutyStart, makeHandover } from '../../../factories/duty-seed'
import { seedRosterSite, type RosterSite } from '../../../factories/roster-site'
import { approveRoster, usualMonth } from '../../../factories/roster-duty'

const LEAD = 15
const D = '2026-12-10'
const BEFORE = at('2026-11-21', '09:00')

let db: DeskbookDb
let s: RosterSite
let dayKey: string
let lastNightKey: string
let nightKey: string
beforeEach(async () => {
  db = freshDb()
  s = await seedRosterSite(db)
  dayKey = shiftKey(D, s.day)
  lastNightKey = shiftKey('2026-12-09', s.night)
  nightKey = shiftKey(D, s.night)
  await approveRoster(db, s, '2026-12', usualMonth(s, '2026-12', ['2026-12-01', '2026-12-02']), BEFORE)
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const shifts = async () => db.shiftTypes.toArray()
const state = async (now: number) => dutyState(db, s.siteId, await shifts(), TZ, now)
const loginAs = async (who: keyof RosterSite['staff'], now: number) => startDutyOnLogin(db, s.actor(who), s.staff[who].role, await shifts(), TZ, LEAD, now)
const dutyStarts = () => db.dutyEntries.filter((e) => e.kind === 'dutyStart').toArray()

async function handedOver(from: string, to: string, outgoing: keyof RosterSite['staff'], incoming: keyof RosterSite['staff'], shiftStartsAt: number): Promise<void> {
  const { handover, signatures } = makeHandover(s.siteId, { fromShiftKey: from, toShiftKey: to, outgoingId: s.staff[outgoing].id, incomingId: s.staff[incoming].id, outgoingName: s.staff[outgoing].name, incomingName: s.staff[incoming].name, shiftStartsAt })
  await db.handovers.put(handover)
  await db.signatures.bulkPut(signatures)
}

describe('dutyState with an approved roster', () => {
  it('has the rostered clerks on the shifts before, now and next, whoever logged in', async () => {
    // The colleague logged in at 15:00 on another tablet before the roster reached it: a start of duty in the log.
    await db.dutyEntries.put(makeDutyStart(s.siteId, dayKey, s.staff.colleague.id, at(D, '15:00')))
    const st = await state(at(D, '15:05'))
    expect([st.previous?.key, st.current?.key, st.next?.key]).toEqual([lastNightKey, dayKey, nightKey])
    expect([...st.onDuty.get(dayKey)!]).toEqual([s.staff.clerk.id])
    expect(rosteredOn(st, dayKey)).toEqual([s.staff.clerk.id])
    expect(expectedIncoming(st, dayKey)).toEqual([s.staff.colleague.id])
    // The shifts she stands by the roster: the night before and tonight, not the day she logged in on.
    expect(startedBy(st, s.staff.colleague.id, await shifts(), TZ).map((x) => x.key).sort()).toEqual([lastNightKey, nightKey].sort())
  })

  it('adds whoever took the shift over at the handover though not rostered', async () => {
    await handedOver(lastNightKey, dayKey, 'colleague', 'administrator', at(D, '08:00'))
    const st = await state(at(D, '09:00'))
    expect([...st.onDuty.get(dayKey)!].sort()).toEqual([s.staff.clerk.id, s.staff.administrator.id].sort())
    expect(previousAwaiting(st)).toBeNull()
  })

  it('keeps the rostered outgoing clerk waiting for the handover once the shift is over (篇2 4.2.8)', async () => {
    const st = await state(at(D, '08:10'))
    expect(previousAwaiting(st)?.key).toBe(lastNightKey)
    expect(expectedIncoming(st, lastNightKey)).toEqual([s.staff.clerk.id])
  })
})

describe('logging in with an approved roster writes no start of duty', () => {
  it.each<{ name: string; who: keyof RosterSite['staff']; time: string; handed?: boolean; want: object }>([
    { name: 'the night clerk at 15:00 (to register a request), her night handed over: not on duty', who: 'colleague', time: '15:00', handed: true, want: { none: 'handedOver' } },
    { name: 'someone not rostered today at 15:00: not on duty', who: 'administrator', time: '15:00', handed: true, want: { none: 'notRostered' } },
    { name: 'the rostered clerk mid-shift: on it by the roster', who: 'clerk', time: '12:00', handed: true, want: { rostered: 'day' } },
    { name: 'the clerk rostered on the next shift, 15 minutes before it: takes over', who: 'colleague', time: '19:45', handed: true, want: { takeOver: 'day' } },
    { name: 'anyone else near the end: may take over, not rostered', who: 'administrator', time: '19:45', handed: true, want: { takeOver: 'day', offRoster: true } },
    { name: 'the rostered clerk while the night before waits: a late arrival takes over', who: 'clerk', time: '08:20', want: { takeOver: 'lastNight' } },
    { name: 'the outgoing night clerk while the night waits: keeps waiting', who: 'colleague', time: '08:20', want: { none: 'awaitingHandover' } },
    { name: 'the night clerk after handing over: back to end duty', who: 'colleague', time: '08:20', handed: true, want: { none: 'handedOver' } },
  ])('$name', async ({ who, time, handed, want }) => {
    if (handed) await handedOver(lastNightKey, dayKey, 'colleague', 'clerk', at(D, '08:00'))
    const keys: Record<string, string> = { day: dayKey, lastNight: lastNightKey }
    const expected = Object.fromEntries(Object.entries(want).map(([k, v]) => [k, typeof v === 'string' && keys[v] ? keys[v] : v]))
    const role = s.staff[who].role
    // The administrator's login is read the way the today screen reads it (they never start duty by login).
    const duty = role === 'assistant' ? await loginAs(who, at(D, time)) : loginDutyOf(await state(at(D, time)), s.staff[who].id, at(D, time), LEAD)
    expect(duty).toEqual(expected)
    expect(await dutyStarts()).toEqual([])
  })

  it('without an approved roster for the month (November): logging in starts duty, as before', async () => {
    const duty = await loginAs('colleague', at('2026-11-25', '15:00'))
    expect(duty).toEqual({ start: shiftKey('2026-11-25', s.day) })
    expect((await dutyStarts()).map((e) => [e.shiftKey, e.staffId])).toEqual([[shiftKey('2026-11-25', s.day), s.staff.colleague.id]])
  })
})

describe('at a month’s end, when only one of the two months has an approved roster', () => {
  it('the last night of December, January without a roster: whoever comes for the 1st takes over, not as 非排班接班', async () => {
    // Li Na handed the day of the 31st over to the night clerk; she comes back for the day of the 1st.
    await handedOver(shiftKey('2026-12-31', s.day), shiftKey('2026-12-31', s.night), 'clerk', 'colleague', at('2026-12-31', '20:00'))
    const jan1 = at('2027-01-01', '07:45')
    expect(await loginAs('clerk', jan1)).toEqual({ takeOver: shiftKey('2026-12-31', s.night) })
    expect(loginDutyOf(await state(jan1), s.staff.administrator.id, jan1, LEAD)).toEqual({ takeOver: shiftKey('2026-12-31', s.night) })
    expect(await dutyStarts()).toEqual([])
  })

  it('the last night of November without a roster, December approved: the clerk rostered on the 1st takes over, anyone else off the roster', async () => {
    const nov30 = shiftKey('2026-11-30', s.night)
    await db.dutyEntries.put(makeDutyStart(s.siteId, nov30, s.staff.clerk.id, at('2026-11-30', '20:00')))
    const dec1 = at('2026-12-01', '07:45')
    // The administrator is rostered on the day of the 1st; the colleague stands nights.
    expect(loginDutyOf(await state(dec1), s.staff.administrator.id, dec1, LEAD)).toEqual({ takeOver: nov30 })
    expect(await loginAs('colleague', dec1)).toEqual({ takeOver: nov30, offRoster: true })
  })
})

describe('shiftDuty', () => {
  it('names the rostered clerks and a clerk not rostered who took over (非排班接班), not one who only logged in', async () => {
    await db.dutyEntries.put(makeDutyStart(s.siteId, dayKey, s.staff.colleague.id, at(D, '15:00')))
    expect(await shiftDuty(db, s.siteId, dayKey)).toMatchObject({ roster: { rostered: true, version: { number: 1 } }, people: [{ staffId: s.staff.clerk.id, offRoster: false }] })
    await handedOver(lastNightKey, dayKey, 'colleague', 'administrator', at(D, '08:00'))
    expect((await shiftDuty(db, s.siteId, dayKey)).people).toEqual([
      { staffId: s.staff.clerk.id, offRoster: false },
      { staffId: s.staff.administrator.id, offRoster: true },
    ])
  })

  it('without a roster: who started duty, and says it is not rostered', async () => {
    const key = shiftKey('2026-11-25', s.day)
    await db.dutyEntries.put(makeDutyStart(s.siteId, key, s.staff.colleague.id, at('2026-11-25', '15:00')))
    expect(await shiftDuty(db, s.siteId, key)).toMatchObject({ roster: { rostered: false }, people: [{ staffId: s.staff.colleague.id, offRoster: false }] })
  })
})

describe('inspectionDuty (篇2 4.4.4 with the roster)', () => {
  it('owes the administrator the rostered desk days of a month with a roster, every day of a month without one; and says when those shifts run', async () => {
    const week = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']
    const { owed, spans } = await inspectionDuty(db, s.siteId, [s.staff.administrator.id], week, TZ)
    expect([...owed.get(s.staff.administrator.id)!]).toEqual(['2026-11-30', '2026-12-01', '2026-12-02'])
    expect(spans.get(s.staff.administrator.id)).toEqual(['2026-12-01', '2026-12-02'].map((d) => ({ date: d, startsAt: at(d, '08:00'), endsAt: at(d, '20:00') })))
  })
})
