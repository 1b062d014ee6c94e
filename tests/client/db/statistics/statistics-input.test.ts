import { describe, expect, it } from 'vitest'
import { statisticsInput } from '@client/db/statistics/statistics-input'
import { monthPeriod, siteStatistics } from '@shared/domain/statistics'
import { defaultSettings } from '@shared/domain/settings'
import { DAY, HOUR, instantAt } from '@shared/domain/time'
import { SITE } from '../../../factories/register-print'
import { dbsDeletedAfterEach } from '../../../factories/db'
import { emptyInput, request, storeRequests } from '../../../factories/statistics'

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

  it('reads the month and the month before with their timelines, and every open request as its index row', async () => {
    const db = newDb()
    await storeRequests(db, all)
    await storeRequests(db, [{ ...request('repair', at('2026-11-10', '10:00')), reception: { ...request('repair', at('2026-11-10', '10:00')).reception, siteId: '01930000-0000-7000-8000-0000000000ff' } }])
    const input = await statisticsInput(db, settings, november)
    expect(input.requests.map((r) => r.reception.ref).sort()).toEqual(['20261001-A001', '20261130-A001'])
    expect(input.requests.find((r) => r.reception.ref === '20261001-A001')!.events).toHaveLength(2)
    // Not settled: the old one with a department, December's new one, and the two repairs/complaints awaiting their visit.
    expect(input.openRequests!.map((r) => r.status).sort()).toEqual(['awaitingVisit', 'awaitingVisit', 'open', 'withDepartment'])
    expect(input.openRequests).toContainEqual({ receivedAt: oldOpen.reception.receivedAt, status: 'withDepartment', resolvedAt: null })
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
})
