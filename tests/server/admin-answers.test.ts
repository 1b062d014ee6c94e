/**
 * The console's answers keep every field once their response schemas are declared (the serializer
 * sends only what a schema names): a new site, a code, a revocation, the list of refused mutations.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DAY } from '@shared/domain/time'
import { newId } from '@shared/domain/ids'
import { BACKENDS } from '../support/server-db'
import { departmentPut, enrol, pushOk, setUpConsole, siteWithAdmin, testServer, type TestServer } from '../support/server-fixtures'

describe.each(BACKENDS)('the console API answers on $name', (backend) => {
  let s: TestServer
  afterEach(async () => s?.close())

  async function consoleSession(): Promise<(method: 'GET' | 'POST', url: string, payload?: object) => Promise<{ status: number; body: unknown }>> {
    const headers = { authorization: `Bearer ${await setUpConsole(s)}` }
    return async (method, url, payload) => {
      const res = await s.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })
      return { status: res.statusCode, body: res.json() }
    }
  }

  it('answers a new site with its id, name and time zone', async () => {
    s = await testServer(backend)
    const call = await consoleSession()
    const created = await call('POST', '/api/admin/sites', { name: ' 翠苑小区 ', timezone: 'Asia/Urumqi', adminName: '王管理', adminPin: '2580' })
    expect(created.status).toBe(200)
    expect(created.body).toEqual({ id: expect.any(String), name: '翠苑小区', timezone: 'Asia/Urumqi' })
  })

  it('answers a code with the code and when it expires', async () => {
    s = await testServer(backend)
    const { siteId } = await siteWithAdmin(s)
    const call = await consoleSession()
    const issued = await call('POST', '/api/admin/codes', { purpose: 'enrol', siteId })
    expect(issued.status).toBe(200)
    expect(issued.body).toEqual({ code: expect.stringMatching(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/), expiresAt: s.clock.now + DAY })
  })

  it('answers a revocation with whether it revoked the tablet now', async () => {
    s = await testServer(backend)
    const { siteId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const call = await consoleSession()
    expect(await call('POST', `/api/admin/devices/${tablet.id}/revoke`)).toEqual({ status: 200, body: { revoked: true } })
    expect(await call('POST', `/api/admin/devices/${tablet.id}/revoke`)).toEqual({ status: 200, body: { revoked: false } })
  })

  it('lists a refused mutation with its row, the reason and the mutation as it was pushed', async () => {
    s = await testServer(backend)
    const { siteId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const refused = departmentPut(tablet, newId(), { id: newId(), name: '无人记录的部门' })
    expect((await pushOk(s, tablet, [refused])).results[0]).toMatchObject({ status: 'rejected' })
    const call = await consoleSession()
    const listed = await call('GET', `/api/admin/dead-letters?siteId=${siteId}`)
    expect(listed.status).toBe(200)
    expect(listed.body).toEqual([{ id: refused.id, site_id: siteId, device_id: tablet.id, mutation: refused, reason: 'staff unknown', created_at: s.clock.now }])
  })
})
