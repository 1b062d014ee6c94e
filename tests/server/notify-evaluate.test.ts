/**
 * The server's time rules over synced records (issue 15 point 1), on SQLite and PostgreSQL, on the server's
 * clock: a request past 48 h and 7 days, a complaint 2 h before and past its 24 h; each event becomes one
 * notice the desk tablets pull — never a department's — and a pass again, two at once or after a restart
 * finds nothing new.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Reception } from '@shared/domain/reception'
import { HOUR } from '@shared/domain/time'
import { evaluateNotifications } from '@server/notify/evaluate'
import { scheduleNotifyRules } from '@server/notify/rules-schedule'
import { buildApp } from '@server/app'
import { anotherConnection, BACKENDS } from '../support/server-db'
import { writeAsServer } from '@server/sync/server-write'
import { makeReception } from '../factories/register-print'
import { enrol, mutation, protocolHeaders, pullAll, pushOk, siteWithAdmin, testServer, type TestDevice, type TestServer } from '../support/server-fixtures'

describe.each(BACKENDS)('the time rules on the server on $name', (backend) => {
  let s: TestServer
  let siteId: string
  let admin: string
  let desk: TestDevice
  let department: TestDevice
  let t0: number
  let late: Reception
  let complaint: Reception

  const notices = async (device: TestDevice, cursor = 0) => (await pullAll(s, device, cursor)).changes.filter((c) => c.table === 'notices')
  const pass = async () => (await evaluateNotifications(s.db, s.clock.now)).flatMap((p) => p.fresh.map((e) => e.key)).sort()

  beforeAll(async () => {
    s = await testServer(backend)
    t0 = s.clock.now
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    admin = site.adminStaffId
    desk = await enrol(s, siteId, '前台平板')
    department = await enrol(s, siteId, '工程部平板', 'department')
    late = makeReception({ id: newId(), siteId, receiverId: admin, ref: '20261125-A001', receivedAt: t0 - 47 * HOUR, createdAt: t0 - 47 * HOUR, matter: '业主王建国来电 13812345678,车库漏水' })
    complaint = makeReception({ id: newId(), siteId, receiverId: admin, ref: '20261126-A001', receivedAt: t0 - 21 * HOUR, createdAt: t0 - 21 * HOUR, category: 'complaint', matter: '投诉夜间噪音' })
    const pushes = [late, complaint].map((r) => mutation(desk, admin, { name: 'reception.create', table: 'receptions', recordId: r.id, fields: r }))
    expect((await pushOk(s, desk, pushes)).results.map((r) => r.status)).toEqual(['applied', 'applied'])
  })
  afterAll(async () => s?.close())

  it('finds nothing before its time', async () => {
    expect(await pass()).toEqual([])
  })

  it('one hour later: the request past 48 h to the supervisor, the complaint with 2 h left — each once, to desk tablets only', async () => {
    s.clock.now = t0 + HOUR + 1
    expect(await pass()).toEqual([`complaintDueSoon:${complaint.id}:supervisor`, `requestToSupervisor:${late.id}:supervisor`])
    const pulled = await notices(desk)
    expect(pulled.map((n) => n.id).sort()).toEqual([`complaintDueSoon:${complaint.id}:supervisor`, `requestToSupervisor:${late.id}:supervisor`])
    const n = pulled.find((c) => c.id.startsWith('requestToSupervisor'))!.data
    expect(n).toMatchObject({ level: 'supervisor', subjectId: late.id, dueAt: late.receivedAt + 48 * HOUR, room: '3-2-1101', link: `/register/${late.id}` })
    // Never the owner's phone or full name.
    expect(n.summary).toBe('业主王先生来电 138****5678,车库漏水')
    expect(await notices(department)).toEqual([])
  })

  it('again, two at once, or after a restart: nothing new, nothing pulled again', async () => {
    const { cursor } = await pullAll(s, desk)
    expect(await pass()).toEqual([])
    await Promise.all([evaluateNotifications(s.db, s.clock.now), evaluateNotifications(s.db, s.clock.now)])
    await s.restart()
    expect(await pass()).toEqual([])
    expect(await notices(desk, cursor)).toEqual([])
  })

  it('past 24 h the complaint is overdue; past 7 days the request goes to the manager too', async () => {
    s.clock.now = t0 + 3 * HOUR + 1
    expect(await pass()).toEqual([`complaintOverdue:${complaint.id}:supervisor`])
    s.clock.now = late.receivedAt + 168 * HOUR + 1
    expect(await pass()).toContain(`requestToManager:${late.id}:manager`)
    expect((await notices(desk)).map((c) => c.data.level)).toContain('manager')
  })

  it('reads again what another process wrote, though nothing of this one changed the site since its last pass', async () => {
    expect(await pass()).toEqual([])
    const other = anotherConnection(s.db)
    const at = s.clock.now - 49 * HOUR
    const elsewhere = makeReception({ id: newId(), siteId, receiverId: admin, ref: '20261119-A003', receivedAt: at, createdAt: at })
    try {
      await other.kysely.transaction().execute((trx) => writeAsServer(trx, other.kind, siteId, [{ table: 'receptions', recordId: elsewhere.id, data: { ...elsewhere } }], s.clock.now))
    } finally {
      await other.close()
    }
    expect(await pass()).toEqual([`requestToSupervisor:${elsewhere.id}:supervisor`])
  })

  it('a push that applied something tells the schedule, which looks at that site soon on the server’s clock', async () => {
    const pushed: string[] = []
    const app = await buildApp({ db: s.db, staticDir: '/nonexistent', now: () => s.clock.now, onPushed: (id) => pushed.push(id) })
    const old = makeReception({ id: newId(), siteId, receiverId: admin, ref: '20261120-A009', receivedAt: s.clock.now - 49 * HOUR, createdAt: s.clock.now - 49 * HOUR })
    const m = mutation(desk, admin, { name: 'reception.create', table: 'receptions', recordId: old.id, fields: old })
    const send = () => app.inject({ method: 'POST', url: '/api/sync/push', headers: protocolHeaders(desk.token), payload: { mutations: [m] } })
    expect((await send()).statusCode).toBe(200)
    // The same mutation again applies nothing: no call.
    expect((await send()).statusCode).toBe(200)
    expect(pushed).toEqual([siteId])
    await app.close()
    const after = vi.fn(async () => {})
    const schedule = scheduleNotifyRules(s.db, s.app.log, { clock: () => s.clock.now, every: 3_600_000, soonMs: 0, after })
    try {
      await vi.waitFor(() => expect(after).toHaveBeenCalledTimes(1))
      schedule.poke(siteId)
      await vi.waitFor(() => expect(after).toHaveBeenCalledTimes(2))
      expect((await notices(desk)).map((n) => n.id)).toContain(`requestToSupervisor:${old.id}:supervisor`)
    } finally {
      schedule.stop()
    }
  })
})
