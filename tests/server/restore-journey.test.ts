/**
 * Issue 12 point 2: the server is restored from last night's backup; the tablets come back and
 * nothing any of them holds is lost, nothing is duplicated. Real server, real SQLite and PostgreSQL,
 * the real sync engine over the tablets' IndexedDB (fake-indexeddb).
 */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { dbsDeletedAfterEach } from '../factories/db'
import { makeRoom, makeCustomer } from '../factories/archive'
import { makeReception } from '../factories/register-print'
import { BACKENDS } from '../support/server-db'
import { siteWithAdmin, testServer, type TestServer } from '../support/server-fixtures'
import { injectTransport } from '../support/inject-transport'
import { backUp, restore } from '../support/server-restore'
import { issueCode } from '@server/repositories/codes'
import { deviceSummaries } from '@server/admin/operations'
import { readEpoch } from '@server/repositories/server-meta'
import { SyncEngine } from '@client/sync/engine'
import { enrolTablet, rejoinServer } from '@client/sync/link'
import { writeRecords } from '@client/db/write-records'
import { getServerLink, getServerEpoch } from '@client/db/device/server-link'
import type { DeskbookDb } from '@client/db/database'
import { PULLED_TABLES } from '@shared/sync/registry'
import { newId } from '@shared/domain/ids'

let server: TestServer
const tabletDb = dbsDeletedAfterEach()
afterEach(async () => server?.close())

interface Tablet {
  db: DeskbookDb
  engine: SyncEngine
  actor: { siteId: string; deviceId: string; staffId: string }
}

async function enrolled(siteId: string, staffId: string, name: string): Promise<Tablet> {
  const db = tabletDb()
  const engine = new SyncEngine({ db, transport: injectTransport(() => server.app), now: () => server.clock.now, schedule: () => () => {} })
  const { code } = await issueCode(server.db.kysely, 'enrol', siteId, server.clock.now)
  await enrolTablet(db, engine.api, code, name, server.clock.now)
  return { db, engine, actor: { siteId, deviceId: (await getServerLink(db))!.deviceId, staffId } }
}

/** Every live record of the site on the server, by table and id. */
async function serverRecords(siteId: string): Promise<Record<string, unknown>> {
  const rows = await server.db.kysely.selectFrom('records').select(['table_name', 'record_id', 'data']).where('site_id', '=', siteId).where('deleted', '=', 0).execute()
  return Object.fromEntries(rows.map((r) => [`${r.table_name}/${r.record_id}`, JSON.parse(r.data) as unknown]))
}

/** Every record a tablet holds, by table and id. */
async function tabletRecords(db: DeskbookDb): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  for (const table of PULLED_TABLES) {
    const t = db.table(table)
    const key = String(t.schema.primKey.keyPath)
    for (const row of (await t.toArray()) as Record<string, unknown>[]) out[`${table}/${String(row[key])}`] = row
  }
  return out
}

describe.each(BACKENDS)('a server restored from a backup ($name)', (backend) => {
  it('gets back everything the tablets hold, once; tablets pull it again, one the server forgot rejoins as itself', async () => {
    server = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(server)
    const t0 = server.clock.now
    const a = await enrolled(siteId, adminStaffId, '前台一号')
    const b = await enrolled(siteId, adminStaffId, '前台二号')
    const dept = { id: newId(), siteId, name: '工程部', active: true }
    const room = makeRoom({ siteId })
    await writeRecords(a.db, a.actor, [{ name: 'department.put', row: dept }, { name: 'room.put', row: room }], t0)
    await a.engine.run()
    await b.engine.run()

    const backup = await backUp(server)

    // After the backup: edits, new records and a new tablet, all synced to the server the restore loses.
    server.clock.now = t0 + 60_000
    await writeRecords(a.db, a.actor, [{ name: 'room.put', row: { ...room, note: '业主出国,钥匙在前台' }, fields: { note: '业主出国,钥匙在前台' } }], t0 + 60_000)
    const request = makeReception({ id: newId(), siteId, receiverId: adminStaffId, ref: '20261127-A001', receivedAt: t0 + 60_000, createdAt: t0 + 60_000 })
    await writeRecords(a.db, a.actor, [{ name: 'reception.create', row: request }], t0 + 60_000)
    await a.engine.run()
    await b.engine.run()
    const customer = makeCustomer({ siteId, roomId: room.id })
    await writeRecords(b.db, b.actor, [{ name: 'customer.put', row: customer }], t0 + 70_000)
    const c = await enrolled(siteId, adminStaffId, '工程部平板')
    await writeRecords(b.db, b.actor, [{ name: 'department.put', row: { ...dept, name: '工程维修部' }, fields: { name: '工程维修部' } }], t0 + 80_000)
    await b.engine.run()
    await a.engine.run()
    await c.engine.run()
    // A writes while the server is down: still in its outbox when the restored server comes up.
    const waiting = { id: newId(), siteId, name: '安保部', active: true }
    await writeRecords(a.db, a.actor, [{ name: 'department.put', row: waiting }], t0 + 90_000)
    const before = await serverRecords(siteId)

    server.clock.now = t0 + 3_600_000
    await restore(server, backup)
    expect(await serverRecords(siteId)).not.toEqual(before)

    await a.engine.run()
    expect(a.engine.current).toMatchObject({ state: 'idle', errorKey: null })
    // A re-sent the record of tablet C (enrolled after the backup): its letter is not handed out again.
    const e = await enrolled(siteId, adminStaffId, '值班室平板')
    const letters = (await e.db.devices.toArray()).map((d) => d.letter)
    expect(new Set(letters).size).toBe(letters.length)
    expect((await getServerLink(e.db))!.letter).not.toBe((await getServerLink(c.db))!.letter)

    await b.engine.run()
    await a.engine.run()
    // C is unknown to the restored server: told so in plain words, it rejoins as itself, keeping its letter.
    await c.engine.run()
    expect(c.engine.current).toMatchObject({ state: 'error', errorKey: 'sync.errors.unauthorized' })
    const cLink = (await getServerLink(c.db))!
    const { code } = await issueCode(server.db.kysely, 'enrol', siteId, server.clock.now)
    await rejoinServer(c.db, c.engine.api, code, server.clock.now)
    await c.engine.run()
    expect(c.engine.current).toMatchObject({ state: 'idle', errorKey: null })
    expect(await getServerLink(c.db)).toMatchObject({ deviceId: cLink.deviceId, letter: cLink.letter })
    await a.engine.run()
    await b.engine.run()
    await e.engine.run()

    // Every change is on the server, once, and every tablet holds exactly what the server holds.
    const now = await serverRecords(siteId)
    expect(now).toMatchObject({
      [`rooms/${room.id}`]: { note: '业主出国,钥匙在前台' },
      [`receptions/${request.id}`]: { ref: '20261127-A001' },
      [`customers/${customer.id}`]: { name: customer.name },
      [`departments/${dept.id}`]: { name: '工程维修部' },
      [`departments/${waiting.id}`]: { name: '安保部' },
    })
    for (const key of Object.keys(before)) expect(now).toHaveProperty([key])
    for (const t of [a, b, c, e]) expect(await tabletRecords(t.db)).toEqual(now)
    const applied = await server.db.kysely.selectFrom('applied_mutations').select('id').where('name', '=', 'department.put').execute()
    expect(new Set(applied.map((m) => m.id)).size).toBe(applied.length)
    expect(await a.db.outbox.count()).toBe(0)

    // The console shows which tablets have caught up since the restore; every tablet knows the new generation.
    const epoch = await readEpoch(server.db.kysely)
    const summaries = await deviceSummaries(server.db, siteId)
    expect(summaries.map((d) => d.resync)).toEqual(summaries.map(() => ({ restoredAt: t0 + 3_600_000, caughtUp: true })))
    for (const t of [a, b, c, e]) expect(await getServerEpoch(t.db)).toEqual({ id: epoch.serverId, generation: epoch.generation })
  })
})
