import { describe, expect, it } from 'vitest'
import { statisticsInput } from '@client/db/statistics/statistics-input'
import { monthPeriod, siteStatistics } from '@shared/domain/statistics'
import { defaultSettings } from '@shared/domain/settings'
import { DAY, HOUR, instantAt } from '@shared/domain/time'
import { SITE } from '../../../factories/register-print'
import { dbsDeletedAfterEach } from '../../../factories/db'
import { emptyInput, request, storeRequests } from '../../../factories/statistics'
import { makeRegisterInput, makeRegisteringActor } from '../../../factories/reception'
import { addReceptionEvent, registerReception } from '@client/db/register/receptions'
import { DeskbookDb } from '@client/db/database'
import { FACTS_FILL, SCHEMA_VERSIONS } from '@client/db/schema'
import { newId } from '@shared/domain/ids'
import { seedRosterSite } from '../../../factories/roster-site'
import { approveRoster, usualMonth } from '../../../factories/roster-duty'

const TZ = 'Asia/Shanghai'
const at = (date: string, hhmm: string): number => instantAt(date, hhmm, TZ)
const NOW = at('2026-12-02', '10:00')
const newDb = dbsDeletedAfterEach()
const settings = defaultSettings(SITE, TZ)
const november = monthPeriod('2026-11')

describe('statisticsInput: what a period needs, read through indexes', () => {
  const inNov = request('repair', at('2026-11-30', '23:59'), [['result', at('2026-12-01', '09:00')]], 'visit', '20261130-A001')
  const inOct = request('complaint', at('2026-10-01', '00:00'), [['answered', at('2026-10-01', '02:00')], ['result', at('2026-10-02', '09:00')]], 'phone', '20261001-A001')
  const september = request('enquiry', at('2026-09-30', '23:59'), [['result', at('2026-10-01', '01:00')]], 'phone', '20260930-A001')
  const oldOpen = request('repair', at('2025-06-01', '10:00'), [['handedOver', at('2025-06-01', '11:00'), { departmentId: SITE }]], 'phone', '20250601-A001')
  const december = request('praise', at('2026-12-01', '00:00'), [], 'online', '20261201-A001')
  const all = [inNov, inOct, september, oldOpen, december]

  it('reads the statistics rows of the month and the month before, and of every request not settled — no timeline', async () => {
    const db = newDb()
    await storeRequests(db, all)
    await storeRequests(db, [{ ...request('repair', at('2026-11-10', '10:00')), reception: { ...request('repair', at('2026-11-10', '10:00')).reception, siteId: '01930000-0000-7000-8000-0000000000ff' } }])
    const input = await statisticsInput(db, settings, november)
    const refs = (rows: readonly object[]) => rows.map((r) => (r as { ref: string }).ref).sort()
    expect(refs(input.requests)).toEqual(['20261001-A001', '20261130-A001'])
    expect(input.requests.find((r) => 'ref' in r && r.ref === '20261001-A001')).toMatchObject({ category: 'complaint', status: 'awaitingVisit', answeredAt: at('2026-10-01', '02:00'), resolvedAt: at('2026-10-02', '09:00') })
    expect(input.requests.every((r) => !('reception' in r) && !('customerName' in r) && !('phone' in r))).toBe(true)
    // Not settled: the old one with a department, December's new one, and the two repairs/complaints awaiting their visit.
    expect(input.openRequests!.map((r) => r.status).sort()).toEqual(['awaitingVisit', 'awaitingVisit', 'open', 'withDepartment'])
    expect(input.openRequests).toContainEqual(expect.objectContaining({ receivedAt: oldOpen.reception.receivedAt, status: 'withDepartment', resolvedAt: null }))
  })

  it('keeps each request’s row in step with the register: a result recorded, a category corrected', async () => {
    const db = newDb()
    const actor = makeRegisteringActor({ siteId: SITE })
    const r = await registerReception(db, actor, makeRegisterInput({ receivedAt: at('2026-11-12', '09:00'), category: 'enquiry', channel: 'phone' }), at('2026-11-12', '09:00'))
    const figures = async () => siteStatistics(await statisticsInput(db, settings, november), november, NOW).current
    expect((await figures()).requests.byCategory.enquiry).toBe(1)
    expect((await figures()).completion.open).toBe(0) // 20 days open: handed to the manager
    await addReceptionEvent(db, actor, 'assistant', r.id, { type: 'correction', note: '业主说明是报修', correction: { category: 'repair' } }, at('2026-11-12', '09:30'))
    await addReceptionEvent(db, actor, 'assistant', r.id, { type: 'result', note: '已修好' }, at('2026-11-13', '09:00'))
    const after = await figures()
    expect(after.requests.byCategory).toMatchObject({ enquiry: 0, repair: 1 })
    expect(after.completion).toMatchObject({ desk: 1, completed: 1, medianMs: DAY })
    expect(after.returnVisits).toMatchObject({ due: 1, awaiting: 1 })
  })

  it('gives the rows of requests stored before schema 16 when 统计 first opens, once', async () => {
    const name = `facts-${newId()}`
    const v15 = new DeskbookDb(name, SCHEMA_VERSIONS.filter((v) => v.version <= 15))
    await v15.receptions.bulkPut(all.map((r) => r.reception))
    await v15.receptionEvents.bulkPut(all.flatMap((r) => [...r.events]))
    v15.close()
    const db = new DeskbookDb(name)
    try {
      await db.open()
      expect(await db.meta.get(FACTS_FILL)).toBeDefined()
      expect(await db.requestFacts.count()).toBe(0)
      const tablet = siteStatistics(await statisticsInput(db, settings, november), november, NOW)
      expect(tablet).toEqual(siteStatistics(emptyInput({ requests: all }, settings), november, NOW))
      expect(await db.requestFacts.count()).toBe(all.length)
      // The index rows are derived again too: they now carry the channel the register filters by.
      expect((await db.receptionIndex.get(inNov.reception.id))!.channel).toBe('visit')
      expect(await db.meta.get(FACTS_FILL)).toBeUndefined()
    } finally {
      db.close()
      await db.delete()
    }
  })

  it('gives the numbers siteStatistics gives over every record (the server’s way)', async () => {
    const db = newDb()
    await storeRequests(db, all)
    const tablet = siteStatistics(await statisticsInput(db, settings, november), november, NOW)
    const everything = siteStatistics(emptyInput({ requests: all }, settings), november, NOW)
    expect(tablet).toEqual(everything)
    expect(tablet.current.requests.total).toBe(1)
    expect(tablet.previous.complaints.inTime).toBe(1)
    expect(tablet.openNow.byQueue).toMatchObject({ withDepartment: 1, desk: 1 })
    expect(NOW - oldOpen.reception.receivedAt).toBeGreaterThan(7 * DAY + HOUR)
  })

  it('asks the administrator the inspections of their rostered days in a rostered month, every day in one without (篇2 4.4.4)', async () => {
    const db = newDb()
    const s = await seedRosterSite(db)
    await approveRoster(db, s, '2026-12', usualMonth(s, '2026-12', ['2026-12-20']), at('2026-11-21', '09:00'))
    const later = at('2027-01-05', '10:00')
    const required = async (month: string) => {
      const period = monthPeriod(month)
      const lines = siteStatistics(await statisticsInput(db, defaultSettings(s.siteId, TZ), period), period, later).current.inspections.byInspector
      return new Map(lines.map((l) => [l.staffId, l.required]))
    }
    const december = await required('2026-12')
    expect(december.get(s.staff.administrator.id)).toBe(1)
    expect(december.get(s.staff.supervisor.id)).toBe(Math.ceil((3 * 31) / 7))
    expect(december.get(s.staff.manager.id)).toBeNull()
    expect((await required('2026-11')).get(s.staff.administrator.id)).toBe(30)
  })
})
