import { afterEach, describe, expect, it } from 'vitest'
import { MUTATIONS, PULLED_TABLES } from '@shared/sync/registry'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

// writeRecords takes a write's table and key from the registry: each must be a store of the Dexie
// schema whose primary key is the field the mutation's record id comes from.
describe('the registry and the local database', () => {
  it('gives every mutation a table of the Dexie schema, keyed by the field its record id comes from', async () => {
    db = freshDb()
    await db.open()
    for (const [name, spec] of Object.entries(MUTATIONS)) {
      const table = db.tables.find((t) => t.name === spec.table)
      expect(table, `${name} → ${spec.table}`).toBeDefined()
      expect(table!.schema.primKey.keyPath, name).toBe(spec.keyField ?? 'id')
    }
  })

  it('has a mutation for every table the tablet pulls but devices and notices (written by the server only)', () => {
    const written = new Set(Object.values(MUTATIONS).map((s) => s.table))
    expect(PULLED_TABLES.filter((t) => !written.has(t))).toEqual(['devices', 'notices'])
  })
})
