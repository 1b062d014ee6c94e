import { afterEach, describe, expect, it } from 'vitest'
import { freshDb } from '../../../factories/db'
import { listDeadLetters } from '@client/db/device/dead-letters'
import type { DeskbookDb } from '@client/db/database'
import type { Mutation } from '@shared/sync/mutation'

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

const mutation = (id: string): Mutation => ({ id, name: 'reception.create', version: 1, table: 'receptions', recordId: id, fields: {}, hlc: '', staffId: null, deviceId: 'd', siteId: 's', createdAt: 0 })

describe('the refused mutations for the sync card', () => {
  it('lists every one the server refused, newest first', async () => {
    db = freshDb()
    await db.open()
    await db.deadLetters.bulkPut([
      { id: 'a', mutation: mutation('a'), reason: 'notAllowed', at: 2_000 },
      { id: 'b', mutation: mutation('b'), reason: 'invalid: phone', at: 3_000 },
      { id: 'c', mutation: mutation('c'), reason: 'wrongSite', at: 1_000 },
    ])
    expect((await listDeadLetters(db)).map((l) => [l.id, l.reason])).toEqual([
      ['b', 'invalid: phone'],
      ['a', 'notAllowed'],
      ['c', 'wrongSite'],
    ])
  })

  it('is empty when nothing was refused', async () => {
    db = freshDb()
    expect(await listDeadLetters(db)).toEqual([])
  })
})
