/**
 * The access trail on the server (issue 14 point 2), on SQLite and PostgreSQL: a desk tablet's entry is
 * taken once and reaches the site's other desk tablets, never a department's; every attempt to change one
 * is refused, as is an entry in another's name, by a role that records nothing, or holding a phone; a site
 * export writes its own entry; the console lists the trail (with a session) by name and tablet letter.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { AccessEntry } from '@shared/domain/access-trail'
import type { Role } from '@shared/domain/role'
import { BACKENDS } from '../support/server-db'
import { enrol, mutation, pullAll, pushOk, setUpConsole, siteWithAdmin, testServer, VERIFIER, type TestDevice, type TestServer } from '../support/server-fixtures'

describe.each(BACKENDS)('the access trail on $name', (backend) => {
  let s: TestServer
  let session: string
  let siteId: string
  let desk: TestDevice
  let other: TestDevice
  let staff: Record<'admin' | 'manager' | 'assistant' | 'engineer', string>

  beforeAll(async () => {
    s = await testServer(backend)
    session = await setUpConsole(s)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    desk = await enrol(s, siteId, '前台平板')
    other = await enrol(s, siteId, '经理平板')
    staff = { admin: site.adminStaffId, manager: newId(), assistant: newId(), engineer: newId() }
    const departments = (await s.app.inject({ method: 'GET', url: `/api/admin/sites/${siteId}/departments`, headers: { authorization: `Bearer ${session}` } })).json<{ id: string }[]>()
    const member = (who: keyof typeof staff, name: string, role: Role, departmentId: string | null = null) =>
      mutation(desk, staff.admin, { name: 'staff.put', table: 'staff', recordId: staff[who], fields: { id: staff[who], siteId, name, role, departmentId, pin: VERIFIER, active: true } })
    const { results } = await pushOk(s, desk, [member('manager', '刘经理', 'manager'), member('assistant', '李娜', 'assistant'), member('engineer', '张师傅', 'department', departments[0]!.id)])
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
  })
  afterAll(async () => s?.close())

  const entry = (by: string, overrides: Partial<AccessEntry> = {}): AccessEntry => ({
    id: newId(),
    siteId,
    staffId: by,
    consoleUser: '',
    deviceId: desk.id,
    at: s.clock.now,
    kind: 'revealPhone',
    subjectTable: 'receptions',
    subjectId: newId(),
    what: '接待登记 20261127-A001',
    ...overrides,
  })
  const put = (device: TestDevice, by: string, e: AccessEntry, fields: Record<string, unknown> = { ...e }) => mutation(device, by, { name: 'accessEntry.add', table: 'accessTrail', recordId: e.id, fields })
  const trail = async () => {
    const res = await s.app.inject({ method: 'GET', url: `/api/admin/sites/${siteId}/access-trail`, headers: { authorization: `Bearer ${session}` } })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ id: string; kind: string; what: string; who: string; device: string }[]>()
  }

  it('takes a manager’s entry once and sends it to the other desk tablet; the console lists who and which tablet', async () => {
    const e = entry(staff.manager)
    const m = put(desk, staff.manager, e)
    expect((await pushOk(s, desk, [m])).results[0]).toMatchObject({ status: 'applied' })
    // The same mutation again (a retry) changes nothing and is not a second entry.
    expect((await pushOk(s, desk, [m])).results[0]).toMatchObject({ status: 'duplicate' })
    const pulled = (await pullAll(s, other)).changes.filter((c) => c.table === 'accessTrail')
    expect(pulled.map((c) => c.id)).toEqual([e.id])
    expect(pulled[0]!.data).toMatchObject({ staffId: staff.manager, kind: 'revealPhone', what: '接待登记 20261127-A001' })
    expect(await trail()).toContainEqual({ id: e.id, at: e.at, kind: 'revealPhone', what: '接待登记 20261127-A001', who: '刘经理', device: desk.letter })
  })

  it('refuses every change to an entry, an entry in another’s name, from a role that records nothing, or holding a phone', async () => {
    const e = entry(staff.assistant, { kind: 'printPhones', subjectTable: '', subjectId: '', what: '接待登记 2026-11-01 至 2026-11-30' })
    expect((await pushOk(s, desk, [put(desk, staff.assistant, e)])).results[0]).toMatchObject({ status: 'applied' })
    const attempts = [
      put(desk, staff.assistant, e, { what: '无' }),
      put(desk, staff.assistant, e, { at: e.at + 1 }),
      put(desk, staff.manager, e, { staffId: staff.manager }),
      put(desk, staff.manager, entry(staff.assistant)),
      put(desk, staff.engineer, entry(staff.engineer)),
      put(desk, staff.manager, entry(staff.manager, { what: '业主电话 138 0013 8000' })),
      put(desk, staff.manager, entry(staff.manager, { what: '021-62345678' })),
    ]
    const { results } = await pushOk(s, desk, attempts)
    expect(results.map((r) => [r.status, 'reason' in r ? String(r.reason).split(':')[0] : ''])).toEqual([
      ['rejected', 'appendOnlyChanged'],
      ['rejected', 'appendOnlyChanged'],
      ['rejected', 'appendOnlyChanged'],
      ['rejected', 'actorMismatch'],
      ['rejected', 'notAllowed'],
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
    ])
    const stored = (await trail()).find((x) => x.id === e.id)
    expect(stored).toMatchObject({ what: '接待登记 2026-11-01 至 2026-11-30', who: '李娜' })
    expect(JSON.stringify(await trail())).not.toMatch(/13800138000|138 0013 8000|62345678/)
  })

  it('keeps the trail from a department’s tablet, both ways', async () => {
    const issued = await s.app.inject({ method: 'POST', url: '/api/admin/codes', headers: { authorization: `Bearer ${session}` }, payload: { purpose: 'enrol', siteId, deviceKind: 'department', departmentId: (await s.db.kysely.selectFrom('records').select('record_id').where('table_name', '=', 'departments').where('site_id', '=', siteId).executeTakeFirstOrThrow()).record_id } })
    expect(issued.statusCode, issued.body).toBe(200)
    const res = await s.app.inject({ method: 'POST', url: '/api/devices/enrol', headers: { 'x-deskbook-protocol': '1' }, payload: { code: issued.json().code, name: '工程部平板' } })
    const body = res.json<{ device: { id: string; letter: string }; token: string }>()
    const dept: TestDevice = { id: body.device.id, siteId, token: body.token, letter: body.device.letter }
    expect((await pullAll(s, dept)).changes.filter((c) => c.table === 'accessTrail')).toEqual([])
    const own = entry(staff.engineer, { deviceId: dept.id })
    expect((await pushOk(s, dept, [put(dept, staff.engineer, own)])).results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^confidential/) })
  })

  it('records a site export in the trail, by the console account, and sends it to the desk tablets', async () => {
    const res = await s.app.inject({ method: 'GET', url: `/api/admin/sites/${siteId}/export?format=json&phones=true`, headers: { authorization: `Bearer ${session}` } })
    expect(res.statusCode).toBe(200)
    const listed = (await trail()).filter((x) => x.kind === 'exportSite')
    expect(listed).toEqual([expect.objectContaining({ who: 'admin', device: '', what: '项目数据 JSON(含业主电话)' })])
    const pulled = (await pullAll(s, other)).changes.filter((c) => c.table === 'accessTrail' && c.data.kind === 'exportSite')
    expect(pulled.map((c) => c.data)).toEqual([expect.objectContaining({ staffId: null, consoleUser: 'admin', deviceId: null })])
  })

  it('lists the trail only with a session, only of a site that exists', async () => {
    expect((await s.app.inject({ method: 'GET', url: `/api/admin/sites/${siteId}/access-trail` })).statusCode).toBe(401)
    const unknown = await s.app.inject({ method: 'GET', url: `/api/admin/sites/${newId()}/access-trail`, headers: { authorization: `Bearer ${session}` } })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().message).toContain('没有这个项目')
  })
})
