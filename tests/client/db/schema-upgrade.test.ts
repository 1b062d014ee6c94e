import { afterEach, describe, expect, it } from 'vitest'
import { DeskbookDb } from '@client/db/database'
import { CLOSED_REINDEX, SCHEMA_VERSIONS, LATEST_VERSION } from '@client/db/schema'
import { newId } from '@shared/domain/ids'
import { makeStaff } from '../../factories/site'
import { putIndexRows } from '@client/db/register/reception-index'
import { indexRow } from '@client/db/register/index-row'
import { makeReception } from '../../factories/register-print'

const names: string[] = []
afterEach(async () => {
  for (const n of names.splice(0)) await new DeskbookDb(n).delete()
})

describe('database schema upgrade', () => {
  it('keeps every row of every table when a version-1 database opens at the latest version', async () => {
    const name = `upgrade-${newId()}`
    names.push(name)
    const v1 = new DeskbookDb(name, SCHEMA_VERSIONS.slice(0, 1))
    await v1.open()
    expect(v1.verno).toBe(1)
    const siteId = newId()
    const staff = Array.from({ length: 50 }, (_, i) => {
      // Version-1 rows had no `active` or `departmentId`.
      const { active: _a, departmentId: _d, ...old } = makeStaff({ siteId, name: `员工${i}` })
      return old
    })
    await v1.transaction('rw', [v1.staff, v1.sites, v1.departments, v1.outbox], async () => {
      await v1.table('staff').bulkAdd(staff)
      await v1.sites.add({ id: siteId, name: '翠苑小区', timezone: 'Asia/Shanghai' })
      await v1.departments.add({ id: newId(), siteId, name: '工程部', active: true })
      await v1.table('outbox').add({ id: newId(), name: 'staff.put' })
    })
    v1.close()

    const latest = new DeskbookDb(name)
    await latest.open()
    expect(latest.verno).toBe(LATEST_VERSION)
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(2)
    const after = await latest.staff.toArray()
    expect(after.map((s) => s.id).sort()).toEqual(staff.map((s) => s.id).sort())
    expect(after.every((s) => s.active === true && s.departmentId === null)).toBe(true)
    expect(await latest.sites.count()).toBe(1)
    expect(await latest.departments.count()).toBe(1)
    expect(await latest.outbox.count()).toBe(1)
    // The index added in version 2 answers.
    expect(await latest.staff.where('[siteId+role]').equals([siteId, 'assistant']).count()).toBe(50)
    latest.close()
  })

  it('derives again, at version 9, index rows still saying 部门已完成, with their counts (issue 10 point 9)', async () => {
    const name = `upgrade-${newId()}`
    names.push(name)
    const v8 = new DeskbookDb(name, SCHEMA_VERSIONS.slice(0, 8))
    const r = makeReception()
    // As a tablet of version 8 left it: the list row says the department is done, counted so.
    await v8.receptions.put(r)
    await v8.transaction('rw', [v8.receptionIndex, v8.meta], () => putIndexRows(v8, [{ ...indexRow(r, []), status: 'departmentDone' as never }]))
    const counted = async (db: DeskbookDb, status: string): Promise<number> => (await db.meta.toArray()).filter((m) => m.key.includes(`|${status}|`)).length
    expect(await counted(v8, 'departmentDone')).toBeGreaterThan(0)
    v8.close()

    const latest = new DeskbookDb(name)
    await latest.open()
    expect((await latest.receptionIndex.get(r.id))!.status).toBe('open')
    expect(await counted(latest, 'departmentDone')).toBe(0)
    expect(await counted(latest, 'open')).toBeGreaterThan(0)
    latest.close()
  })

  it('pulls everything again once at version 12: a tablet of version 11 skipped the access trail’s records (issue 14 point 2)', async () => {
    const name = `upgrade-${newId()}`
    names.push(name)
    const v11 = new DeskbookDb(name, SCHEMA_VERSIONS.slice(0, 11))
    await v11.meta.put({ key: 'pullCursor', value: 4200 })
    await v11.meta.put({ key: 'hlc', value: 'kept' })
    v11.close()

    const latest = new DeskbookDb(name)
    await latest.open()
    expect(await latest.meta.get('pullCursor')).toBeUndefined()
    expect(await latest.meta.get('hlc')).toEqual({ key: 'hlc', value: 'kept' })
    expect(await latest.accessTrail.count()).toBe(0)
    latest.close()
  })

  it('marks, at version 13, a register indexed before for indexing again; a new tablet needs nothing (issue 14 point 3)', async () => {
    const name = `upgrade-${newId()}`
    names.push(name)
    const v12 = new DeskbookDb(name, SCHEMA_VERSIONS.slice(0, 12))
    // As a tablet of version 12 wrote a request: the request and its index row (this code writes a version-16 table too).
    const r = makeReception()
    await v12.receptions.put(r)
    await v12.transaction('rw', [v12.receptionIndex, v12.meta], () => putIndexRows(v12, [indexRow(r, [])]))
    v12.close()
    const latest = new DeskbookDb(name)
    await latest.open()
    expect(await latest.meta.get(CLOSED_REINDEX)).toEqual({ key: CLOSED_REINDEX, value: true })
    latest.close()

    const fresh = `upgrade-${newId()}`
    names.push(fresh)
    const empty = new DeskbookDb(fresh)
    await empty.open()
    expect(await empty.meta.get(CLOSED_REINDEX)).toBeUndefined()
    empty.close()
  })
})
