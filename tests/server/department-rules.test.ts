/**
 * Departments on the server (issue 10 point 11): the settings editor's rules are the server's — a
 * name, at most 30 characters, not another active department's — only whoever manages the site's
 * settings changes them, and a department that records point at is never deleted, only deactivated.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Role } from '@shared/domain/role'
import type { Mutation } from '@shared/sync/mutation'
import { BACKENDS } from '../support/server-db'
import { applied, departmentPut, enrol, mutation, pullAll, pushOk, rejected, siteWithAdmin, testServer, VERIFIER, type Expect, type TestDevice, type TestServer } from '../support/server-fixtures'

type Who = 'admin' | 'assistant' | 'supervisor' | 'manager' | 'engineer'

describe.each(BACKENDS)('department.put rules on $name', (backend) => {
  let s: TestServer
  let desk: TestDevice
  let siteId: string
  let staff: Record<Who, string>
  /** The departments the site was created with, by name. */
  let suggested: Record<string, string>

  afterEach(async () => s?.close())

  beforeEach(async () => {
    s = await testServer(backend)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    desk = await enrol(s, siteId)
    suggested = Object.fromEntries((await pullAll(s, desk)).changes.filter((c) => c.table === 'departments').map((c) => [c.data.name, c.id]))
    expect(Object.keys(suggested)).toEqual(['工程部', '秩序部', '环境部', '财务部'])
    staff = { admin: site.adminStaffId, assistant: newId(), supervisor: newId(), manager: newId(), engineer: newId() }
    const member = (who: Who, name: string, role: Role, departmentId: string | null): Mutation =>
      mutation(desk, staff.admin, { name: 'staff.put', table: 'staff', recordId: staff[who], fields: { id: staff[who], siteId, name, role, departmentId, pin: VERIFIER, active: true } })
    const { results } = await pushOk(s, desk, [
      member('assistant', '李娜', 'assistant', null),
      member('supervisor', '赵主管', 'supervisor', null),
      member('manager', '陈经理', 'manager', null),
      member('engineer', '张师傅', 'department', suggested['工程部']!),
    ])
    expect(results.map((r) => r.status)).toEqual(Array(4).fill('applied'))
  })

  const add = (who: Who, name: string, id = newId(), active = true): Mutation => departmentPut(desk, staff[who], { id, name, active }, s.clock.now)
  const edit = (who: Who, id: string, fields: Record<string, unknown>): Mutation => mutation(desk, staff[who], { name: 'department.put', table: 'departments', recordId: id, fields }, (s.clock.now += 1000))

  async function expectSteps(steps: [string, Mutation, Expect][]): Promise<void> {
    for (const [label, m, want] of steps) {
      const [got] = (await pushOk(s, desk, [m])).results
      if (want.status === 'rejected') expect(got, label).toMatchObject({ id: m.id, status: 'rejected', reason: expect.stringMatching(want.reason) })
      else expect(got, label).toEqual({ id: m.id, status: want.status })
    }
  }

  async function stored(): Promise<Record<string, { name: unknown; active: unknown; deleted: boolean }>> {
    const changes = (await pullAll(s, desk)).changes.filter((c) => c.table === 'departments')
    return Object.fromEntries(changes.map((c) => [c.id, { name: c.data.name, active: c.data.active, deleted: c.deleted }]))
  }

  it('takes a name that is there, short enough and no other active department’s', async () => {
    const garden = newId()
    await expectSteps([
      ['a new department', add('admin', '绿化部', garden), applied],
      ['the same name again', add('admin', ' 绿化部 '), rejected(/^invalid: nameTaken$/)],
      ['a name of spaces', add('admin', '   '), rejected(/^invalid: nameRequired$/)],
      ['31 characters', add('admin', '部'.repeat(31)), rejected(/^invalid: \/name tooLong$/)],
      ['renamed to another active one’s name', edit('admin', suggested['财务部']!, { name: '工程部' }), rejected(/^invalid: nameTaken$/)],
      ['renamed', edit('admin', suggested['环境部']!, { name: '环境保洁部' }), applied],
      ['deactivated', edit('admin', suggested['财务部']!, { active: false }), applied],
      ['its name for a new department', add('admin', '财务部'), applied],
      ['the old one reactivated while the new one has its name', edit('admin', suggested['财务部']!, { active: true }), rejected(/^invalid: nameTaken$/)],
    ])
    const now = await stored()
    expect(now[garden]).toEqual({ name: '绿化部', active: true, deleted: false })
    expect(now[suggested['环境部']!]).toMatchObject({ name: '环境保洁部', active: true })
    expect(now[suggested['财务部']!]).toEqual({ name: '财务部', active: false, deleted: false })
    expect(Object.values(now).filter((d) => d.name === '财务部').map((d) => d.active)).toEqual([false, true])
  })

  it('lets only whoever manages the site’s settings change departments', async () => {
    await expectSteps([
      ['the assistant adds one', add('assistant', '绿化部'), rejected(/^notAllowed: assistant may not settings.manage$/)],
      ['the supervisor deactivates one', edit('supervisor', suggested['财务部']!, { active: false }), rejected(/^notAllowed: supervisor may not settings.manage$/)],
      ['the manager renames one', edit('manager', suggested['财务部']!, { name: '财务室' }), rejected(/^notAllowed: manager may not settings.manage$/)],
      ['a department member adds one', add('engineer', '工程二部'), rejected(/^notAllowed: department may not settings.manage$/)],
      ['the administrator deactivates one', edit('admin', suggested['财务部']!, { active: false }), applied],
    ])
  })

  it('never deletes a department that staff or a request point at; one nobody names may go', async () => {
    const handedTo = suggested['秩序部']!
    const receptionId = newId()
    const t = s.clock.now
    const reception = { id: receptionId, siteId, ref: '20261127-A001', receivedAt: t, channel: 'visit', receiverId: staff.assistant, relayedBy: '', room: '3-1-1101', roomId: null, customerId: null, customerName: '王建国', honorific: 'mr', phone: '', matter: '楼道灯不亮', category: 'repair', urgency: 'normal', createdAt: t }
    const event = { id: newId(), siteId, receptionId, type: 'handedOver', at: t, staffId: staff.assistant, note: '', departmentId: handedTo, assignee: '', satisfaction: null, level: null, correction: null, signatureId: null, createdAt: t }
    const unused = newId()
    await expectSteps([
      ['a request', mutation(desk, staff.assistant, { name: 'reception.create', table: 'receptions', recordId: receptionId, fields: reception }), applied],
      ['handed to 秩序部', mutation(desk, staff.assistant, { name: 'receptionEvent.add', table: 'receptionEvents', recordId: event.id, fields: event }), applied],
      ['a department added by mistake', add('admin', '临时部', unused), applied],
      ['工程部 deleted: its member names it', edit('admin', suggested['工程部']!, { _deleted: true }), rejected(/^inUse: staff name this department/)],
      ['秩序部 deleted: a request was handed to it', edit('admin', handedTo, { _deleted: true }), rejected(/^inUse: receptionEvents name this department/)],
      ['the one added by mistake deleted', edit('admin', unused, { _deleted: true }), applied],
      ['秩序部 deactivated instead', edit('admin', handedTo, { active: false }), applied],
    ])
    const now = await stored()
    expect(now[suggested['工程部']!]).toEqual({ name: '工程部', active: true, deleted: false })
    expect(now[handedTo]).toEqual({ name: '秩序部', active: false, deleted: false })
    expect(now[unused]).toMatchObject({ deleted: true })
  })
})
