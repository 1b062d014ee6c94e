import { afterEach, describe, expect, it } from 'vitest'
import { freshDb } from '../../factories/db'
import { makeActor } from '../../factories/site'
import { customerInput, makeRoom, renovationInput, roomInput } from '../../factories/archive'
import { saveCustomer, saveRenovation, saveRoom } from '@client/db/archive/archive'
import { RecordInvalidError } from '@client/db/errors'
import type { DeskbookDb } from '@client/db/database'

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

const problemsOf = async (p: Promise<unknown>): Promise<string[]> => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(RecordInvalidError)
  return (e as RecordInvalidError<string>).problems
}

describe('saveRoom', () => {
  it('adds a room labelled as the desk writes it and queues room.put with the whole record', async () => {
    db = freshDb()
    const actor = makeActor()
    const room = await saveRoom(db, actor, roomInput({ building: ' 3栋 ', unit: '2单元', number: '1101室' }), 1000)
    expect(room).toMatchObject({ siteId: actor.siteId, building: '3栋', unit: '2单元', number: '1101室', label: '3-2-1101', active: true })
    expect(await db.rooms.get(room.id)).toEqual(room)
    const [m] = await db.outbox.toArray()
    expect(m).toMatchObject({ name: 'room.put', table: 'rooms', recordId: room.id, fields: room, staffId: actor.staffId })
  })

  it('refuses a label already used in the site, and writes nothing', async () => {
    db = freshDb()
    const actor = makeActor()
    await db.rooms.add(makeRoom({ siteId: actor.siteId, building: '3', unit: '2', number: '1101' }))
    expect(await problemsOf(saveRoom(db, actor, roomInput()))).toEqual(['archive.problems.labelTaken'])
    // Another site may have its own 3-2-1101.
    await expect(saveRoom(db, makeActor(), roomInput())).resolves.toMatchObject({ label: '3-2-1101' })
    expect(await db.outbox.count()).toBe(1)
  })

  it.each<[string, Parameters<typeof roomInput>[0], string]>([
    ['no building', { building: ' ' }, 'buildingRequired'],
    ['no room number', { number: '' }, 'numberRequired'],
    ['a building name too long', { building: '一'.repeat(21) }, 'buildingTooLong'],
    ['a note too long', { note: 'x'.repeat(501) }, 'noteTooLong'],
  ])('refuses %s', async (_what, overrides, problem) => {
    db = freshDb()
    expect(await problemsOf(saveRoom(db, makeActor(), roomInput(overrides)))).toContain(`archive.problems.${problem}`)
    expect(await db.rooms.count()).toBe(0)
  })

  it('on edit queues only the fields that changed, and nothing when none did', async () => {
    db = freshDb()
    const actor = makeActor()
    const room = await saveRoom(db, actor, roomInput())
    await saveRoom(db, actor, roomInput({ id: room.id, note: '空置' }))
    await saveRoom(db, actor, roomInput({ id: room.id, note: '空置' }))
    await saveRoom(db, actor, roomInput({ id: room.id, note: '空置', number: '1102' }))
    const outbox = await db.outbox.orderBy('id').toArray()
    expect(outbox.map((m) => m.fields)).toEqual([room, { note: '空置' }, { number: '1102', label: '3-2-1102' }])
  })

  it('keeps its own label when edited', async () => {
    db = freshDb()
    const actor = makeActor()
    const room = await saveRoom(db, actor, roomInput())
    await expect(saveRoom(db, actor, roomInput({ id: room.id, active: false }))).resolves.toMatchObject({ active: false })
  })
})

describe('saveCustomer', () => {
  it('adds a customer with phones as digits (spaces, dashes, +86 and duplicates gone) and a normalised date', async () => {
    db = freshDb()
    const actor = makeActor()
    const room = await saveRoom(db, actor, roomInput())
    const c = await saveCustomer(db, actor, customerInput(room.id, { name: ' 李娟 ', honorific: 'ms', phones: ['+86 138-0013-8000', '0571-8888 6666 / 13800138000', ''], moveInDate: '2020/5/1' }))
    expect(c).toMatchObject({ roomId: room.id, name: '李娟', phones: ['13800138000', '057188886666'], moveInDate: '2020-05-01' })
    expect((await db.outbox.toArray()).at(-1)).toMatchObject({ name: 'customer.put', recordId: c.id, fields: c })
  })

  it.each<[string, Parameters<typeof customerInput>[1], string]>([
    ['no name', { name: '  ' }, 'nameRequired'],
    ['a mobile number of 10 digits', { phones: ['1380013800'] }, 'mobileInvalid'],
    ['a mobile number of 12 digits', { phones: ['138001380001'] }, 'mobileInvalid'],
    ['a number of 4 digits', { phones: ['8888'] }, 'phoneInvalid'],
    ['six phones', { phones: ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006'] }, 'tooManyPhones'],
    ['a date that does not exist', { moveInDate: '2023-02-30' }, 'moveInDateInvalid'],
    ['a date that is not a date', { moveInDate: '去年' }, 'moveInDateInvalid'],
  ])('refuses %s', async (_what, overrides, problem) => {
    db = freshDb()
    const actor = makeActor()
    const room = await saveRoom(db, actor, roomInput())
    expect(await problemsOf(saveCustomer(db, actor, customerInput(room.id, overrides)))).toContain(`archive.problems.${problem}`)
    expect(await db.customers.count()).toBe(0)
  })

  it('needs a room of this site', async () => {
    db = freshDb()
    const actor = makeActor()
    expect(await problemsOf(saveCustomer(db, actor, customerInput('')))).toContain('archive.problems.roomRequired')
    const elsewhere = makeRoom()
    await db.rooms.add(elsewhere)
    expect(await problemsOf(saveCustomer(db, actor, customerInput(elsewhere.id)))).toContain('archive.problems.roomRequired')
  })

  it('on edit queues only what changed (a moved-out customer: active false)', async () => {
    db = freshDb()
    const actor = makeActor()
    const room = await saveRoom(db, actor, roomInput())
    const c = await saveCustomer(db, actor, customerInput(room.id))
    await saveCustomer(db, actor, customerInput(room.id, { id: c.id, phones: ['13800138000', '13900139000'] }))
    await saveCustomer(db, actor, customerInput(room.id, { id: c.id, phones: ['138 0013 8000', '13900139000'], active: false }))
    const outbox = (await db.outbox.orderBy('id').toArray()).filter((m) => m.recordId === c.id)
    expect(outbox.map((m) => m.fields).slice(1)).toEqual([{ phones: ['13800138000', '13900139000'] }, { active: false }])
    expect(await db.customers.get(c.id)).toMatchObject({ active: false, phones: ['13800138000', '13900139000'] })
  })
})

describe('saveRenovation', () => {
  it('adds a renovation record and edits only what changed', async () => {
    db = freshDb()
    const actor = makeActor()
    const room = await saveRoom(db, actor, roomInput())
    const r = await saveRenovation(db, actor, renovationInput(room.id), 5000)
    expect(r).toMatchObject({ roomId: room.id, registeredOn: '2024-03-01', startDate: '2024-03-10', contractorPhone: '13900139000', createdAt: 5000 })
    await saveRenovation(db, actor, renovationInput(room.id, { id: r.id, endDate: '2024年7月1日' }), 6000)
    const last = (await db.outbox.toArray()).at(-1)
    expect(last).toMatchObject({ name: 'renovation.put', recordId: r.id, fields: { endDate: '2024-07-01' } })
    expect((await db.renovations.get(r.id))!.createdAt).toBe(5000)
  })

  it.each<[string, Parameters<typeof renovationInput>[1], string]>([
    ['no registration date', { registeredOn: '' }, 'registeredOnInvalid'],
    ['a start date that does not exist', { startDate: '2024-13-01' }, 'startDateInvalid'],
    ['an end before the start', { startDate: '2024-05-01', endDate: '2024-04-01' }, 'endBeforeStart'],
    ['a contractor phone that is not one', { contractorPhone: '12' }, 'contractorPhoneInvalid'],
  ])('refuses %s', async (_what, overrides, problem) => {
    db = freshDb()
    const actor = makeActor()
    const room = await saveRoom(db, actor, roomInput())
    expect(await problemsOf(saveRenovation(db, actor, renovationInput(room.id, overrides)))).toContain(`archive.problems.${problem}`)
    expect(await db.renovations.count()).toBe(0)
  })
})
