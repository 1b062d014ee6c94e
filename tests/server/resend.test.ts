/**
 * What the server takes when a tablet re-sends its records after a restore (docs/sync-protocol.md
 * "After a restore"), and when it asks a tablet to do so — on both databases.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { formatHlc } from '@shared/sync/hlc'
import { epochHeader, GENERATION_HEADER, type ResendResponse, type ResentRecord } from '@shared/sync/protocol'
import { startNewGeneration, readEpoch } from '@server/repositories/server-meta'
import { issueCode } from '@server/repositories/codes'
import { BACKENDS } from '../support/server-db'
import { departmentPut, enrol, protocolHeaders, pullAll, pushOk, siteWithAdmin, testServer, type TestDevice, type TestServer } from '../support/server-fixtures'

const T = Date.UTC(2026, 10, 27, 2)
const stamp = (device: TestDevice, wall: number): string => formatHlc({ wall, counter: 0, node: device.id })

describe.each(BACKENDS)('re-sending records after a restore on $name', (backend) => {
  let s: TestServer
  afterEach(async () => s?.close())

  const resend = (device: TestDevice, records: ResentRecord[]) => s.app.inject({ method: 'POST', url: '/api/sync/resend', headers: protocolHeaders(device.token), payload: { records } })
  const pull = (device: TestDevice, cursor: number, header?: string) =>
    s.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${cursor}`, headers: { ...protocolHeaders(device.token), ...(header ? { [GENERATION_HEADER]: header } : {}) } })

  it('asks a tablet of an older generation, or one ahead of the server, to re-send first, and applies nothing it pushes meanwhile', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const before = await readEpoch(s.db.kysely)
    const header = epochHeader({ id: before.serverId, generation: before.generation })
    expect((await pull(tablet, 0, header)).statusCode).toBe(200)
    // A tablet ahead of the server: a restore nobody marked.
    const ahead = await pull(tablet, 10_000, header)
    expect(ahead.statusCode).toBe(409)
    expect(ahead.json()).toMatchObject({ error: 'ServerRestored', server: { id: before.serverId, generation: before.generation } })

    const after = await startNewGeneration(s.db.kysely, s.clock.now)
    expect(after.serverId).toBe(before.serverId)
    expect(after.generation).not.toBe(before.generation)
    expect((await pull(tablet, 0, header)).json()).toMatchObject({ error: 'ServerRestored', message: expect.stringContaining('服务器已从备份恢复') })
    const m = departmentPut(tablet, adminStaffId, { id: newId(), name: '物业工程部' })
    const pushed = await s.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...protocolHeaders(tablet.token), [GENERATION_HEADER]: header }, payload: { mutations: [m] } })
    expect(pushed.statusCode).toBe(409)
    expect(await s.db.kysely.selectFrom('applied_mutations').select('id').where('id', '=', m.id).execute()).toEqual([])

    // Re-sent and done: the tablet is caught up with the new generation; a done for an older one is refused.
    const stale = await s.app.inject({ method: 'POST', url: '/api/sync/resend/done', headers: protocolHeaders(tablet.token), payload: { generation: before.generation } })
    expect(stale.statusCode).toBe(409)
    const done = await s.app.inject({ method: 'POST', url: '/api/sync/resend/done', headers: protocolHeaders(tablet.token), payload: { generation: after.generation } })
    expect(done.json()).toEqual({ server: { id: after.serverId, generation: after.generation } })
    expect((await pull(tablet, 0, epochHeader(done.json<{ server: { id: string; generation: string } }>().server))).statusCode).toBe(200)
  })

  it('takes only what it lacks or holds older, field by field, renumbers only what changed, and refuses what a push would', async () => {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const dept = { id: newId(), siteId, name: '物业工程部', active: true }
    await pushOk(s, tablet, [departmentPut(tablet, adminStaffId, dept, T)])
    const seqBefore = (await pullAll(s, tablet)).cursor
    const { generation } = await startNewGeneration(s.db.kysely, s.clock.now)

    const lost = { id: newId(), siteId, name: '安保部', active: true }
    const foreign = { ...lost, id: newId(), siteId: newId() }
    const answer = await resend(tablet, [
      // Held at least as new already: unchanged, not renumbered.
      { table: 'departments', id: dept.id, data: dept, deleted: false, stamps: { name: stamp(tablet, T), active: stamp(tablet, T) } },
      // A newer name, an older (unstamped) active flag: only the name is taken.
      { table: 'departments', id: dept.id, data: { ...dept, name: '工程维修部', active: false }, deleted: false, stamps: { name: stamp(tablet, T + 5000) } },
      { table: 'departments', id: lost.id, data: lost, deleted: false, stamps: { name: stamp(tablet, T + 1000) } },
      { table: 'departments', id: foreign.id, data: foreign, deleted: false, stamps: {} },
      { table: 'departments', id: newId(), data: { id: 'x', siteId, name: '' }, deleted: false, stamps: {} },
      { table: 'departments', id: lost.id, data: lost, deleted: false, stamps: { name: 'yesterday' } },
      { table: 'applied_mutations', id: newId(), data: {}, deleted: false, stamps: {} },
    ])
    expect(answer.statusCode).toBe(200)
    const body = answer.json<ResendResponse>()
    expect(body).toMatchObject({ applied: 2, unchanged: 1 })
    expect(body.refused.map((r) => r.reason)).toEqual(['wrongSite', 'recordIdMismatch', 'badStamp', 'unknownTable'])
    await s.app.inject({ method: 'POST', url: '/api/sync/resend/done', headers: protocolHeaders(tablet.token), payload: { generation } })
    const { changes } = await pullAll(s, tablet, seqBefore)
    expect(changes.map((c) => [c.id, c.data.name, c.data.active])).toEqual([
      [dept.id, '工程维修部', true],
      [lost.id, '安保部', true],
    ])
    // The field stamps the tablet re-sent are the record's now: a later re-send compares against them.
    const refusedDept = changes.find((c) => c.id === dept.id)!
    expect(refusedDept.stamps).toMatchObject({ name: stamp(tablet, T + 5000) })
  })

  it('keeps the duty log from a department tablet, and lets a caught-up tablet change nothing', async () => {
    s = await testServer(backend)
    const { siteId } = await siteWithAdmin(s)
    const desk = await enrol(s, siteId)
    const dept = await enrol(s, siteId, '工程部平板', 'department')
    await startNewGeneration(s.db.kysely, s.clock.now)
    const entry = { table: 'dutyEntries', id: newId(), data: {}, deleted: false, stamps: {} }
    expect((await resend(dept, [entry])).json<ResendResponse>().refused).toEqual([{ table: 'dutyEntries', id: entry.id, reason: 'confidential: desk devices only' }])
    const epoch = await readEpoch(s.db.kysely)
    await s.app.inject({ method: 'POST', url: '/api/sync/resend/done', headers: protocolHeaders(desk.token), payload: { generation: epoch.generation } })
    const lost = { id: newId(), siteId, name: '安保部', active: true }
    const late = await resend(desk, [{ table: 'departments', id: lost.id, data: lost, deleted: false, stamps: {} }])
    expect(late.json()).toEqual({ applied: 0, unchanged: 1, refused: [] })
    expect((await pullAll(s, desk)).changes.find((c) => c.id === lost.id)).toBeUndefined()
  })

  it('lets a tablet the server forgot rejoin its own site as itself, keeping its letter unless another took it', async () => {
    s = await testServer(backend)
    const { siteId } = await siteWithAdmin(s)
    const other = await siteWithAdmin(s, '碧水苑')
    const taken = await enrol(s, siteId)
    const rejoin = async (code: string, r: { deviceId: string; siteId: string; letter: string }) =>
      s.app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code, name: '前台平板', rejoin: r } })
    const code = async (site: string) => (await issueCode(s.db.kysely, 'enrol', site, s.clock.now)).code
    const lostId = newId()
    expect((await rejoin(await code(other.siteId), { deviceId: lostId, siteId, letter: 'C' })).json()).toMatchObject({ error: 'BadCode', message: expect.stringContaining('另一个项目') })
    expect((await rejoin(await code(siteId), { deviceId: taken.id, siteId, letter: 'A' })).statusCode).toBe(409)
    const kept = await rejoin(await code(siteId), { deviceId: lostId, siteId, letter: 'C' })
    expect(kept.json()).toMatchObject({ device: { id: lostId, letter: 'C' } })
    const clash = await rejoin(await code(siteId), { deviceId: newId(), siteId, letter: 'A' })
    expect(clash.json<{ device: { letter: string } }>().device.letter).toBe('B')
    // Rejoined, it must re-send what it holds before it pushes.
    const device = { id: lostId, siteId, token: kept.json<{ token: string }>().token, letter: 'C' }
    expect((await pull(device, 0)).statusCode).toBe(409)
  })
})
