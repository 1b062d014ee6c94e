/**
 * Contact retention on the server (issue 14 point 3), on SQLite and PostgreSQL: the dry run lists the closed
 * requests past the site's period and changes nothing; reducing keeps every row and event, shrinks names,
 * phones and numbers in texts, and reaches the tablets as pulled changes; open and recent requests are
 * never touched; two passes at once (two server processes) reduce each request once; the site's setting
 * decides the period; a tablet cannot push the full details back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { instantAt } from '@shared/domain/time'
import { applyContactRetention } from '@server/admin/contact-retention'
import { childRecords } from '@server/repositories/records'
import { BACKENDS } from '../support/server-db'
import { makeEvent, makeReception } from '../factories/register-print'
import { enrol, mutation, pullAll, pushOk, setUpConsole, siteWithAdmin, testServer, type TestDevice, type TestServer } from '../support/server-fixtures'

const at = (date: string, time = '10:00'): number => instantAt(date, time, 'Asia/Shanghai')

describe.each(BACKENDS)('contact retention on $name', (backend) => {
  let s: TestServer
  let session: string
  let siteId: string
  let admin: string
  let desk: TestDevice
  let other: TestDevice
  const requests: Record<'old' | 'recent' | 'open' | 'awaitingVisit', { reception: Reception; events: ReceptionEvent[] }> = {} as never

  const reception = (overrides: Partial<Reception>): Reception =>
    makeReception({ siteId, receiverId: admin, ref: '20230601-A001', receivedAt: at('2023-06-01'), createdAt: at('2023-06-01'), category: 'enquiry', matter: '请回电 13812345678 咨询停车位', ...overrides })
  const event = (r: Reception, type: ReceptionEvent['type'], when: number, overrides: Partial<ReceptionEvent> = {}): ReceptionEvent =>
    makeEvent(r, type, when, { id: newId(), staffId: admin, ...overrides })
  const create = (r: Reception) => mutation(desk, admin, { name: 'reception.create', table: 'receptions', recordId: r.id, fields: r })
  const add = (e: ReceptionEvent) => mutation(desk, admin, { name: 'receptionEvent.add', table: 'receptionEvents', recordId: e.id, fields: e })
  const console = (method: 'GET' | 'POST', token: string | null = session) =>
    s.app.inject({ method, url: `/api/admin/sites/${siteId}/contact-retention`, headers: token ? { authorization: `Bearer ${token}` } : {} })

  beforeAll(async () => {
    s = await testServer(backend)
    session = await setUpConsole(s)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    admin = site.adminStaffId
    desk = await enrol(s, siteId, '前台平板')
    other = await enrol(s, siteId, '经理平板')
    const old = reception({ ref: '20230601-A001', id: newId() })
    const recent = reception({ id: newId(), ref: '20250601-A001', receivedAt: at('2025-06-01'), createdAt: at('2025-06-01') })
    const open = reception({ id: newId(), ref: '20220301-A001', receivedAt: at('2022-03-01'), createdAt: at('2022-03-01') })
    const repair = reception({ id: newId(), ref: '20230602-A001', category: 'repair', matter: '厨房漏水' })
    requests.old = {
      reception: old,
      events: [
        event(old, 'correction', at('2023-06-01', '10:05'), { correction: { customerName: '王建华', phone: '13900001111' } }),
        event(old, 'followUp', at('2023-06-01', '11:00'), { note: '已致电 13900001111' }),
        event(old, 'result', at('2023-06-02'), { note: '已答复停车位事宜' }),
      ],
    }
    requests.recent = { reception: recent, events: [event(recent, 'result', at('2025-06-02'), { note: '已答复' })] }
    requests.open = { reception: open, events: [event(open, 'followUp', at('2022-03-02'), { note: '等待业委会回复' })] }
    requests.awaitingVisit = { reception: repair, events: [event(repair, 'result', at('2023-06-03'), { note: '已修好' })] }
    const all = Object.values(requests).flatMap(({ reception: r, events }) => [create(r), ...events.map(add)])
    expect((await pushOk(s, desk, all)).results.map((r) => r.status)).toEqual(all.map(() => 'applied'))
  })
  afterAll(async () => s?.close())

  it('answers only a company administrator: 401 without a session, 404 for an unknown site', async () => {
    expect((await console('GET', null)).statusCode).toBe(401)
    expect((await console('POST', null)).statusCode).toBe(401)
    const res = await s.app.inject({ method: 'GET', url: `/api/admin/sites/${newId()}/contact-retention`, headers: { authorization: `Bearer ${session}` } })
    expect(res.statusCode).toBe(404)
    expect(res.json<{ message: string }>().message).toContain('没有这个项目')
  })

  it('the dry run lists only the request closed more than three years ago, and what would shrink — changing nothing', async () => {
    const { cursor } = await pullAll(s, other)
    const res = await console('GET')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ years: 3, due: 1, items: [{ ref: '20230601-A001', closedAt: at('2023-06-02'), fields: ['customerName', 'phone', 'matter', 'events'] }] })
    expect(res.body).not.toMatch(/王建|1381234|1390000/)
    expect((await pullAll(s, other, cursor)).changes).toEqual([])
  })

  it('reduces the request and its events in place; the tablets pull them; the rest stays as it was', async () => {
    const { cursor } = await pullAll(s, other)
    const res = await console('POST')
    expect(res.json()).toEqual({ reduced: 1 })
    const changes = (await pullAll(s, other, cursor)).changes
    const { reception: old, events } = requests.old
    expect(changes.map((c) => c.id).sort()).toEqual([old.id, events[0]!.id, events[1]!.id].sort())
    const pulled = changes.find((c) => c.id === old.id)!.data
    expect(pulled).toEqual({ ...old, customerName: '王', phone: '138****5678', matter: '请回电 138****5678 咨询停车位' })
    expect(changes.find((c) => c.id === events[0]!.id)!.data).toEqual({ ...events[0], correction: { customerName: '王', phone: '139****1111' } })
    expect(changes.find((c) => c.id === events[1]!.id)!.data).toEqual({ ...events[1], note: '已致电 139****1111' })
    // The timeline stays its request's: every event is still found under it.
    expect((await childRecords(s.db.kysely, siteId, 'receptionEvents', old.id)).map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort())
    // Reducing again finds nothing; the open request, the recent one and the repair awaiting its visit keep everything.
    expect((await console('POST')).json()).toEqual({ reduced: 0 })
    const full = (await pullAll(s, other)).changes.filter((c) => c.table === 'receptions' && c.id !== old.id)
    expect(full.map((c) => c.data.phone)).toEqual(['13812345678', '13812345678', '13812345678'])
  })

  it('a tablet cannot push the full details back: the request is written once', async () => {
    const { results } = await pushOk(s, desk, [create(requests.old.reception)])
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/appendOnly/) })
  })

  it('follows the site’s setting; two passes at once (two server processes) reduce each request once', async () => {
    const years = mutation(desk, admin, { name: 'settings.put', table: 'settings', recordId: siteId, fields: { siteId, contactRetentionYears: 1 } })
    expect((await pushOk(s, desk, [years])).results[0]).toMatchObject({ status: 'applied' })
    expect((await console('GET')).json()).toMatchObject({ years: 1, due: 1, items: [{ ref: '20250601-A001' }] })
    const { cursor } = await pullAll(s, other)
    const passes = await Promise.all([applyContactRetention(s.db, s.clock.now), applyContactRetention(s.db, s.clock.now)])
    expect(passes.flat()).toEqual([{ siteId, reduced: 1 }])
    const changes = (await pullAll(s, other, cursor)).changes
    expect(changes.map((c) => [c.id, c.data.customerName])).toEqual([[requests.recent.reception.id, '王']])
  })
})
