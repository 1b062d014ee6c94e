/**
 * Issue 13 point 7, tablet and server together: what the tablet's roster repository writes — cells, a signed
 * draft returned and resubmitted, approved, acknowledged, a leave asked a day ahead and approved with a
 * cover — is accepted by the server's rules as it is (nothing dead-lettered), and a second tablet pulls the
 * same month.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { dbsDeletedAfterEach } from '../../factories/db'
import { makeShiftType, makeStaff } from '../../factories/site'
import { TINY_PNG } from '../../factories/duty-seed'
import { BACKENDS } from '../../support/server-db'
import { siteWithAdmin, testServer, type TestServer } from '../../support/server-fixtures'
import { injectTransport } from '../../support/inject-transport'
import { issueCode } from '@server/repositories/codes'
import { SyncEngine } from '@client/sync/engine'
import { enrolTablet } from '@client/sync/link'
import { writeRecords } from '@client/db/write-records'
import { getServerLink } from '@client/db/device/server-link'
import { loadRosterMonth } from '@client/db/roster/roster-month'
import { paintCells, submitRoster, takeStep } from '@client/db/roster/roster-writes'
import { answerRequest, askForChange } from '@client/db/roster/roster-requests'
import type { DeskbookDb } from '@client/db/database'
import type { Role } from '@shared/domain/role'
import { daysOf, LEAVE, REST } from '@shared/domain/roster'

const MONTH = '2026-12'
const TZ = 'Asia/Shanghai'
let server: TestServer
const tabletDb = dbsDeletedAfterEach()
afterEach(async () => server?.close())

async function enrolled(siteId: string): Promise<{ db: DeskbookDb; engine: SyncEngine; deviceId: string }> {
  const db = tabletDb()
  const engine = new SyncEngine({ db, transport: injectTransport(() => server.app), now: () => server.clock.now, schedule: () => () => {}, onStatus: () => {}, onRevoked: async () => {} })
  const { code } = await issueCode(server.db.kysely, 'enrol', siteId, server.clock.now)
  await enrolTablet(db, engine.api, code, '前台平板', server.clock.now)
  await engine.run()
  return { db, engine, deviceId: (await getServerLink(db))!.deviceId }
}

describe('the tablet’s roster against the real server (SQLite)', () => {
  it('has every roster write of the cycle accepted by the server’s rules, and another tablet sees the month', async () => {
    server = await testServer(BACKENDS[0]!)
    const { siteId, adminStaffId } = await siteWithAdmin(server)
    const a = await enrolled(siteId)
    const member = (name: string, role: Role) => makeStaff({ siteId, name, role })
    const [clerk, colleague, supervisor, manager] = [member('李娜', 'assistant'), member('张敏', 'assistant'), member('赵主管', 'supervisor'), member('陈经理', 'manager')]
    const [day, night] = [makeShiftType({ siteId }), makeShiftType({ siteId, code: '夜', name: '夜班', start: '20:00', end: '08:00' })]
    const as = (staffId: string) => ({ siteId, deviceId: a.deviceId, staffId })
    const sign = (name: string, at: number) => ({ image: TINY_PNG, name, signedAt: at })
    let now = server.clock.now
    const later = (minutes = 1): number => (now += minutes * 60_000)
    await writeRecords(a.db, as(adminStaffId), [...[clerk, colleague, supervisor, manager].map((row) => ({ name: 'staff.put' as const, row })), ...[day, night].map((row) => ({ name: 'shiftType.put' as const, row }))], later())

    // The administrator paints December: the clerk on days, the colleague on nights, himself off.
    const paints = daysOf(MONTH).flatMap((date) => [
      { staffId: clerk.id, date, lane: 'desk' as const, code: day.id },
      { staffId: colleague.id, date, lane: 'desk' as const, code: night.id },
      { staffId: adminStaffId, date, lane: 'desk' as const, code: REST },
    ])
    await paintCells(a.db, as(adminStaffId), 'administrator', MONTH, paints, TZ, later())
    const first = await submitRoster(a.db, as(adminStaffId), 'administrator', MONTH, '', sign('王管理', now), TZ, later())
    await takeStep(a.db, as(supervisor.id), 'supervisor', first.id, 'return', '周末夜班请再排一人', sign('赵主管', now), later())
    await paintCells(a.db, as(adminStaffId), 'administrator', MONTH, [{ staffId: supervisor.id, date: '2026-12-05', lane: 'support', code: night.id }], TZ, later())
    const second = await submitRoster(a.db, as(adminStaffId), 'administrator', MONTH, '', sign('王管理', now), TZ, later())
    await takeStep(a.db, as(supervisor.id), 'supervisor', second.id, 'approve', '', sign('赵主管', now), later())
    await takeStep(a.db, as(manager.id), 'manager', second.id, 'acknowledge', '', sign('陈经理', now), later())
    const leave = await askForChange(a.db, as(clerk.id), 'assistant', { kind: 'leave', date: '2026-12-10', toDate: '2026-12-10', swapWithId: null, swapDate: null, reason: '家中有事' }, TZ, later())
    const answer = await answerRequest(a.db, as(supervisor.id), 'supervisor', leave.id, { decision: 'approve', coverId: adminStaffId, reason: '', signature: sign('赵主管', now) }, TZ, later())

    server.clock.now = later()
    await a.engine.run()
    expect(await a.db.outbox.count()).toBe(0)
    expect(await server.db.kysely.selectFrom('dead_letters').select('reason').execute()).toEqual([])

    const b = await enrolled(siteId)
    const seen = await loadRosterMonth(b.db, siteId, MONTH)
    expect(seen.statuses.map((s) => [s.version.id, s.state, s.number])).toEqual([
      [first.id, 'returned', null],
      [second.id, 'approved', 1],
      [answer.versionId, 'approved', 2],
    ])
    const inForce = seen.inForce!.version.snapshot
    const codeOf = (staffId: string, d: number): string | undefined => inForce.rows.find((r) => r.staffId === staffId && r.lane === 'desk')?.days[d - 1]
    expect([codeOf(clerk.id, 10), codeOf(adminStaffId, 10), codeOf(clerk.id, 11)]).toEqual([LEAVE, day.id, day.id])
  })
})
