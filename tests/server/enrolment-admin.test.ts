import { afterEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { issueCode } from '@server/repositories/codes'
import { BACKENDS } from '../support/server-db'
import { departmentPut, enrol, mutation, protocolHeaders, pullAll, push, pushOk, setUpConsole, siteWithAdmin, testServer, type TestServer } from '../support/server-fixtures'
import type { EnrolResponse } from '@shared/sync/protocol'

describe.each(BACKENDS)('enrolment, connecting, revoking and the console on $name', (backend) => {
  let s: TestServer
  afterEach(async () => s?.close())

  it('uses a code once, refuses it expired or mistyped, and accepts it typed loosely', async () => {
    s = await testServer(backend)
    const { siteId } = await siteWithAdmin(s)
    const { code } = await issueCode(s.db.kysely, 'enrol', siteId, s.clock.now)
    const loose = ` ${code.toLowerCase().replace('-', ' ')} `
    const ok = await s.app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code: loose.trim(), name: '前台平板' } })
    expect(ok.statusCode).toBe(200)
    const again = await s.app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code, name: '第二台' } })
    expect(again.statusCode).toBe(400)
    expect(again.json().message).toContain('已经用过')
    const { code: old } = await issueCode(s.db.kysely, 'enrol', siteId, s.clock.now)
    s.clock.now += 25 * 3600_000
    const expired = await s.app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code: old, name: 'x' } })
    expect(expired.json().message).toContain('过期')
    const wrong = await s.app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code: 'AAAAA-BBBBB', name: 'x' } })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().message).toContain('注册码不正确')
  })

  it('connects a standalone tablet: its site and first-run records go up, then another tablet enrols and sees them', async () => {
    s = await testServer(backend)
    const siteId = newId()
    const deviceId = newId()
    const setupAt = s.clock.now - 3 * 24 * 3600_000
    const { code } = await issueCode(s.db.kysely, 'connect', null, s.clock.now)
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/devices/connect',
      headers: protocolHeaders(),
      payload: { code, site: { id: siteId, name: '海棠苑', timezone: 'Asia/Shanghai' }, device: { id: deviceId, name: '前台平板' }, setupAt },
    })
    expect(res.statusCode).toBe(200)
    const body = res.json<EnrolResponse>()
    const founder = { id: deviceId, siteId, token: body.token, letter: body.device.letter }
    expect(founder.letter).toBe('A')
    // First-run writes (no staff yet) made before connecting are accepted from the founder…
    const staffId = newId()
    const verifier = { algorithm: 'PBKDF2-SHA256', iterations: 210000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }
    const setupWrites = [
      mutation(founder, null, { name: 'site.put', table: 'sites', recordId: siteId, fields: { id: siteId, name: '海棠苑', timezone: 'Asia/Shanghai' }, createdAt: setupAt }, setupAt),
      mutation(founder, null, { name: 'staff.put', table: 'staff', recordId: staffId, fields: { id: staffId, siteId, name: '王管理', role: 'administrator', departmentId: null, pin: verifier, active: true }, createdAt: setupAt }, setupAt),
      { ...departmentPut(founder, null, { id: newId(), name: '工程部' }, setupAt), createdAt: setupAt },
    ]
    expect((await pushOk(s, founder, setupWrites)).results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
    // …but not made afterwards.
    const late = { ...departmentPut(founder, null, { id: newId(), name: '后来' }, s.clock.now), createdAt: s.clock.now }
    expect((await pushOk(s, founder, [late])).results[0]).toMatchObject({ status: 'rejected', reason: 'noStaff' })
    // And they are the site's records for the next tablet.
    const next = await enrol(s, siteId)
    expect(next.letter).toBe('B')
    const names = (await pullAll(s, next)).changes.map((c) => c.data.name)
    expect(names).toEqual(expect.arrayContaining(['海棠苑', '王管理', '工程部']))
  })

  it('refuses to connect a site that is already on the server', async () => {
    s = await testServer(backend)
    const { siteId } = await siteWithAdmin(s)
    const { code } = await issueCode(s.db.kysely, 'connect', null, s.clock.now)
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/devices/connect',
      headers: protocolHeaders(),
      payload: { code, site: { id: siteId, name: '重复', timezone: 'Asia/Shanghai' }, device: { id: newId(), name: 'x' }, setupAt: s.clock.now },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toBe('SiteExists')
  })

  it('a revoked tablet may push once more — kept aside, not applied — and may not pull', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const session = await setUpConsole(s)
    const revoke = await s.app.inject({ method: 'POST', url: `/api/admin/devices/${tablet.id}/revoke`, headers: { authorization: `Bearer ${session}` } })
    expect(revoke.json()).toEqual({ revoked: true })
    const m = departmentPut(tablet, adminStaffId, { id: newId(), name: '丢失平板上的记录' })
    const res = await pushOk(s, tablet, [m])
    expect(res).toEqual({ revoked: true, results: [{ id: m.id, status: 'quarantined' }] })
    expect(JSON.stringify((await pullAll(s, await enrol(s, siteId))).changes)).not.toContain('丢失平板上的记录')
    const pull = await s.app.inject({ method: 'GET', url: '/api/sync/pull', headers: protocolHeaders(tablet.token) })
    expect(pull.statusCode).toBe(403)
    expect(pull.json().error).toBe('DeviceRevoked')
    const quarantine = await s.app.inject({ method: 'GET', url: `/api/admin/quarantine?siteId=${siteId}`, headers: { authorization: `Bearer ${session}` } })
    expect(quarantine.json()[0]).toMatchObject({ id: m.id, device: { id: tablet.id }, name: 'department.put', summary: { text: '丢失平板上的记录' }, decision: null })
  })

  it('sets the server up once, logs in, creates sites and issues codes only with a session', async () => {
    s = await testServer(backend)
    expect((await s.app.inject({ method: 'GET', url: '/api/admin/status' })).json()).toEqual({ setUp: false })
    const weak = await s.app.inject({ method: 'POST', url: '/api/admin/setup', payload: { username: 'admin', password: 'short' } })
    expect(weak.statusCode).toBe(400)
    const token = await setUpConsole(s)
    expect((await s.app.inject({ method: 'GET', url: '/api/admin/status' })).json()).toEqual({ setUp: true })
    const twice = await s.app.inject({ method: 'POST', url: '/api/admin/setup', payload: { username: 'other', password: 'long-enough-1' } })
    expect(twice.statusCode).toBe(409)
    expect((await s.app.inject({ method: 'GET', url: '/api/admin/sites' })).statusCode).toBe(401)
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/admin/sites',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: '翠苑小区', adminName: '王管理', adminPin: '2580' },
    })
    expect(created.statusCode).toBe(200)
    const siteId = created.json().id as string
    const code = await s.app.inject({ method: 'POST', url: '/api/admin/codes', headers: { authorization: `Bearer ${token}` }, payload: { purpose: 'enrol', siteId } })
    expect(code.json().code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
    const badPin = await s.app.inject({ method: 'POST', url: '/api/admin/sites', headers: { authorization: `Bearer ${token}` }, payload: { name: 'x', adminName: 'y', adminPin: '1111' } })
    expect(badPin.statusCode).toBe(400)
    const login = await s.app.inject({ method: 'POST', url: '/api/admin/login', payload: { username: 'admin', password: 'wrong-password' } })
    expect(login.statusCode).toBe(401)
    // Sessions end after 12 hours.
    s.clock.now += 13 * 3600_000
    expect((await s.app.inject({ method: 'GET', url: '/api/admin/sites', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401)
  })

  it('rate-limits login and enrolment per address', async () => {
    s = await testServer(backend)
    const codes: number[] = []
    for (let i = 0; i < 12; i++) {
      codes.push((await s.app.inject({ method: 'POST', url: '/api/admin/login', payload: { username: 'admin', password: 'guess-' + i } })).statusCode)
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true)
    expect(codes.at(-1)).toBe(429)
    const enrolCodes: number[] = []
    for (let i = 0; i < 12; i++) {
      enrolCodes.push((await s.app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code: `GUESS${i}XXXX`, name: 'x' } })).statusCode)
    }
    expect(enrolCodes.at(-1)).toBe(429)
  })

  it('sends security headers and no CORS permission to other origins', async () => {
    s = await testServer(backend)
    const res = await s.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } })
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    const preflight = await s.app.inject({ method: 'OPTIONS', url: '/api/sync/push', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('describes the API in OpenAPI at /api/docs/json', async () => {
    s = await testServer(backend)
    const res = await s.app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/sync/push', '/api/sync/pull', '/api/devices/enrol', '/api/devices/connect', '/api/admin/codes', '/api/health']))
    expect((await s.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400)
  })

  it('answers push of an unknown mutation from a valid tablet without touching records', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const res = await push(s, tablet, [mutation(tablet, adminStaffId, { name: 'x.y', table: 'nope', recordId: 'r', fields: {} })])
    expect(res.statusCode).toBe(200)
    expect(await s.db.kysely.selectFrom('records').select('record_id').where('table_name', '=', 'nope').execute()).toEqual([])
  })
})

