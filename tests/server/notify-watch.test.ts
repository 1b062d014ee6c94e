/**
 * The requests the rules pass still reads (issue 15; notify_watch), on SQLite and PostgreSQL: a resolved
 * request drops out of the watch and gives no event; a request registered offline days ago and pushed late
 * is found on the next pass; a complaint resolved stays silent, one changed again is read again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { DAY, HOUR } from '@shared/domain/time'
import { evaluateNotifications } from '@server/notify/evaluate'
import { watchedRequests } from '@server/repositories/notify-watch'
import { BACKENDS } from '../support/server-db'
import { makeEvent, makeReception } from '../factories/register-print'
import { enrol, mutation, pushOk, siteWithAdmin, testServer, type TestDevice, type TestServer } from '../support/server-fixtures'

describe.each(BACKENDS)('the watched requests on $name', (backend) => {
  let s: TestServer
  let siteId: string
  let admin: string
  let desk: TestDevice

  const pass = async () => (await evaluateNotifications(s.db, s.clock.now)).flatMap((p) => p.fresh.map((e) => e.key)).sort()
  const watched = async () => (await watchedRequests(s.db.kysely, siteId)).map((w) => w.receptionId).sort()
  const request = (receivedAt: number, overrides: Partial<Reception> = {}): Reception =>
    makeReception({ id: newId(), siteId, receiverId: admin, ref: '20261125-A001', receivedAt, createdAt: receivedAt, ...overrides })
  const event = (r: Reception, type: ReceptionEvent['type'], at: number): ReceptionEvent => makeEvent(r, type, at, { id: newId(), staffId: admin, note: '已处理' })
  const push = async (...records: (Reception | ReceptionEvent)[]) => {
    const ms = records.map((r) =>
      'receptionId' in r
        ? mutation(desk, admin, { name: 'receptionEvent.add', table: 'receptionEvents', recordId: r.id, fields: r })
        : mutation(desk, admin, { name: 'reception.create', table: 'receptions', recordId: r.id, fields: r }),
    )
    expect((await pushOk(s, desk, ms)).results.map((r) => r.status)).toEqual(ms.map(() => 'applied'))
  }

  beforeAll(async () => {
    s = await testServer(backend)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    admin = site.adminStaffId
    desk = await enrol(s, siteId, '前台平板')
  })
  afterAll(async () => s?.close())

  it('a resolved request drops out; an open one stays and is found', async () => {
    const now = s.clock.now
    const open = request(now - 50 * HOUR)
    const done = request(now - 50 * HOUR)
    await push(open, done, event(done, 'result', now - 49 * HOUR))
    expect(await watched()).toEqual([done.id, open.id].sort())
    expect(await pass()).toEqual([`requestToSupervisor:${open.id}:supervisor`])
    expect(await watched()).toEqual([open.id])
    expect(await pass()).toEqual([])
  })

  it('a request registered offline 8 days ago and pushed late is found on the next pass, to the manager too', async () => {
    const late = request(s.clock.now - 8 * DAY)
    await push(late)
    expect(await pass()).toEqual([`requestToManager:${late.id}:manager`, `requestToSupervisor:${late.id}:supervisor`])
  })

  it('a complaint resolved within its time stays silent and drops out; resolving the open request drops it', async () => {
    const now = s.clock.now
    const complaint = request(now - 30 * HOUR, { category: 'complaint' })
    await push(complaint, event(complaint, 'result', now - 29 * HOUR))
    const before = await watched()
    expect(await pass()).toEqual([])
    expect(await watched()).toEqual(before.filter((id) => id !== complaint.id))
    const [open] = await watched()
    await push(event({ id: open!, siteId } as Reception, 'result', now))
    expect(await watched()).toContain(open)
    await pass()
    expect(await watched()).not.toContain(open)
  })
})
