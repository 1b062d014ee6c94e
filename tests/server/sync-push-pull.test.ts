import { afterEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { formatHlc } from '@shared/sync/hlc'
import { BACKENDS } from '../support/server-db'
import { departmentPut, enrol, mutation, pullAll, push, pushOk, siteWithAdmin, testServer, type TestServer } from '../support/server-fixtures'

describe.each(BACKENDS)('sync push and pull on $name', (backend) => {
  let s: TestServer
  afterEach(async () => s?.close())

  it('a new tablet pulls the site: site, settings, its administrator with PIN verifier, and itself', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    expect(tablet.letter).toBe('A')
    const { changes } = await pullAll(s, tablet)
    const byTable = (table: string) => changes.filter((c) => c.table === table)
    expect(byTable('sites')[0]?.data).toMatchObject({ id: siteId, name: '翠苑小区' })
    expect(byTable('settings')[0]?.data).toMatchObject({ siteId, supervisorEscalationHours: 48 })
    expect(byTable('staff')[0]?.data).toMatchObject({ id: adminStaffId, role: 'administrator', pin: { algorithm: 'PBKDF2-SHA256' } })
    expect(byTable('devices')[0]?.data).toMatchObject({ id: tablet.id, letter: 'A' })
    const second = await enrol(s, siteId, '后台电脑')
    expect(second.letter).toBe('B')
  })

  it('applies each mutation exactly once, however often it is pushed', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const m = departmentPut(tablet, adminStaffId, { id: newId(), name: '物业工程部' })
    expect((await pushOk(s, tablet, [m])).results).toEqual([{ id: m.id, status: 'applied' }])
    expect((await pushOk(s, tablet, [m, m])).results).toEqual([
      { id: m.id, status: 'duplicate' },
      { id: m.id, status: 'duplicate' },
    ])
    const applied = await s.db.kysely.selectFrom('applied_mutations').selectAll().where('id', '=', m.id).execute()
    expect(applied).toHaveLength(1)
    const { changes } = await pullAll(s, tablet)
    expect(changes.filter((c) => c.table === 'departments' && c.id === m.recordId)).toHaveLength(1)
  })

  it('merges concurrent edits of different fields, and the later stamp wins the same field', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const a = await enrol(s, siteId)
    const b = await enrol(s, siteId)
    const id = newId()
    const t = Date.UTC(2026, 10, 27, 2)
    await pushOk(s, a, [departmentPut(a, adminStaffId, { id, name: '物业工程部' }, t)])
    // b renames at t+2; a (offline, earlier clock) deactivates at t+1 and renames at t+1.
    await pushOk(s, b, [mutation(b, adminStaffId, { name: 'department.put', table: 'departments', recordId: id, fields: { name: '工程维修部' } }, t + 2000)])
    await pushOk(s, a, [mutation(a, adminStaffId, { name: 'department.put', table: 'departments', recordId: id, fields: { name: '工程一部', active: false } }, t + 1000)])
    const dept = (await pullAll(s, a)).changes.find((c) => c.id === id)!
    expect(dept.data).toMatchObject({ name: '工程维修部', active: false })
  })

  it('clamps a clock far in the future, so a tablet with a wrong date cannot win every later edit', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const fast = await enrol(s, siteId)
    const right = await enrol(s, siteId)
    const id = newId()
    await pushOk(s, fast, [departmentPut(fast, adminStaffId, { id, name: '未来' }, s.clock.now + 48 * 3600_000)])
    // Clamped to the 5-minute limit: anyone writing after that wins again.
    s.clock.now += 6 * 60_000
    await pushOk(s, right, [mutation(right, adminStaffId, { name: 'department.put', table: 'departments', recordId: id, fields: { name: '现在' } }, s.clock.now)])
    expect((await pullAll(s, right)).changes.find((c) => c.id === id)!.data.name).toBe('现在')
  })

  it('rejects what the staff member may not do, keeps it as a dead letter, and applies the rest of the batch', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const clerkId = newId()
    const verifier = { algorithm: 'PBKDF2-SHA256', iterations: 210000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }
    const addClerk = mutation(tablet, adminStaffId, {
      name: 'staff.put',
      table: 'staff',
      recordId: clerkId,
      fields: { id: clerkId, siteId, name: '李娜', role: 'assistant', departmentId: null, pin: verifier, active: true },
    })
    const clerkAddsDept = departmentPut(tablet, clerkId, { id: newId(), name: '私设部门' })
    const clerkMakesHerselfAdmin = mutation(tablet, clerkId, { name: 'staff.put', table: 'staff', recordId: clerkId, fields: { role: 'admin' } })
    const adminMakesClerkAdmin = mutation(tablet, adminStaffId, { name: 'staff.put', table: 'staff', recordId: clerkId, fields: { role: 'admin' } })
    const ok = departmentPut(tablet, adminStaffId, { id: newId(), name: '安保部' })
    const { results } = await pushOk(s, tablet, [addClerk, clerkAddsDept, clerkMakesHerselfAdmin, adminMakesClerkAdmin, ok])
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'applied'])
    expect(results[1]!.reason).toMatch(/notAllowed/)
    expect(results[3]!.reason).toMatch(/only an admin/)
    const dead = await s.db.kysely.selectFrom('dead_letters').select(['id', 'reason']).execute()
    expect(dead.map((d) => d.id).sort()).toEqual([clerkAddsDept.id, clerkMakesHerselfAdmin.id, adminMakesClerkAdmin.id].sort())
    // A rejected mutation pushed again stays rejected and is not applied.
    expect((await pushOk(s, tablet, [clerkAddsDept])).results[0]).toMatchObject({ status: 'rejected' })
  })

  it.each([
    ['an unknown mutation', { name: 'roster.approve', table: 'roster' }, /unknownMutation/],
    ['a record of another site', { siteOverride: true }, /wrongDevice/],
    ['an invalid record', { badField: true }, /invalid/],
    ['a staff member who does not exist', { staffId: 'ghost' }, /staff unknown/],
    ['no staff outside first-run setup', { staffId: null }, /noStaff/],
  ])('rejects %s', async (_what, variant, reason) => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const v = variant as { name?: string; table?: string; siteOverride?: boolean; badField?: boolean; staffId?: string | null }
    const base = departmentPut(tablet, v.staffId === undefined ? adminStaffId : v.staffId === 'ghost' ? newId() : null, { id: newId(), name: v.badField ? '' : '物业工程部' })
    const m = { ...base, ...(v.name ? { name: v.name, table: v.table! } : {}), ...(v.siteOverride ? { siteId: newId() } : {}) }
    const { results } = await pushOk(s, tablet, [m])
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(reason) })
  })

  it('pulls in pages without skipping or repeating, and a record changed again moves to the end', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const ids = Array.from({ length: 25 }, () => newId())
    await pushOk(s, tablet, ids.map((id, i) => departmentPut(tablet, adminStaffId, { id, name: `部门${i}` })))
    const first = await pullAll(s, tablet, 0, 7)
    // After the departments the site was created with (its suggestions), the 25 in the order written.
    const depts = first.changes.filter((c) => c.table === 'departments')
    expect(depts.map((c) => c.id).slice(-25)).toEqual(ids)
    const seqs = first.changes.map((c) => c.seq)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    expect(new Set(seqs).size).toBe(seqs.length)
    await pushOk(s, tablet, [mutation(tablet, adminStaffId, { name: 'department.put', table: 'departments', recordId: ids[3]!, fields: { name: '改名' } }, s.clock.now + 1000)])
    const later = await pullAll(s, tablet, first.cursor, 7)
    expect(later.changes.map((c) => [c.id, c.data.name])).toEqual([[ids[3], '改名']])
  })

  it('keeps a deletion as a tombstone that every tablet pulls', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const id = newId()
    await pushOk(s, tablet, [departmentPut(tablet, adminStaffId, { id, name: '临时部' })])
    await pushOk(s, tablet, [mutation(tablet, adminStaffId, { name: 'department.put', table: 'departments', recordId: id, fields: { _deleted: true } }, s.clock.now + 1000)])
    const change = (await pullAll(s, tablet)).changes.find((c) => c.id === id)!
    expect(change.deleted).toBe(true)
    const countOf = async (): Promise<number> => {
      const res = await s.app.inject({ method: 'GET', url: '/api/sync/counts', headers: { 'x-deskbook-protocol': '1', authorization: `Bearer ${tablet.token}` } })
      return (res.json<{ counts: Record<string, number> }>().counts.departments ?? 0)
    }
    const suggested = (await pullAll(s, tablet)).changes.filter((c) => c.table === 'departments' && !c.deleted).length
    expect(await countOf()).toBe(suggested)
  })

  it('sees only its own site', async () => {
    s = await testServer(backend)
    const one = await siteWithAdmin(s, '一号项目')
    const two = await siteWithAdmin(s, '二号项目')
    const a = await enrol(s, one.siteId)
    const b = await enrol(s, two.siteId)
    await pushOk(s, a, [departmentPut(a, one.adminStaffId, { id: newId(), name: '一号工程部' })])
    const seen = (await pullAll(s, b)).changes
    expect(seen.every((c) => c.data.siteId === two.siteId || c.id === two.siteId)).toBe(true)
    expect(JSON.stringify(seen)).not.toContain('一号')
    // Staff of site one cannot act through a tablet of site two.
    const { results } = await pushOk(s, b, [departmentPut(b, one.adminStaffId, { id: newId(), name: '越权' })])
    expect(results[0]).toMatchObject({ status: 'rejected' })
  })

  it('refuses requests without a device token, with a wrong one, or from a client too old', async () => {
    s = await testServer(backend)
    const res1 = await s.app.inject({ method: 'GET', url: '/api/sync/pull', headers: { 'x-deskbook-protocol': '1' } })
    expect(res1.statusCode).toBe(401)
    expect(res1.json().message).toContain('平板')
    const res2 = await s.app.inject({ method: 'GET', url: '/api/sync/pull', headers: { 'x-deskbook-protocol': '1', authorization: 'Bearer dev_nope' } })
    expect(res2.statusCode).toBe(401)
    const res3 = await s.app.inject({ method: 'GET', url: '/api/sync/pull', headers: { 'x-deskbook-protocol': '0', authorization: 'Bearer dev_nope' } })
    expect([400, 426]).toContain(res3.statusCode)
    const res4 = await s.app.inject({ method: 'GET', url: '/api/sync/pull' })
    expect(res4.statusCode).toBe(400)
  })

  it('answers a wrong HLC or missing fields with 400 and a message, never 500', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const m = departmentPut(tablet, adminStaffId, { id: newId(), name: '工程部' })
    const res = await push(s, tablet, [{ ...m, hlc: formatHlc({ wall: 1, counter: 0, node: '' }).slice(0, 5) }])
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain('请求内容不正确')
  })
})
