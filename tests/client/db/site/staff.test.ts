import { afterEach, describe, expect, it } from 'vitest'
import { freshDb } from '../../../factories/db'
import { makeActor, makeStaff } from '../../../factories/site'
import { saveStaff } from '@client/db/site/staff'
import { RecordInvalidError } from '@client/db/errors'
import { verifyPin } from '@shared/domain/pin'
import type { StaffEditInput } from '@client/db/site/staff-edit'
import type { DeskbookDb } from '@client/db/database'

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

const input = (overrides: Partial<StaffEditInput> = {}): StaffEditInput => ({ id: null, name: '赵敏', role: 'assistant', departmentId: null, active: true, pin: '3691', pinAgain: '3691', ...overrides })

describe('saveStaff', () => {
  it('adds a staff member with a hashed PIN and queues staff.put with the whole record', async () => {
    db = freshDb()
    const actor = makeActor()
    await db.staff.add(makeStaff({ siteId: actor.siteId, name: '王管理', role: 'administrator' }))
    const saved = await saveStaff(db, actor, input(), 1000)
    expect(await verifyPin('3691', saved.pin)).toBe(true)
    const [m] = await db.outbox.toArray()
    expect(m).toMatchObject({ name: 'staff.put', recordId: saved.id, fields: { name: '赵敏', role: 'assistant', active: true } })
  })

  it('queues only the fields that changed, and keeps the PIN when none is typed', async () => {
    db = freshDb()
    const actor = makeActor()
    const admin = makeStaff({ siteId: actor.siteId, name: '王管理', role: 'administrator' })
    const clerk = makeStaff({ siteId: actor.siteId, name: '赵敏' })
    await db.staff.bulkAdd([admin, clerk])
    await saveStaff(db, actor, input({ id: clerk.id, pin: '', pinAgain: '', active: false }))
    const [m] = await db.outbox.toArray()
    expect(m!.fields).toEqual({ active: false })
    expect((await db.staff.get(clerk.id))!.pin).toEqual(clerk.pin)
  })

  it.each<[string, Partial<StaffEditInput>, string]>([
    ['an empty name', { name: ' ' }, 'nameRequired'],
    ['a name already in use', { name: '王管理' }, 'nameTaken'],
    ['a department role without department', { role: 'department' }, 'departmentMissing'],
    ['a new member without PIN', { pin: '', pinAgain: '' }, 'pinRequired'],
    ['a trivial PIN', { pin: '1234', pinAgain: '1234' }, 'pin.tooSimple'],
    ['PINs that differ', { pinAgain: '3692' }, 'pinMismatch'],
  ])('refuses %s and writes nothing', async (_what, overrides, problem) => {
    db = freshDb()
    const actor = makeActor()
    await db.staff.add(makeStaff({ siteId: actor.siteId, name: '王管理', role: 'administrator' }))
    const error = await saveStaff(db, actor, input(overrides)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RecordInvalidError)
    expect((error as RecordInvalidError).problems).toContain(problem)
    expect(await db.outbox.count()).toBe(0)
  })

  it('refuses to leave the site without anyone who can manage settings', async () => {
    db = freshDb()
    const actor = makeActor()
    const admin = makeStaff({ siteId: actor.siteId, name: '王管理', role: 'administrator' })
    await db.staff.add(admin)
    const error = await saveStaff(db, actor, input({ id: admin.id, name: '王管理', role: 'assistant', pin: '', pinAgain: '' })).catch((e: unknown) => e)
    expect((error as RecordInvalidError).problems).toEqual(['lastManager'])
  })
})
