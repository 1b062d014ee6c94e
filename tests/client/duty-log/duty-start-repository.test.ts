import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { LoginDuty } from '@client/db/duty/duty-start-rules'
import type { Role } from '@shared/domain/role'
import { addDays } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'
import { dutyState, loginDutyOf, previousAwaiting, startDutyOnLogin, startedBy } from '@client/db/duty/duty-start'
import { freshDb } from '../../factories/db'
import { makeActor } from '../../factories/site'
import { makeDutyStart, makeEntry, makeHandover } from '../../factories/duty-seed'
import { at, dayAndNight, keyOf, TZ } from '../../factories/duty'

const LEAD = 15
const D = '2026-11-27'
const YESTERDAY = addDays(D, -1)
const siteId = newId()
const { day, night, shifts } = dayAndNight(siteId)
const DAY_KEY = keyOf(day, D)
const NIGHT_KEY = keyOf(night, D)
const LAST_NIGHT_KEY = keyOf(night, YESTERDAY)
const daySpan = { key: DAY_KEY, startsAt: at(D, '08:00'), endsAt: at(D, '20:00') }
const lastNightSpan = { key: LAST_NIGHT_KEY, startsAt: at(YESTERDAY, '20:00'), endsAt: at(D, '08:00') }

const device = makeActor({ siteId }).deviceId
const clerk = { siteId, deviceId: device, staffId: newId() }
const colleague = newId()

let db: DeskbookDb
beforeEach(() => {
  db = freshDb()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

/** `staffId` started duty on the shift at `when` (as pulled from another tablet: no outbox entry here). */
async function started(key: string, staffId: string, when: number, site = siteId): Promise<void> {
  await db.dutyEntries.put(makeDutyStart(site, key, staffId, when))
}

async function handedOver(from: string, to: string, outgoingId: string, incomingId: string, shiftStartsAt: number): Promise<void> {
  const { handover, signatures } = makeHandover(siteId, { fromShiftKey: from, toShiftKey: to, outgoingId, incomingId, outgoingName: '王芳', incomingName: '李娜', shiftStartsAt })
  await db.handovers.put(handover)
  await db.signatures.bulkPut(signatures)
}

const login = (now: number, role: Role = 'assistant'): Promise<LoginDuty> => startDutyOnLogin(db, clerk, role, shifts, TZ, LEAD, now)

describe('dutyState', () => {
  it('reads the shifts now and before, who started duty on each, and which are handed over', async () => {
    await started(LAST_NIGHT_KEY, colleague, at(YESTERDAY, '19:55'))
    await handedOver(LAST_NIGHT_KEY, DAY_KEY, colleague, clerk.staffId, at(D, '08:00'))
    await started(DAY_KEY, clerk.staffId, at(D, '07:50'))
    await started(DAY_KEY, colleague, at(D, '09:00'))
    // Not a start of duty, another site's start, and a start older than two days: none counts.
    await db.dutyEntries.put(makeEntry(siteId, { shiftKey: DAY_KEY, at: at(D, '09:30'), staffId: newId() }))
    await started(DAY_KEY, newId(), at(D, '09:00'), newId())
    await started(keyOf(day, addDays(D, -3)), newId(), at(addDays(D, -3), '08:00'))

    const state = await dutyState(db, siteId, shifts, TZ, at(D, '10:00'))
    expect(state.current).toEqual(daySpan)
    expect(state.previous).toEqual(lastNightSpan)
    expect(state.onDuty).toEqual(
      new Map([
        [LAST_NIGHT_KEY, new Set([colleague])],
        [DAY_KEY, new Set([clerk.staffId, colleague])],
      ]),
    )
    expect(state.handedOver).toEqual(new Set([LAST_NIGHT_KEY]))
  })

  it('has no current shift when the site has none on at that time', async () => {
    const state = await dutyState(db, siteId, [day], TZ, at(D, '21:00'))
    expect(state.current).toBeNull()
    expect(state.previous).toEqual(daySpan)
  })

  it('startedBy gives the spans of the shifts a person started (a shift whose type is gone is left out)', async () => {
    await started(LAST_NIGHT_KEY, clerk.staffId, at(YESTERDAY, '20:00'))
    await started(DAY_KEY, clerk.staffId, at(D, '08:00'))
    await started(keyOf({ id: newId() }, D), clerk.staffId, at(D, '08:00'))
    await started(NIGHT_KEY, colleague, at(D, '19:50'))
    const state = await dutyState(db, siteId, shifts, TZ, at(D, '19:55'))
    expect(startedBy(state, clerk.staffId, shifts, TZ).sort((a, b) => a.startsAt - b.startsAt)).toEqual([lastNightSpan, daySpan])
    expect(startedBy(state, colleague, shifts, TZ)).toEqual([{ key: NIGHT_KEY, startsAt: at(D, '20:00'), endsAt: at(addDays(D, 1), '08:00') }])
    expect(startedBy(state, newId(), shifts, TZ)).toEqual([])
  })

  it('previousAwaiting: the shift before, when someone stood it and nobody handed it over', async () => {
    const now = at(D, '09:00')
    expect(previousAwaiting(await dutyState(db, siteId, shifts, TZ, now))).toBeNull()
    await started(LAST_NIGHT_KEY, colleague, at(YESTERDAY, '20:00'))
    expect(previousAwaiting(await dutyState(db, siteId, shifts, TZ, now))).toEqual(lastNightSpan)
    await handedOver(LAST_NIGHT_KEY, DAY_KEY, colleague, clerk.staffId, at(D, '08:00'))
    expect(previousAwaiting(await dutyState(db, siteId, shifts, TZ, now))).toBeNull()
  })
})

describe('loginDutyOf', () => {
  interface Case {
    name: string
    seed: () => Promise<void>
    now: number
    want: LoginDuty
  }
  const cases: Case[] = [
    { name: 'mid-shift, nobody on it: start it', seed: async () => {}, now: at(D, '10:00'), want: { start: DAY_KEY } },
    { name: 'mid-shift, a colleague on it: start it too', seed: () => started(DAY_KEY, colleague, at(D, '08:00')), now: at(D, '10:00'), want: { start: DAY_KEY } },
    { name: 'already started: start again (nothing new)', seed: () => started(DAY_KEY, clerk.staffId, at(D, '08:00')), now: at(D, '19:50'), want: { start: DAY_KEY } },
    { name: '31 minutes before the end with a colleague on duty: start', seed: () => started(DAY_KEY, colleague, at(D, '08:00')), now: at(D, '19:29'), want: { start: DAY_KEY } },
    { name: 'exactly 30 minutes before the end with a colleague on duty: take over', seed: () => started(DAY_KEY, colleague, at(D, '08:00')), now: at(D, '19:30'), want: { takeOver: DAY_KEY } },
    { name: 'within 30 minutes of the end with a colleague on duty: take over', seed: () => started(DAY_KEY, colleague, at(D, '08:00')), now: at(D, '19:45'), want: { takeOver: DAY_KEY } },
    { name: 'within 30 minutes of the end with nobody on duty: nothing yet', seed: async () => {}, now: at(D, '19:45'), want: { none: 'beforeNext' } },
    { name: 'the shift before stood and not handed over: take it over (late arrival)', seed: () => started(LAST_NIGHT_KEY, colleague, at(YESTERDAY, '20:00')), now: at(D, '08:40'), want: { takeOver: LAST_NIGHT_KEY } },
    { name: 'the shift before was mine and is not handed over: wait for the handover', seed: () => started(LAST_NIGHT_KEY, clerk.staffId, at(YESTERDAY, '20:00')), now: at(D, '08:40'), want: { none: 'awaitingHandover' } },
    {
      name: 'the shift before handed over: start the current one',
      seed: async () => {
        await started(LAST_NIGHT_KEY, colleague, at(YESTERDAY, '20:00'))
        await handedOver(LAST_NIGHT_KEY, DAY_KEY, colleague, newId(), at(D, '08:00'))
      },
      now: at(D, '08:40'),
      want: { start: DAY_KEY },
    },
    { name: 'the current shift already handed over: nothing', seed: () => handedOver(DAY_KEY, NIGHT_KEY, colleague, newId(), at(D, '20:00')), now: at(D, '19:55'), want: { none: 'handedOver' } },
  ]

  it.each(cases)('$name', async ({ seed, now, want }) => {
    await seed()
    expect(loginDutyOf(await dutyState(db, siteId, shifts, TZ, now), clerk.staffId, now, LEAD)).toEqual(want)
  })

  it('with no shift on: nothing', async () => {
    const now = at(D, '21:00')
    expect(loginDutyOf(await dutyState(db, siteId, [day], TZ, now), clerk.staffId, now, LEAD)).toEqual({ none: 'noShift' })
  })
})

describe('startDutyOnLogin', () => {
  it('an assistant logging in mid-shift starts it: one dutyStart and one outbox entry', async () => {
    expect(await login(at(D, '10:00'))).toEqual({ start: DAY_KEY })
    const [entry, ...more] = await db.dutyEntries.toArray()
    expect(more).toEqual([])
    expect(entry).toMatchObject({ kind: 'dutyStart', shiftKey: DAY_KEY, staffId: clerk.staffId, siteId, at: at(D, '10:00') })
    expect((await db.outbox.toArray()).map((m) => [m.name, m.recordId, m.staffId])).toEqual([['dutyEntry.add', entry!.id, clerk.staffId]])
  })

  it('logging in again (after the idle lock) writes nothing more', async () => {
    await login(at(D, '10:00'))
    expect(await login(at(D, '11:30'))).toEqual({ start: DAY_KEY })
    expect(await login(at(D, '19:50'))).toEqual({ start: DAY_KEY })
    expect(await db.dutyEntries.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
  })

  it.each<[Role]>([['administrator'], ['supervisor'], ['manager']])('a %s logging in is not started', async (role) => {
    expect(await login(at(D, '10:00'), role)).toEqual({ none: 'noShift' })
    expect(await db.dutyEntries.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it.each<[string, () => Promise<void>, number, LoginDuty]>([
    ['within 30 minutes of the end with a colleague on duty', () => started(DAY_KEY, colleague, at(D, '08:00')), at(D, '19:40'), { takeOver: DAY_KEY }],
    ['within 30 minutes of the end with nobody on duty', async () => {}, at(D, '19:40'), { none: 'beforeNext' }],
    ['a previous shift someone stood and nobody handed over', () => started(LAST_NIGHT_KEY, colleague, at(YESTERDAY, '20:00')), at(D, '08:20'), { takeOver: LAST_NIGHT_KEY }],
    ['my own previous shift not handed over yet', () => started(LAST_NIGHT_KEY, clerk.staffId, at(YESTERDAY, '20:00')), at(D, '08:20'), { none: 'awaitingHandover' }],
    ['the shift now already handed over', () => handedOver(DAY_KEY, NIGHT_KEY, colleague, newId(), at(D, '20:00')), at(D, '19:58'), { none: 'handedOver' }],
    [
      'my previous shift handed over: I log in to end duty, not to stand the next',
      async () => {
        await started(LAST_NIGHT_KEY, clerk.staffId, at(YESTERDAY, '20:00'))
        await handedOver(LAST_NIGHT_KEY, DAY_KEY, clerk.staffId, colleague, at(D, '08:00'))
      },
      at(D, '08:20'),
      { none: 'handedOver' },
    ],
  ])('%s: writes nothing', async (_, seed, now, want) => {
    await seed()
    const before = await db.dutyEntries.count()
    expect(await login(now)).toEqual(want)
    expect(await db.dutyEntries.count()).toBe(before)
    expect(await db.outbox.count()).toBe(0)
  })

  it('with no shift on at the site: nothing written', async () => {
    expect(await startDutyOnLogin(db, clerk, 'assistant', [day], TZ, LEAD, at(D, '21:00'))).toEqual({ none: 'noShift' })
    expect(await db.dutyEntries.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('the state reads the start back: the clerk is on the shift now', async () => {
    await login(at(D, '10:00'))
    const state = await dutyState(db, siteId, shifts, TZ, at(D, '10:05'))
    expect(state.onDuty.get(DAY_KEY)).toEqual(new Set([clerk.staffId]))
    expect(startedBy(state, clerk.staffId, shifts, TZ)).toEqual([daySpan])
  })
})
