import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { escalatedEntries } from '@shared/domain/duty-log'
import type { Role } from '@shared/domain/role'
import { HOUR, MINUTE } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'
import { addDutyEntry, dayNotesOf, loadShiftLog, type DutyEntryInput, hasStartedDuty, pinDayNote, recordNoShow, startDuty } from '@client/db/duty/duty-log'
import { RecordInvalidError } from '@client/db/errors'
import { freshDb } from '../../factories/db'
import { makeActor } from '../../factories/site'
import { makeHandover } from '../../factories/duty-seed'
import { at, dayAndNight, keyOf, makeDutyEntryInput } from '../../factories/duty'

const DATE = '2026-11-27'
const { day, night } = dayAndNight(newId())
const DAY_KEY = keyOf(day, DATE)
const NIGHT_KEY = keyOf(night, DATE)
/** 10:00 on the day shift. */
const T0 = at(DATE, '10:00')

let db: DeskbookDb
const actor = { ...makeActor(), staffId: newId() }
beforeEach(() => {
  db = freshDb()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

/** The problems a refused write carries. */
async function refused(write: Promise<unknown>): Promise<string[]> {
  const e = await write.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(RecordInvalidError)
  return (e as RecordInvalidError<string>).problems
}

/** The day shift handed over to the night shift at 19:50; its id. */
async function handDayOver(): Promise<string> {
  const { handover, signatures } = makeHandover(actor.siteId, {
    fromShiftKey: DAY_KEY,
    toShiftKey: NIGHT_KEY,
    outgoingId: actor.staffId,
    incomingId: newId(),
    outgoingName: '李娜',
    incomingName: '王芳',
    shiftStartsAt: at(DATE, '20:00'),
  })
  await db.handovers.put(handover)
  await db.signatures.bulkPut(signatures)
  return handover.id
}

async function nothingWritten(): Promise<void> {
  expect(await db.dutyEntries.count()).toBe(0)
  expect(await db.outbox.count()).toBe(0)
}

describe('addDutyEntry', () => {
  it('appends the entry, trimmed, with its outbox entry', async () => {
    const e = await addDutyEntry(db, actor, 'assistant', makeDutyEntryInput(DAY_KEY, T0, { content: ' 3栋电梯困人 ', action: ' 已联系维保 ', notified: ' 王工 ', paperRef: ' 纸-1 ' }), T0 + MINUTE)
    expect(await db.dutyEntries.get(e.id)).toEqual({ ...makeDutyEntryInput(DAY_KEY, T0), id: e.id, siteId: actor.siteId, staffId: actor.staffId, content: '3栋电梯困人', action: '已联系维保', notified: '王工', paperRef: '纸-1', createdAt: T0 + MINUTE })
    const [entry, ...more] = await db.outbox.toArray()
    expect(more).toEqual([])
    expect(entry).toMatchObject({ name: 'dutyEntry.add', version: 1, table: 'dutyEntries', recordId: e.id, staffId: actor.staffId, siteId: actor.siteId, createdAt: T0 + MINUTE, fields: { content: '3栋电梯困人', shiftKey: DAY_KEY } })
  })

  it('refuses with logLocked once the shift is handed over, and writes nothing', async () => {
    await handDayOver()
    expect(await refused(addDutyEntry(db, actor, 'assistant', makeDutyEntryInput(DAY_KEY, at(DATE, '19:55')), at(DATE, '20:05')))).toEqual(['logLocked'])
    await nothingWritten()
    // The next shift's log stays open.
    await addDutyEntry(db, actor, 'assistant', makeDutyEntryInput(NIGHT_KEY, at(DATE, '20:05')), at(DATE, '20:05'))
    expect(await db.dutyEntries.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
  })

  it('takes a correction of an entry of the locked log, naming the handover, beside the entry as signed (issue 10 point 3)', async () => {
    const signed = await addDutyEntry(db, actor, 'assistant', makeDutyEntryInput(DAY_KEY, T0, { followUp: true }), T0)
    const handoverId = await handDayOver()
    const fix = makeDutyEntryInput(DAY_KEY, T0, { followUp: true, correctsId: signed.id, content: '3栋2号电梯困人', afterHandoverId: handoverId })
    const colleague = { ...actor, staffId: newId() }
    const late = await addDutyEntry(db, colleague, 'administrator', fix, at('2026-11-28', '09:10'))
    expect(await db.dutyEntries.get(late.id)).toMatchObject({ correctsId: signed.id, afterHandoverId: handoverId, staffId: colleague.staffId, createdAt: at('2026-11-28', '09:10') })
    expect(await db.dutyEntries.get(signed.id)).toEqual(signed)
    expect((await db.outbox.toArray()).map((m) => m.recordId)).toEqual([signed.id, late.id])
    const log = await loadShiftLog(db, actor.siteId, DAY_KEY, { startsAt: at(DATE, '08:00'), endsAt: at(DATE, '20:00') })
    expect(log).toMatchObject({ locked: true, handover: { id: handoverId } })
  })

  it.each<[string, (signedId: string, handoverId: string) => Partial<DutyEntryInput>]>([
    ['a new entry naming the handover', (_, h) => ({ afterHandoverId: h })],
    ['a correction made as on an open log', (id) => ({ correctsId: id, followUp: true })],
    ['a correction dropping the follow-up handed over', (id, h) => ({ correctsId: id, followUp: false, afterHandoverId: h })],
    ['the follow-up’s result', (id, h) => ({ correctsId: id, resolvesFollowUp: true, afterHandoverId: h })],
  ])('refuses %s on the locked log with logLocked and writes nothing', async (_, change) => {
    const signed = await addDutyEntry(db, actor, 'assistant', makeDutyEntryInput(DAY_KEY, T0, { followUp: true }), T0)
    const handoverId = await handDayOver()
    expect(await refused(addDutyEntry(db, actor, 'assistant', makeDutyEntryInput(DAY_KEY, T0, change(signed.id, handoverId)), at(DATE, '20:05')))).toEqual(['logLocked'])
    expect(await db.dutyEntries.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
  })

  it.each<[Role]>([['manager'], ['department'], ['admin']])('refuses %s, who may not write the duty log, with notAllowed and writes nothing', async (role) => {
    expect(await refused(addDutyEntry(db, actor, role, makeDutyEntryInput(DAY_KEY, T0), T0))).toEqual(['notAllowed'])
    await nothingWritten()
  })

  it.each<[Role]>([['assistant'], ['administrator'], ['supervisor']])('lets %s write the duty log', async (role) => {
    await addDutyEntry(db, actor, role, makeDutyEntryInput(DAY_KEY, T0), T0)
    expect(await db.dutyEntries.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
  })

  it.each<[string, Partial<Parameters<typeof makeDutyEntryInput>[2]>, string[]]>([
    ['an entry without content', { content: '  ' }, ['contentRequired']],
    ['closing a follow-up without naming it', { resolvesFollowUp: true }, ['correctsRequired']],
    ['an entry more than an hour ahead', { at: T0 + HOUR + MINUTE }, ['atInFuture']],
  ])('refuses %s and writes nothing', async (_, overrides, problems) => {
    expect(await refused(addDutyEntry(db, actor, 'assistant', makeDutyEntryInput(DAY_KEY, T0, overrides), T0))).toEqual(problems)
    await nothingWritten()
  })

  it('reports every problem at once: content and role', async () => {
    expect(await refused(addDutyEntry(db, actor, 'manager', makeDutyEntryInput(DAY_KEY, T0, { content: '' }), T0))).toEqual(['contentRequired', 'notAllowed'])
  })
})

describe('startDuty', () => {
  it('writes one dutyStart per shift and person: a second start writes nothing', async () => {
    const first = await startDuty(db, actor, 'assistant', DAY_KEY, T0)
    expect(first).toMatchObject({ kind: 'dutyStart', shiftKey: DAY_KEY, staffId: actor.staffId, at: T0, source: 'system', content: '' })
    expect(await startDuty(db, actor, 'assistant', DAY_KEY, T0 + HOUR)).toBeNull()
    expect(await db.dutyEntries.toArray()).toEqual([first])
    expect((await db.outbox.toArray()).map((m) => [m.name, m.recordId])).toEqual([['dutyEntry.add', first!.id]])
    expect(await hasStartedDuty(db, DAY_KEY, actor.staffId)).toBe(true)
  })

  it('starts each person and each shift on its own', async () => {
    const colleague = { ...actor, staffId: newId() }
    await startDuty(db, actor, 'assistant', DAY_KEY, T0)
    await startDuty(db, colleague, 'assistant', DAY_KEY, T0)
    await startDuty(db, actor, 'assistant', NIGHT_KEY, at(DATE, '20:00'))
    expect(await db.dutyEntries.count()).toBe(3)
    expect(await db.outbox.count()).toBe(3)
    expect(await hasStartedDuty(db, NIGHT_KEY, colleague.staffId)).toBe(false)
  })

  it('is refused on a shift already handed over', async () => {
    await handDayOver()
    expect(await refused(startDuty(db, actor, 'assistant', DAY_KEY, at(DATE, '20:05')))).toEqual(['logLocked'])
    await nothingWritten()
  })
})

describe('recordNoShow', () => {
  it('records the no-show, escalated to the supervisor, with its outbox entry (4.2.7–4.2.8)', async () => {
    const e = await recordNoShow(db, actor, 'assistant', DAY_KEY, ' 接班人王芳未到岗,已电话联系 ', at(DATE, '20:10'))
    expect(await db.dutyEntries.get(e.id)).toMatchObject({ kind: 'noShow', escalation: 'supervisor', content: '接班人王芳未到岗,已电话联系', shiftKey: DAY_KEY, staffId: actor.staffId, at: at(DATE, '20:10') })
    expect(escalatedEntries(await db.dutyEntries.toArray(), 'supervisor').map((x) => x.id)).toEqual([e.id])
    expect((await db.outbox.toArray()).map((m) => [m.name, m.recordId])).toEqual([['dutyEntry.add', e.id]])
  })

  it('is refused for a role without dutyLog.write', async () => {
    expect(await refused(recordNoShow(db, actor, 'manager', DAY_KEY, '未到岗', T0))).toEqual(['notAllowed'])
    await nothingWritten()
  })
})

describe('pinDayNote', () => {
  it.each<[Role]>([['administrator'], ['supervisor']])('lets %s pin a note for the day, trimmed, with its outbox entry (4.4.4)', async (role) => {
    const note = await pinDayNote(db, actor, role, DATE, ' 今日停水 9:00–12:00 ', T0)
    expect(await db.dayNotes.get(note.id)).toEqual({ id: note.id, siteId: actor.siteId, date: DATE, text: '今日停水 9:00–12:00', staffId: actor.staffId, at: T0 })
    expect((await db.outbox.toArray()).map((m) => [m.name, m.table, m.recordId])).toEqual([['dayNote.add', 'dayNotes', note.id]])
  })

  it.each<[Role]>([['assistant'], ['manager'], ['department'], ['admin']])('refuses %s with notAllowed and writes nothing', async (role) => {
    expect(await refused(pinDayNote(db, actor, role, DATE, '今日停水', T0))).toEqual(['notAllowed'])
    expect(await db.dayNotes.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('refuses an empty note with textRequired', async () => {
    expect(await refused(pinDayNote(db, actor, 'administrator', DATE, '   ', T0))).toEqual(['textRequired'])
    expect(await db.dayNotes.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('lists the day’s notes newest first', async () => {
    const early = await pinDayNote(db, actor, 'administrator', DATE, '早', T0)
    const late = await pinDayNote(db, actor, 'supervisor', DATE, '晚', T0 + HOUR)
    await pinDayNote(db, actor, 'supervisor', '2026-11-28', '次日', T0 + HOUR)
    expect((await dayNotesOf(db, DATE)).map((n) => n.id)).toEqual([late.id, early.id])
  })
})
