/**
 * The stamps a tablet pulled its records with, a page to a row (issue 17): read back, each record's newest
 * win — over the rows kept a record to a row before schema 17, and after the page rows are folded into one.
 */
import { describe, expect, it } from 'vitest'
import { dbsDeletedAfterEach } from '../../factories/db'
import { foldStampPages, keepPageStamps, pulledStamps } from '@client/sync/pulled-stamps'

const tabletDb = dbsDeletedAfterEach()
const stamps = (name: string) => ({ name, active: name })
const of = (all: Map<string, { stamps: Record<string, string> }>, table: string, id: string) => all.get(`${table}\u0000${id}`)?.stamps

describe('pulled stamps', () => {
  it('keeps a page in one row; the newest page naming a record wins, over the rows of before schema 17', async () => {
    const db = tabletDb()
    await db.fieldStamps.bulkPut([
      { table: 'departments', id: 'd1', stamps: stamps('old') },
      { table: 'staff', id: 's1', stamps: stamps('old') },
    ])
    await db.transaction('rw', db.stampPages, () => keepPageStamps(db, [{ table: 'departments', id: 'd1', stamps: stamps('page 1') }, { table: 'departments', id: 'd2', stamps: stamps('page 1') }]))
    await db.transaction('rw', db.stampPages, () => keepPageStamps(db, []))
    await db.transaction('rw', db.stampPages, () => keepPageStamps(db, [{ table: 'departments', id: 'd2', stamps: stamps('page 2') }]))
    expect(await db.stampPages.count()).toBe(2)
    const all = await pulledStamps(db)
    expect(all.size).toBe(3)
    expect(of(all, 'departments', 'd1')).toEqual(stamps('page 1'))
    expect(of(all, 'departments', 'd2')).toEqual(stamps('page 2'))
    expect(of(all, 'staff', 's1')).toEqual(stamps('old'))
  })

  it('folds many page rows into one holding each record’s newest stamps; a page pulled after still wins', async () => {
    const db = tabletDb()
    for (let i = 1; i <= 5; i++) {
      await db.transaction('rw', db.stampPages, () => keepPageStamps(db, [{ table: 'departments', id: `d${i % 2}`, stamps: stamps(`page ${i}`) }, { table: 'staff', id: `s${i}`, stamps: stamps(`page ${i}`) }]))
    }
    const before = await pulledStamps(db)
    expect(await foldStampPages(db, 6)).toBe(false)
    expect(await db.stampPages.count()).toBe(5)
    expect(await foldStampPages(db, 5)).toBe(true)
    expect(await db.stampPages.count()).toBe(1)
    expect(await pulledStamps(db)).toEqual(before)
    expect(of(before, 'departments', 'd1')).toEqual(stamps('page 5'))
    expect(of(before, 'departments', 'd0')).toEqual(stamps('page 4'))
    await db.transaction('rw', db.stampPages, () => keepPageStamps(db, [{ table: 'departments', id: 'd1', stamps: stamps('page 6') }]))
    expect(of(await pulledStamps(db), 'departments', 'd1')).toEqual(stamps('page 6'))
  })
})
