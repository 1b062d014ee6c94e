/**
 * A department's own tablet (issue 10 point 12): the console issues an enrolment code for one of the
 * site's active departments; the tablet that uses it is a `department` device of that department — it
 * is told so, listed so, used by that department's members only, and its department is never deleted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Role } from '@shared/domain/role'
import type { Mutation } from '@shared/sync/mutation'
import { CONFIDENTIAL_TABLES } from '@shared/sync/registry'
import type { EnrolResponse } from '@shared/sync/protocol'
import { BACKENDS } from '../support/server-db'
import { mutation, protocolHeaders, pullAll, pushOk, setUpConsole, siteWithAdmin, testServer, VERIFIER, type TestDevice, type TestServer, enrol } from '../support/server-fixtures'

type Who = 'admin' | 'assistant' | 'engineer' | 'guard'

describe.each(BACKENDS)('department tablets on $name', (backend) => {
  let s: TestServer
  let siteId: string
  let desk: TestDevice
  let session: string
  let departments: Record<string, string>
  let staff: Record<Who, string>

  afterEach(async () => s?.close())

  beforeEach(async () => {
    s = await testServer(backend)
    session = await setUpConsole(s)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    desk = await enrol(s, siteId)
    const listed = await console('GET', `/api/admin/sites/${siteId}/departments`)
    expect(listed.statusCode).toBe(200)
    departments = Object.fromEntries(listed.json<{ id: string; name: string; active: boolean }[]>().map((d) => [d.name, d.id]))
    staff = { admin: site.adminStaffId, assistant: newId(), engineer: newId(), guard: newId() }
    const member = (who: Who, name: string, role: Role, departmentId: string | null): Mutation =>
      mutation(desk, staff.admin, { name: 'staff.put', table: 'staff', recordId: staff[who], fields: { id: staff[who], siteId, name, role, departmentId, pin: VERIFIER, active: true } })
    const { results } = await pushOk(s, desk, [member('assistant', '李娜', 'assistant', null), member('engineer', '张师傅', 'department', departments['工程部']!), member('guard', '刘保安', 'department', departments['秩序部']!)])
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
  })

  function console(method: 'GET' | 'POST', url: string, payload?: object) {
    return s.app.inject({ method, url, headers: { authorization: `Bearer ${session}` }, ...(payload ? { payload } : {}) })
  }

  async function departmentTablet(departmentName: string): Promise<{ device: TestDevice; body: EnrolResponse }> {
    const issued = await console('POST', '/api/admin/codes', { purpose: 'enrol', siteId, deviceKind: 'department', departmentId: departments[departmentName] })
    expect(issued.statusCode, issued.body).toBe(200)
    const res = await s.app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code: issued.json().code, name: `${departmentName}平板` } })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<EnrolResponse>()
    return { device: { id: body.device.id, siteId, token: body.token, letter: body.device.letter }, body }
  }

  it('lists the site’s departments for the console, only with a session, only of a site that exists', async () => {
    expect(Object.keys(departments)).toEqual(['工程部', '环境部', '秩序部', '财务部'].sort((a, b) => a.localeCompare(b, 'zh-CN')))
    expect((await s.app.inject({ method: 'GET', url: `/api/admin/sites/${siteId}/departments` })).statusCode).toBe(401)
    const unknown = await console('GET', `/api/admin/sites/${newId()}/departments`)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().message).toContain('没有这个项目')
  })

  it('enrols a department device of the department the code names, and lists it so', async () => {
    const { device, body } = await departmentTablet('工程部')
    expect(body.device).toMatchObject({ kind: 'department', departmentId: departments['工程部'] })
    const row = await s.db.kysely.selectFrom('devices').select(['kind', 'department_id']).where('id', '=', device.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ kind: 'department', department_id: departments['工程部'] })
    const listed = (await console('GET', `/api/admin/devices?siteId=${siteId}`)).json<{ id: string; kind: string; department: string | null }[]>()
    expect(listed.map((d) => [d.id, d.kind, d.department])).toEqual([
      [desk.id, 'desk', null],
      [device.id, 'department', '工程部'],
    ])
    // Every tablet of the site learns what the new one is; the department tablet gets none of the duty log.
    const changes = (await pullAll(s, device)).changes
    expect(changes.find((c) => c.table === 'devices' && c.id === device.id)?.data).toMatchObject({ kind: 'department', departmentId: departments['工程部'] })
    expect(changes.some((c) => CONFIDENTIAL_TABLES.includes(c.table))).toBe(false)
    expect((await pullAll(s, desk)).changes.find((c) => c.table === 'devices' && c.id === device.id)?.data).toMatchObject({ kind: 'department' })
  })

  it('takes work from that department’s members only', async () => {
    const { device } = await departmentTablet('工程部')
    const receptionId = newId()
    const t = s.clock.now
    const reception = { id: receptionId, siteId, ref: '20261127-A001', receivedAt: t, channel: 'visit', receiverId: staff.assistant, relayedBy: '', room: '3-1-1101', roomId: null, customerId: null, customerName: '王建国', honorific: 'mr', phone: '', matter: '厨房漏水', category: 'repair', urgency: 'normal', createdAt: t }
    const event = (who: Who, type: string, on = device, departmentId: string | null = null) => {
      const e = { id: newId(), siteId, receptionId, type, at: t + 1000, staffId: staff[who], note: '已修好', departmentId, assignee: '', satisfaction: null, level: null, correction: null, signatureId: null, createdAt: t + 1000 }
      return mutation(on, staff[who], { name: 'receptionEvent.add', table: 'receptionEvents', recordId: e.id, fields: e })
    }
    const atDesk = await pushOk(s, desk, [mutation(desk, staff.assistant, { name: 'reception.create', table: 'receptions', recordId: receptionId, fields: reception }), event('assistant', 'handedOver', desk, departments['工程部']!)])
    expect(atDesk.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    const refused = 'notAllowed: this tablet is for its department’s members only'
    const steps: [string, Mutation, object][] = [
      ['the guard of 秩序部', event('guard', 'followUp'), { status: 'rejected', reason: refused }],
      ['the assistant', event('assistant', 'followUp'), { status: 'rejected', reason: refused }],
      ['the administrator', event('admin', 'followUp'), { status: 'rejected', reason: refused }],
      ['the engineer of 工程部', event('engineer', 'departmentDone'), { status: 'applied' }],
    ]
    for (const [label, m, want] of steps) expect((await pushOk(s, device, [m])).results[0], label).toMatchObject(want)
    // A department tablet enrolled without a department (before codes named one) keeps working as it did.
    const legacy = await enrol(s, siteId, '旧部门平板', 'department')
    expect((await pushOk(s, legacy, [event('engineer', 'followUp', legacy)])).results[0]).toMatchObject({ status: 'applied' })
    expect((await pushOk(s, legacy, [event('assistant', 'followUp', legacy)])).results[0]).toMatchObject({ status: 'applied' })
  })

  it('refuses a department code without a department, for another site’s, or for a deactivated one; and a desk code with one', async () => {
    const other = await siteWithAdmin(s, '海棠苑')
    const otherDepartment = (await console('GET', `/api/admin/sites/${other.siteId}/departments`)).json<{ id: string }[]>()[0]!.id
    await pushOk(s, desk, [mutation(desk, staff.admin, { name: 'department.put', table: 'departments', recordId: departments['财务部']!, fields: { active: false } }, s.clock.now + 1000)])
    const cases: [object, number, string][] = [
      [{ deviceKind: 'department' }, 400, '请选择部门平板所属的部门'],
      [{ deviceKind: 'department', departmentId: otherDepartment }, 404, '这个项目没有这个部门'],
      [{ deviceKind: 'department', departmentId: 'x'.repeat(37) }, 400, ''],
      [{ deviceKind: 'department', departmentId: departments['财务部'] }, 409, '部门 财务部 已停用'],
      [{ deviceKind: 'desk', departmentId: departments['工程部'] }, 400, '前台平板不属于部门'],
    ]
    for (const [extra, status, message] of cases) {
      const res = await console('POST', '/api/admin/codes', { purpose: 'enrol', siteId, ...extra })
      expect(res.statusCode, JSON.stringify(extra)).toBe(status)
      expect(res.json().message).toContain(message)
    }
    expect(await s.db.kysely.selectFrom('one_time_codes').select('code_hash').where('site_id', '=', siteId).execute()).toHaveLength(1)
  })

  it('never deletes the department a tablet belongs to', async () => {
    await departmentTablet('环境部')
    const m = mutation(desk, staff.admin, { name: 'department.put', table: 'departments', recordId: departments['环境部']!, fields: { _deleted: true } }, s.clock.now + 1000)
    expect((await pushOk(s, desk, [m])).results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^inUse: devices name this department/) })
  })
})
