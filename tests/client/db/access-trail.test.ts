/**
 * The access trail on the tablet (issue 14 point 2): an entry is written with its outbox mutation in one
 * go; a role that records nothing, or a text holding a phone, writes neither.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { DeskbookDb } from '@client/db/database'
import { accessTrail, recordAccess } from '@client/db/access/access-trail'
import { RecordInvalidError } from '@client/db/errors'
import { freshDb } from '../../factories/db'

let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

const siteId = newId()
const actor = { siteId, deviceId: newId(), staffId: newId() }
const T = Date.UTC(2026, 11, 3, 2)

describe('recordAccess', () => {
  it('writes the entry and its mutation together; the trail lists it newest first', async () => {
    db = freshDb()
    const first = await recordAccess(db, actor, 'manager', { kind: 'revealPhone', subjectTable: 'receptions', subjectId: newId(), what: '接待登记 20261203-A001' }, T)
    const second = await recordAccess(db, actor, 'assistant', { kind: 'printPhones', what: '接待登记 2026-12-01 至 2026-12-31' }, T + 1000)
    expect(first).toMatchObject({ staffId: actor.staffId, deviceId: actor.deviceId, consoleUser: '', at: T, kind: 'revealPhone' })
    expect((await accessTrail(db, siteId)).map((e) => e.id)).toEqual([second.id, first.id])
    const outbox = await db.outbox.toArray()
    expect(outbox.map((m) => [m.name, m.table, m.recordId])).toEqual([
      ['accessEntry.add', 'accessTrail', first.id],
      ['accessEntry.add', 'accessTrail', second.id],
    ])
  })

  it('writes nothing for a role that records nothing, or a text that holds a phone', async () => {
    db = freshDb()
    await expect(recordAccess(db, actor, 'admin', { kind: 'revealPhone', what: '接待登记 20261203-A001' }, T)).rejects.toBeInstanceOf(RecordInvalidError)
    await expect(recordAccess(db, actor, 'manager', { kind: 'revealPhone', what: '陈女士 13800138000' }, T)).rejects.toBeInstanceOf(RecordInvalidError)
    expect(await db.accessTrail.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })
})
