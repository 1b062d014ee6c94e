import { afterEach, describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { freshDb } from '../../factories/db'
import { makeActor, makeStaff } from '../../factories/site'
import { writeRecords } from '@client/db/write-records'
import { StorageFullError } from '@client/db/errors'
import { isUuidV7 } from '@shared/domain/ids'
import { parseHlc } from '@shared/sync/hlc'
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
    const [m] = await writeRecords(db, actor, [{ table: 'staff', row: staff, key: staff.id, name: 'staff.put' }], 1_700_000_000_000)

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
    await writeRecords(db, actor, [{ table: 'staff', row: staff, key: staff.id, name: 'staff.put' }])
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
        { table: 'staff', row: a, key: a.id, name: 'staff.put' },
        { table: 'staff', row: b, key: b.id, name: 'staff.put' },
      ],
      5_000,
    )
    const [later] = await writeRecords(db, actor, [{ table: 'staff', row: a, key: a.id, name: 'staff.put' }], 1_000)
    const stamps = [...first, later!].map((m) => m.hlc)
    expect([...stamps].sort()).toEqual(stamps)
    expect(new Set(stamps).size).toBe(3)
  })

  it('leaves neither row nor outbox entry when any write of the batch fails', async () => {
    db = freshDb()
    const actor = makeActor()
    const good = makeStaff()
    const bad = { ...makeStaff(), id: undefined } // no primary key: IndexedDB refuses the put
    await expect(
      writeRecords(db, actor, [
        { table: 'staff', row: good, key: good.id, name: 'staff.put' },
        { table: 'staff', row: bad, key: 'x', name: 'staff.put' },
      ]),
    ).rejects.toThrow()
    expect(await db.staff.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.meta.get('hlc')).toBeUndefined()
  })

  it('turns a full disk into StorageFullError with a message key and keeps the database as it was', async () => {
    db = freshDb()
    const actor = makeActor()
    const before = makeStaff()
    await writeRecords(db, actor, [{ table: 'staff', row: before, key: before.id, name: 'staff.put' }])

    // The browser raises QuotaExceededError from the store when the origin is out of quota.
    const proto = Object.getPrototypeOf(db.backendDB().transaction('outbox').objectStore('outbox')) as IDBObjectStore
    const realAdd = proto.add
    proto.add = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    try {
      const next = makeStaff()
      const error = await writeRecords(db, actor, [{ table: 'staff', row: next, key: next.id, name: 'staff.put' }]).catch((e: unknown) => e)
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
