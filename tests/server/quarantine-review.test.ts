/**
 * Reviewing what a revoked tablet uploaded (issue 10 point 13): the console sees which tablet, who and
 * what — never an owner's phone or full name — and applies each record through the same rules and merge
 * as a push, exactly once, or discards it; every decision is kept with who and when.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Mutation } from '@shared/sync/mutation'
import type { QuarantineItem } from '@shared/sync/admin-api'
import { BACKENDS } from '../support/server-db'
import { departmentPut, enrol, mutation, pullAll, pushOk, setUpConsole, siteWithAdmin, testServer, VERIFIER, type TestDevice, type TestServer } from '../support/server-fixtures'

describe.each(BACKENDS)('quarantine review on $name', (backend) => {
  let s: TestServer
  let siteId: string
  let lost: TestDevice
  let other: TestDevice
  let session: string
  let assistant: string
  let engineering: string

  afterEach(async () => s?.close())

  beforeEach(async () => {
    s = await testServer(backend)
    session = await setUpConsole(s)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    lost = await enrol(s, siteId, '前台平板')
    other = await enrol(s, siteId, '二号平板')
    engineering = (await pullAll(s, other)).changes.find((c) => c.table === 'departments' && c.data.name === '工程部')!.id
    assistant = newId()
    await pushOk(s, other, [mutation(other, site.adminStaffId, { name: 'staff.put', table: 'staff', recordId: assistant, fields: { id: assistant, siteId, name: '李娜', role: 'assistant', departmentId: null, pin: VERIFIER, active: true } })])
  })

  const admin = (method: 'GET' | 'POST', url: string) => s.app.inject({ method, url, headers: { authorization: `Bearer ${session}` } })
  const list = async (): Promise<QuarantineItem[]> => (await admin('GET', `/api/admin/quarantine?siteId=${siteId}`)).json<QuarantineItem[]>()
  const decide = (id: string, what: 'apply' | 'discard') => admin('POST', `/api/admin/quarantine/${id}/${what}`)

  function reception(): { m: Mutation; id: string; at: number } {
    const id = newId()
    const at = Date.UTC(2026, 11, 1, 2, 2)
    const fields = { id, siteId, ref: '20261201-A001', receivedAt: at, channel: 'phone', receiverId: assistant, relayedBy: '', room: '3-1-1101', roomId: null, customerId: null, customerName: '陈丽', honorific: 'ms', phone: '13812345678', matter: '卫生间漏水,请回电 138 1234 5678', category: 'repair', urgency: 'normal', createdAt: at }
    return { m: mutation(lost, assistant, { name: 'reception.create', table: 'receptions', recordId: id, fields }), id, at }
  }
  function handedOver(receptionId: string): Mutation {
    const e = { id: newId(), siteId, receptionId, type: 'handedOver', at: Date.UTC(2026, 11, 1, 2, 10), staffId: assistant, note: '请工程部今天上门', departmentId: engineering, assignee: '', satisfaction: null, level: null, correction: null, signatureId: null, createdAt: Date.UTC(2026, 11, 1, 2, 10) }
    return mutation(lost, assistant, { name: 'receptionEvent.add', table: 'receptionEvents', recordId: e.id, fields: e })
  }

  async function revokeAndUpload(mutations: Mutation[]): Promise<void> {
    expect((await admin('POST', `/api/admin/devices/${lost.id}/revoke`)).json()).toEqual({ revoked: true })
    const res = await pushOk(s, lost, mutations)
    expect(res.results.map((r) => r.status)).toEqual(mutations.map(() => 'quarantined'))
  }

  it('shows which tablet, who and what — a readable summary without the owner’s phone or full name', async () => {
    const r = reception()
    await revokeAndUpload([r.m, handedOver(r.id)])
    const res = await admin('GET', `/api/admin/quarantine?siteId=${siteId}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toMatch(/13812345678|138 1234 5678|陈丽/)
    const items = res.json<QuarantineItem[]>()
    const item = items.find((i) => i.id === r.m.id)!
    expect(item).toEqual({
      id: r.m.id,
      siteId,
      receivedAt: s.clock.now,
      device: { id: lost.id, letter: 'A', name: '前台平板' },
      staffName: '李娜',
      name: 'reception.create',
      table: 'receptions',
      summary: { at: r.at, ref: '20261201-A001', room: '3-1-1101', person: '陈女士', text: '卫生间漏水,请回电 138****5678' },
      decision: null,
      refusal: null,
    })
    // A timeline event names its note; its request is not on the server yet, so no reference.
    expect(items.find((i) => i.name === 'receptionEvent.add')!.summary).toEqual({ at: Date.UTC(2026, 11, 1, 2, 10), ref: '', room: '', person: '', text: '请工程部今天上门' })
    expect((await s.app.inject({ method: 'GET', url: '/api/admin/quarantine' })).statusCode).toBe(401)
  })

  it('applies through the rules of a push, in an order that works, exactly once; each decision with who and when', async () => {
    const r = reception()
    const event = handedOver(r.id)
    await revokeAndUpload([r.m, event])
    const seen = JSON.stringify((await pullAll(s, other)).changes)
    expect(seen).not.toContain(r.id)

    // The event first: its request is not on the server, so the rules refuse it; it stays waiting.
    const early = await decide(event.id, 'apply')
    expect(early.statusCode).toBe(409)
    expect(early.json()).toMatchObject({ error: 'Refused', message: expect.stringContaining('它所属的接待记录不在服务器上') })
    expect((await list()).find((i) => i.id === event.id)).toMatchObject({ decision: null, refusal: '规则不允许应用:它所属的接待记录不在服务器上(如也在待审核中,请先应用那一条) (refused: unknownReception)' })

    s.clock.now += 60_000
    const applied = await decide(r.m.id, 'apply')
    expect(applied.statusCode, applied.body).toBe(200)
    expect(applied.json<QuarantineItem>().decision).toEqual({ kind: 'applied', at: s.clock.now, by: 'admin' })
    const after = await decide(event.id, 'apply')
    expect(after.statusCode, after.body).toBe(200)
    expect(after.json<QuarantineItem>()).toMatchObject({ decision: { kind: 'applied', by: 'admin' }, refusal: null, summary: { ref: '20261201-A001', room: '3-1-1101' } })

    // The other tablet pulls both, once; asking again changes nothing.
    const pulled = (await pullAll(s, other)).changes.filter((c) => c.id === r.id || c.id === event.recordId)
    expect(pulled.map((c) => c.table).sort()).toEqual(['receptionEvents', 'receptions'])
    const again = await decide(r.m.id, 'apply')
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toBe('AlreadyDecided')
    const appliedRows = await s.db.kysely.selectFrom('applied_mutations').select('id').where('id', 'in', [r.m.id, event.id]).execute()
    expect(appliedRows).toHaveLength(2)
    expect(await s.db.kysely.selectFrom('dead_letters').select('id').where('site_id', '=', siteId).execute()).toEqual([])
  })

  it('takes two administrators applying at once as one application', async () => {
    const r = reception()
    await revokeAndUpload([r.m])
    const seqBefore = (await s.db.kysely.selectFrom('sites').select('change_seq').where('id', '=', siteId).executeTakeFirstOrThrow()).change_seq
    const answers = await Promise.all([decide(r.m.id, 'apply'), decide(r.m.id, 'apply')])
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409])
    expect(await s.db.kysely.selectFrom('applied_mutations').select('id').where('id', '=', r.m.id).execute()).toHaveLength(1)
    const seqAfter = (await s.db.kysely.selectFrom('sites').select('change_seq').where('id', '=', siteId).executeTakeFirstOrThrow()).change_seq
    expect(Number(seqAfter) - Number(seqBefore)).toBe(1)
  })

  it('refuses what the rules refuse, with the reason; discards after review, for good', async () => {
    const stray = departmentPut(lost, assistant, { id: newId(), name: '私设部门' })
    await revokeAndUpload([stray])
    const refused = await decide(stray.id, 'apply')
    expect(refused.statusCode).toBe(409)
    expect(refused.json().message).toBe('规则不允许应用:记录人无权这样做 (refused: notAllowed: assistant may not settings.manage)')
    s.clock.now += 5 * 60_000
    const discarded = await decide(stray.id, 'discard')
    expect(discarded.statusCode).toBe(200)
    expect(discarded.json<QuarantineItem>()).toMatchObject({ decision: { kind: 'discarded', at: s.clock.now, by: 'admin' }, summary: { text: '私设部门' } })
    expect((await decide(stray.id, 'apply')).json().error).toBe('AlreadyDecided')
    expect((await decide(stray.id, 'discard')).statusCode).toBe(409)
    expect(JSON.stringify((await pullAll(s, other)).changes)).not.toContain('私设部门')
    expect((await decide(newId(), 'apply')).statusCode).toBe(404)
    expect((await s.app.inject({ method: 'POST', url: `/api/admin/quarantine/${stray.id}/discard` })).statusCode).toBe(401)
  })

  it('applies a record the tablet had pushed before it was revoked as already in effect', async () => {
    const r = reception()
    expect((await pushOk(s, lost, [r.m])).results[0]!.status).toBe('applied')
    await revokeAndUpload([r.m])
    const seqBefore = (await s.db.kysely.selectFrom('sites').select('change_seq').where('id', '=', siteId).executeTakeFirstOrThrow()).change_seq
    const res = await decide(r.m.id, 'apply')
    expect(res.statusCode).toBe(200)
    expect(res.json<QuarantineItem>().decision).toMatchObject({ kind: 'applied' })
    const seqAfter = (await s.db.kysely.selectFrom('sites').select('change_seq').where('id', '=', siteId).executeTakeFirstOrThrow()).change_seq
    expect(Number(seqAfter)).toBe(Number(seqBefore))
  })
})
