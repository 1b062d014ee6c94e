/**
 * Issue 16 point 5: the tablet's and the server's figures for the same site and period are the same numbers.
 * A generated year of a site (requests of every kind, escalated, handed to a department, closed unresolvable,
 * corrected, complaints, return visits; the duty log, handovers, inspections) is pushed through the real sync
 * into the server, pulled by a tablet into its IndexedDB (fake-indexeddb) by the real sync engine; then for
 * several periods the tablet's figures — the shared rule over what the tablet's statistics repository reads
 * (`client/db/statistics`, the 统计 screen's) — are compared with the console route's, read by period on the
 * server. SQLite and PostgreSQL.
 */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { customPeriod, monthPeriod, siteStatistics, weekPeriod, type Period } from '@shared/domain/statistics'
import { MAX_PUSH } from '@shared/sync/protocol'
import type { CompanyStatistics } from '@shared/sync/statistics-api'
import { companyFigures } from '@server/admin/statistics'
import { issueCode } from '@server/repositories/codes'
import { SyncEngine } from '@client/sync/engine'
import { enrolTablet } from '@client/sync/link'
import { statisticsInput } from '@client/db/statistics/statistics-input'
import { dbsDeletedAfterEach } from '../factories/db'
import { statisticsYear } from '../factories/statistics-year'
import { BACKENDS } from '../support/server-db'
import { injectTransport } from '../support/inject-transport'
import { enrol, mutation, pushOk, setUpConsole, siteWithAdmin, testServer, type TestServer } from '../support/server-fixtures'

/** 2026-11-27 10:00 in Shanghai: the year runs from 2025-11-27 to yesterday. */
const NOW = Date.UTC(2026, 10, 27, 2)

let server: TestServer
const tabletDb = dbsDeletedAfterEach()
afterEach(async () => server?.close())

describe.each(BACKENDS)('the tablet’s and the server’s statistics ($name)', (backend) => {
  it('are the same numbers for a generated year: month by month, a week, a custom span and the year', async () => {
    server = await testServer(backend, NOW)
    const session = await setUpConsole(server)
    const { siteId, adminStaffId } = await siteWithAdmin(server)
    const desk = await enrol(server, siteId)
    const year = statisticsYear({ siteId, adminId: adminStaffId, now: NOW })
    const mutations = year.writes.map((w) => mutation(desk, w.staffId, { name: w.name, table: w.table, recordId: w.record.id, fields: w.record }, NOW - 60_000))
    for (let i = 0; i < mutations.length; i += MAX_PUSH) {
      const { results } = await pushOk(server, desk, mutations.slice(i, i + MAX_PUSH))
      const refused = results.filter((r) => r.status !== 'applied')
      expect(refused, JSON.stringify(refused.slice(0, 3))).toEqual([])
    }

    // A second tablet of the site pulls everything through the sync engine.
    const db = tabletDb()
    const engine = new SyncEngine({ db, transport: injectTransport(() => server.app), now: () => server.clock.now, schedule: () => () => {} })
    const { code } = await issueCode(server.db.kysely, 'enrol', siteId, NOW)
    await enrolTablet(db, engine.api, code, '经理平板', NOW)
    await engine.run()
    expect(await db.receptions.count()).toBe(year.writes.filter((w) => w.table === 'receptions').length)
    expect(await db.receptions.count()).toBeGreaterThan(500)
    const settings = (await db.settings.get(siteId))!

    const periods: Period[] = [
      monthPeriod('2026-11'),
      monthPeriod('2026-10'),
      monthPeriod('2026-03'),
      monthPeriod('2025-12'),
      weekPeriod('2026-11-18'),
      customPeriod('2026-06-15', '2026-08-14')!,
      customPeriod('2025-11-28', '2026-11-26')!,
    ]
    for (const period of periods) {
      const query = period.kind === 'custom' ? `from=${period.from}&to=${period.to}` : `kind=${period.kind}&from=${period.from}`
      const res = await server.app.inject({ method: 'GET', url: `/api/admin/statistics?${query}`, headers: { authorization: `Bearer ${session}` } })
      expect(res.statusCode, res.body).toBe(200)
      const onServer = res.json<CompanyStatistics>().sites.find((s) => s.siteId === siteId)!.statistics
      // The tablet's own statistics repository (the 统计 screen's reads), then the shared rule.
      const onTablet = companyFigures(siteStatistics(await statisticsInput(db, settings, period), period, NOW))
      expect(onServer, `${period.from}–${period.to}`).toEqual(onTablet)
      // A figure of every kind is there to agree on (the year's generator made them).
      if (period.kind === 'month' && period.from === '2026-10-01') {
        const c = onServer.current
        expect([c.requests.total, c.completion.desk, c.completion.supervisor, c.complaints.total, c.returnVisits.done, c.duty.toSupervisor, c.handovers.total, c.inspections.total].every((n) => n > 0)).toBe(true)
      }
      if (period.kind === 'custom' && period.from === '2025-11-28') {
        const c = onServer.current
        const kinds = { manager: c.completion.manager, unresolvable: c.unresolvable.length, late: c.complaints.late, overdue: c.complaints.overdue, awaiting: c.returnVisits.awaiting, stillOpen: c.duty.stillOpen, noShows: c.handovers.noShows, lateArrivals: c.handovers.late, mismatches: c.handovers.mismatches, nonconformities: c.inspections.nonconformities, openNow: onServer.openNow.total }
        expect(Object.entries(kinds).filter(([, n]) => n === 0)).toEqual([])
      }
    }
  }, 600_000)
})
