import { afterEach, describe, expect, it } from 'vitest'
import { dbsDeletedAfterEach } from '../../factories/db'
import { BACKENDS } from '../../support/server-db'
import { siteWithAdmin, testServer, type TestServer } from '../../support/server-fixtures'
import { injectTransport, type Faults } from '../../support/inject-transport'
import { issueCode } from '@server/repositories/codes'
import { SyncEngine, backoffDelay, type SyncStatus } from '@client/sync/engine'
import { SyncApi } from '@client/sync/api'
import { enrolTablet, connectTablet } from '@client/sync/link'
import { writeRecords } from '@client/db/write-records'
import { completeFirstRun } from '@client/db/site/first-run'
import { loginWithPin } from '@client/db/site/login'
import { getServerLink } from '@client/db/device/server-link'
import type { DeskbookDb } from '@client/db/database'
import { newId } from '@shared/domain/ids'
import type { Department } from '@shared/domain/department'

let server: TestServer
const tabletDb = dbsDeletedAfterEach()
afterEach(async () => server?.close())

async function tablet(faults: Faults = {}): Promise<{ db: DeskbookDb; engine: SyncEngine; statuses: SyncStatus[]; revoked: { called: boolean } }> {
  const db = tabletDb()
  const statuses: SyncStatus[] = []
  const revoked = { called: false }
  const engine = new SyncEngine({
    db,
    transport: injectTransport(() => server.app, faults),
    now: () => server.clock.now,
    schedule: () => () => {},
    onStatus: (s) => statuses.push(s),
    onRevoked: async () => {
      revoked.called = true
    },
  })
  return { db, engine, statuses, revoked }
}

async function enrolled(siteId: string, faults: Faults = {}) {
  const t = await tablet(faults)
  const { code } = await issueCode(server.db.kysely, 'enrol', siteId, server.clock.now)
  await enrolTablet(t.db, t.engine.api, code, '前台平板', server.clock.now)
  return t
}

function department(siteId: string, name: string): Department {
  return { id: newId(), siteId, name, active: true }
}

describe('sync engine against the real server (SQLite)', () => {
  it('enrols a tablet that then has the site, its staff with PIN verifiers for offline login, and itself', async () => {
    server = await testServer(BACKENDS[0]!)
    const { siteId, adminStaffId } = await siteWithAdmin(server)
    const t = await enrolled(siteId)
    expect(await t.db.sites.get(siteId)).toMatchObject({ name: '翠苑小区' })
    expect(await t.db.settings.get(siteId)).toMatchObject({ managerEscalationHours: 168 })
    const link = await getServerLink(t.db)
    expect(await t.db.devices.get(link!.deviceId)).toMatchObject({ letter: 'A' })
    expect((await loginWithPin(t.db, adminStaffId, '2580', server.clock.now)).ok).toBe(true)
  })

  it('pushes a local write and another tablet pulls it; the outbox empties only after the server answered', async () => {
    server = await testServer(BACKENDS[0]!)
    const { siteId, adminStaffId } = await siteWithAdmin(server)
    let lose = true
    const a = await enrolled(siteId, { dropResponse: (r) => r.path === '/api/sync/push' && lose })
    const b = await enrolled(siteId)
    const d = department(siteId, '物业工程部')
    const actor = { siteId, deviceId: (await getServerLink(a.db))!.deviceId, staffId: adminStaffId }
    await writeRecords(a.db, actor, [{ name: 'department.put', row: d }], server.clock.now)

    await a.engine.run() // the server commits, the answer is lost
    expect(await a.db.outbox.count()).toBe(1)
    expect(a.engine.current).toMatchObject({ state: 'offline', errorKey: 'sync.errors.offline', failures: 1 })
    lose = false
    await a.engine.run() // pushed again: answered `duplicate`, applied once
    expect(await a.db.outbox.count()).toBe(0)
    expect(a.engine.current).toMatchObject({ state: 'idle', failures: 0, lastSuccessAt: server.clock.now })
    const applied = await server.db.kysely.selectFrom('applied_mutations').selectAll().execute()
    expect(applied.filter((m) => m.name === 'department.put')).toHaveLength(1)

    await b.engine.run()
    expect(await b.db.departments.get(d.id)).toEqual(d)
  })

  it('never lets a pulled change overwrite a local change still waiting', async () => {
    server = await testServer(BACKENDS[0]!)
    const { siteId, adminStaffId } = await siteWithAdmin(server)
    const a = await enrolled(siteId)
    const b = await enrolled(siteId)
    const d = department(siteId, '物业工程部')
    const actorB = { siteId, deviceId: (await getServerLink(b.db))!.deviceId, staffId: adminStaffId }
    await writeRecords(b.db, actorB, [{ name: 'department.put', row: d }], server.clock.now)
    await b.engine.run()
    await a.engine.run()
    // A renames offline; meanwhile B renames and deactivates on the server.
    const actorA = { siteId, deviceId: (await getServerLink(a.db))!.deviceId, staffId: adminStaffId }
    await writeRecords(a.db, actorA, [{ name: 'department.put', row: { ...d, name: '工程部(A)' }, fields: { name: '工程部(A)' } }], server.clock.now + 1000)
    await writeRecords(b.db, actorB, [{ name: 'department.put', row: { ...d, name: '工程部(B)', active: false }, fields: { name: '工程部(B)', active: false } }], server.clock.now + 500)
    await b.engine.run()
    // A pulls before it pushes (push refused once): its waiting name stays, B's other field arrives.
    const pulledOnly = await import('@client/sync/pull')
    await pulledOnly.pullChanges(a.db, a.engine.api, (await getServerLink(a.db))!.token)
    expect(await a.db.departments.get(d.id)).toMatchObject({ name: '工程部(A)', active: false })
    await a.engine.run()
    await b.engine.run()
    // A's rename is the later one (t+1000 > t+500): both tablets agree on it.
    expect(await a.db.departments.get(d.id)).toMatchObject({ name: '工程部(A)', active: false })
    expect(await b.db.departments.get(d.id)).toMatchObject({ name: '工程部(A)', active: false })
  })

  it('moves what the server refuses to the dead letters, with the reason, and goes on', async () => {
    server = await testServer(BACKENDS[0]!)
    const { siteId } = await siteWithAdmin(server)
    const a = await enrolled(siteId)
    const d = department(siteId, '私设部门')
    const stranger = { siteId, deviceId: (await getServerLink(a.db))!.deviceId, staffId: newId() }
    await writeRecords(a.db, stranger, [{ name: 'department.put', row: d }], server.clock.now)
    await a.engine.run()
    expect(await a.db.outbox.count()).toBe(0)
    const dead = await a.db.deadLetters.toArray()
    expect(dead).toHaveLength(1)
    expect(dead[0]).toMatchObject({ mutation: { recordId: d.id }, reason: 'staff unknown' })
    expect(a.engine.current.state).toBe('idle')
  })

  it('does not let one mutation the server cannot read block the outbox: it goes to the dead letters, the rest go up', async () => {
    server = await testServer(BACKENDS[0]!)
    const { siteId, adminStaffId } = await siteWithAdmin(server)
    const a = await enrolled(siteId)
    const actor = { siteId, deviceId: (await getServerLink(a.db))!.deviceId, staffId: adminStaffId }
    const good1 = department(siteId, '物业工程部')
    const good2 = department(siteId, '安保部')
    let nested: Record<string, unknown> = { leaf: true }
    for (let i = 0; i < 40; i++) nested = { inner: nested }
    const bad = { ...department(siteId, '坏记录'), extra: nested }
    await writeRecords(a.db, actor, [{ name: 'department.put', row: good1 }])
    await writeRecords(a.db, actor, [{ name: 'department.put', row: bad }])
    await writeRecords(a.db, actor, [{ name: 'department.put', row: good2 }])
    await a.engine.run()
    expect(a.engine.current, JSON.stringify(a.engine.current)).toMatchObject({ state: 'idle' })
    expect(await a.db.outbox.count()).toBe(0)
    const dead = await a.db.deadLetters.toArray()
    expect(dead.map((d) => d.mutation.recordId)).toEqual([bad.id])
    expect(dead[0]!.reason).toMatch(/^refused: /)
    const b = await enrolled(siteId)
    // The site came with the suggested departments; of the three written, the two good ones arrived.
    const ids = (await b.db.departments.toArray()).map((d) => d.id)
    expect(ids).toEqual(expect.arrayContaining([good1.id, good2.id]))
    expect(ids).not.toContain(bad.id)
  })

  it('keeps the outbox and says "please update" when the server finds the client too old', async () => {
    server = await testServer(BACKENDS[0]!)
    const { siteId, adminStaffId } = await siteWithAdmin(server)
    const a = await enrolled(siteId)
    const d = department(siteId, '物业工程部')
    await writeRecords(a.db, { siteId, deviceId: newId(), staffId: adminStaffId }, [{ name: 'department.put', row: d }])
    await server.restart({ minClientProtocol: 2 }) // the server was upgraded past this client
    await a.engine.run()
    expect(a.engine.current).toMatchObject({ state: 'upgrade', errorKey: 'sync.errors.upgrade' })
    expect(await a.db.outbox.count()).toBe(1)
  })

  it('plans its next run: a minute after success, 2 s after a local write, backing off after failure', async () => {
    server = await testServer(BACKENDS[0]!)
    const { siteId } = await siteWithAdmin(server)
    const planned: number[] = []
    let offline = false
    const t = await enrolled(siteId, { dropRequest: () => offline })
    const engine = new SyncEngine({
      db: t.db,
      transport: injectTransport(() => server.app, { dropRequest: () => offline }),
      now: () => server.clock.now,
      random: () => 0.5,
      schedule: (_fn, ms) => {
        planned.push(ms)
        return () => {}
      },
    })
    await engine.run()
    engine.soon()
    offline = true
    await engine.run()
    await engine.run()
    expect(planned).toEqual([60_000, 2_000, 2_000, 4_000])
    // While backing off, a local write does not hurry the next try.
    engine.soon()
    expect(planned).toHaveLength(4)
  })

  it('backs off 2 s, 4 s, 8 s … up to 5 min while the server cannot be reached', () => {
    const mid = () => 0.5
    expect([1, 2, 3, 4, 8, 20].map((n) => backoffDelay(n, mid))).toEqual([2000, 4000, 8000, 16000, 256000, 300000])
    expect(backoffDelay(1, () => 0)).toBe(1600)
    expect(backoffDelay(1, () => 1)).toBe(2400)
  })

  it('connects a standalone tablet: everything since first run goes up, and a second tablet enrols to that site', async () => {
    server = await testServer(BACKENDS[0]!)
    const founder = await tablet()
    const setup = await completeFirstRun(
      founder.db,
      {
        siteName: '海棠苑',
        timezone: 'Asia/Shanghai',
        deviceName: '前台平板',
        departments: [{ name: '工程部' }],
        shiftTypes: [{ code: '白', name: '白班', start: '08:00', end: '20:00' }],
        staff: [{ name: '王管理', role: 'administrator', departmentIndex: null, pin: '2580', pinAgain: '2580' }],
      },
      server.clock.now - 86_400_000,
    )
    const { code } = await issueCode(server.db.kysely, 'connect', null, server.clock.now)
    await connectTablet(founder.db, founder.engine.api, code, server.clock.now)
    await founder.engine.run()
    expect(await founder.db.outbox.count()).toBe(0)
    expect(await founder.db.deadLetters.count()).toBe(0)

    const second = await enrolled(setup.site.id)
    expect(await second.db.sites.get(setup.site.id)).toMatchObject({ name: '海棠苑' })
    const staff = await second.db.staff.toArray()
    expect(staff.map((s) => s.name)).toEqual(['王管理'])
    expect((await loginWithPin(second.db, staff[0]!.id, '2580', server.clock.now)).ok).toBe(true)
    expect(await second.db.shiftTypes.count()).toBe(1)
    const letters = (await second.db.devices.toArray()).map((d) => d.letter).sort()
    expect(letters).toEqual(['A', 'B'])
  })

  it('a revoked tablet pushes what it holds (kept aside on the server), then is told to wipe', async () => {
    server = await testServer(BACKENDS[0]!)
    const { siteId, adminStaffId } = await siteWithAdmin(server)
    const a = await enrolled(siteId)
    const link = (await getServerLink(a.db))!
    const d = department(siteId, '遗失平板')
    await writeRecords(a.db, { siteId, deviceId: link.deviceId, staffId: adminStaffId }, [{ name: 'department.put', row: d }])
    await server.db.kysely.updateTable('devices').set({ revoked_at: server.clock.now }).where('id', '=', link.deviceId).execute()
    await a.engine.run()
    expect(a.revoked.called).toBe(true)
    expect(a.engine.current.state).toBe('revoked')
    const kept = await server.db.kysely.selectFrom('quarantine').select('id').execute()
    expect(kept).toHaveLength(1)
  })
})

describe('SyncApi', () => {
  it('turns a lost connection into an "offline" error with a Chinese message key', async () => {
    const api = new SyncApi(async () => {
      throw new (await import('@client/sync/transport')).NetworkError('down')
    })
    await expect(api.pull('dev_x', 0, 10)).rejects.toMatchObject({ kind: 'offline', messageKey: 'sync.errors.offline' })
  })
})
