import { afterEach, describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { freshDb } from '../../factories/db'
import { makeActor, makeStaff } from '../../factories/site'
import { writeRecords, writeTransaction } from '@client/db/write-records'
import { RecordInvalidError, StorageFullError, UserFacingError } from '@client/db/errors'
import { isUuidV7, newId } from '@shared/domain/ids'
import { defaultSettings } from '@shared/domain/settings'
import { defaultHandoverTemplate } from '@shared/domain/handover'
import type { Department } from '@shared/domain/department'
import { parseHlc } from '@shared/sync/hlc'
import type { MutationName } from '@shared/sync/registry'
import type { DeskbookDb } from '@client/db/database'

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

describe('writeRecords', () => {
  it('writes the row and an outbox mutation carrying who, where, when and which clock', async () => {
    db = freshDb()
    const actor = makeActor()
    const staff = makeStaff({ siteId: actor.siteId })
    const [m] = await writeRecords(db, actor, [{ name: 'staff.put', row: staff }], 1_700_000_000_000)

    expect(await db.staff.get(staff.id)).toEqual(staff)
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toEqual(m)
    expect(isUuidV7(m!.id)).toBe(true)
    expect(m).toMatchObject({
      name: 'staff.put',
      version: 1,
      table: 'staff',
      recordId: staff.id,
      fields: staff,
      staffId: actor.staffId,
      deviceId: actor.deviceId,
      siteId: actor.siteId,
      createdAt: 1_700_000_000_000,
    })
    expect(parseHlc(m!.hlc)).toEqual({ wall: 1_700_000_000_000, counter: 0, node: actor.deviceId })
  })

  it('stores plain copies of reactive objects', async () => {
    db = freshDb()
    const actor = makeActor()
    const staff = reactive(makeStaff())
    await writeRecords(db, actor, [{ name: 'staff.put', row: staff }])
    staff.name = '改了'
    expect((await db.staff.get(staff.id))?.name).toBe('李娜')
  })

  it('keeps the clock moving forward within and across writes, even when the wall clock goes back', async () => {
    db = freshDb()
    const actor = makeActor()
    const a = makeStaff()
    const b = makeStaff()
    const first = await writeRecords(
      db,
      actor,
      [
        { name: 'staff.put', row: a },
        { name: 'staff.put', row: b },
      ],
      5_000,
    )
    const [later] = await writeRecords(db, actor, [{ name: 'staff.put', row: a }], 1_000)
    const stamps = [...first, later!].map((m) => m.hlc)
    expect([...stamps].sort()).toEqual(stamps)
    expect(new Set(stamps).size).toBe(3)
  })

  it('refuses a batch with a row the registry’s schema refuses: RecordInvalidError saying which field, and no row, outbox entry or clock of it', async () => {
    db = freshDb()
    const actor = makeActor()
    const good = makeStaff()
    const bad = { ...makeStaff(), name: '' } // the server would refuse it too: `invalid: /name required`
    const error = await writeRecords(db, actor, [
      { name: 'staff.put', row: good },
      { name: 'staff.put', row: bad },
    ]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RecordInvalidError)
    expect((error as RecordInvalidError).messageKey).toBe('errors.invalid')
    expect((error as RecordInvalidError).problems).toEqual([])
    expect((error as RecordInvalidError).fields).toEqual([expect.objectContaining({ mutation: 'staff.put', path: '/name', code: 'required' })])
    expect(await db.staff.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.meta.get('hlc')).toBeUndefined()
  })

  it('refuses a row without its key field before IndexedDB sees it, inside a repository’s transaction too: nothing of it stays', async () => {
    db = freshDb()
    const actor = makeActor()
    const good = makeStaff()
    const { id: _id, ...keyless } = makeStaff()
    const error = await writeTransaction(db, [db.staff], async () => {
      await writeRecords(db, actor, [{ name: 'staff.put', row: good }])
      await writeRecords(db, actor, [{ name: 'staff.put', row: keyless }])
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RecordInvalidError)
    expect((error as RecordInvalidError).fields).toEqual([expect.objectContaining({ mutation: 'staff.put', path: '/id', code: 'required' })])
    expect(await db.staff.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('takes table and key from the registry: settings and the handover template by their site, every other record by its id', async () => {
    db = freshDb()
    const actor = makeActor()
    const settings = defaultSettings(actor.siteId, 'Asia/Shanghai')
    const template = defaultHandoverTemplate(actor.siteId)
    const department: Department = { id: newId(), siteId: actor.siteId, name: '工程部', active: true }
    const queued = await writeRecords(db, actor, [
      { name: 'settings.put', row: settings },
      { name: 'handoverTemplate.put', row: template, fields: { checks: template.checks } },
      { name: 'department.put', row: department },
    ])
    expect(queued.map((m) => [m.name, m.version, m.table, m.recordId])).toEqual([
      ['settings.put', 1, 'settings', actor.siteId],
      ['handoverTemplate.put', 1, 'handoverTemplates', actor.siteId],
      ['department.put', 1, 'departments', department.id],
    ])
    expect(queued[1]!.fields).toEqual({ checks: template.checks })
    expect(await db.settings.get(actor.siteId)).toEqual(settings)
    expect(await db.handoverTemplates.get(actor.siteId)).toEqual(template)
    expect(await db.departments.get(department.id)).toEqual(department)
  })

  it('throws on a mutation or version the registry does not know (a programming error), writing nothing', async () => {
    db = freshDb()
    const actor = makeActor()
    const staff = makeStaff()
    for (const name of ['staf.put', 'constructor', 'toString']) {
      const error = await writeRecords(db, actor, [
        { name: 'staff.put', row: staff },
        { name: name as MutationName, row: staff },
      ]).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Error)
      expect(error).not.toBeInstanceOf(UserFacingError)
      expect((error as Error).message).toContain(`unknown mutation ${name}`)
    }
    const version = await writeRecords(db, actor, [{ name: 'staff.put', row: staff, version: 2 }]).catch((e: unknown) => e)
    expect((version as Error).message).toContain('staff.put@2')
    expect(await db.staff.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('turns a full disk into StorageFullError with a message key and keeps the database as it was', async () => {
    db = freshDb()
    const actor = makeActor()
    const before = makeStaff()
    await writeRecords(db, actor, [{ name: 'staff.put', row: before }])

    // The browser raises QuotaExceededError from the store when the origin is out of quota.
    const proto = Object.getPrototypeOf(db.backendDB().transaction('outbox').objectStore('outbox')) as IDBObjectStore
    const realAdd = proto.add
    proto.add = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    try {
      const next = makeStaff()
      const error = await writeRecords(db, actor, [{ name: 'staff.put', row: next }]).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(StorageFullError)
      expect((error as StorageFullError).messageKey).toBe('errors.storageFull')
      expect(await db.staff.get(next.id)).toBeUndefined()
    } finally {
      proto.add = realAdd
    }
    expect(await db.staff.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
  })
})
