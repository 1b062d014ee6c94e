/**
 * The push's batches (issue 17: 1,000 in ≤ 350 ms): several requests of PUSH_BATCH, each answer written
 * while the next request is on its way, requests kept under the server's body limit — and still each
 * mutation applied exactly once, in order, whatever is lost on the way.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { dbsDeletedAfterEach } from '../../factories/db'
import { BACKENDS } from '../../support/server-db'
import { siteWithAdmin, testServer, type TestServer } from '../../support/server-fixtures'
import { injectTransport, type Faults } from '../../support/inject-transport'
import { issueCode } from '@server/repositories/codes'
import { SyncEngine } from '@client/sync/engine'
import { enrolTablet } from '@client/sync/link'
import { fitRequest, PUSH_BATCH, PUSH_CHARS } from '@client/sync/push'
import type { Transport } from '@client/sync/transport'
import { writeRecords, type RecordWrite } from '@client/db/write-records'
import { getServerLink } from '@client/db/device/server-link'
import type { Periodical } from '@shared/domain/desk-services'
import { newId } from '@shared/domain/ids'
import type { Mutation } from '@shared/sync/mutation'

let server: TestServer
const tabletDb = dbsDeletedAfterEach()
afterEach(async () => server?.close())

interface Push {
  ids: string[]
  chars: number
  status: number
}

/** A tablet whose push requests are noted: the mutations each carried, its size, the server's status. */
async function tablet(siteId: string, faults: Faults = {}) {
  const db = tabletDb()
  const pushes: Push[] = []
  const inner = injectTransport(() => server.app, faults)
  const transport: Transport = async (req) => {
    const res = await inner(req)
    if (req.path === '/api/sync/push') {
      const { mutations } = req.body as { mutations: Mutation[] }
      pushes.push({ ids: mutations.map((m) => m.id), chars: JSON.stringify(req.body).length, status: res.status })
    }
    return res
  }
  const engine = new SyncEngine({ db, transport, now: () => server.clock.now, schedule: () => () => {} })
  const { code } = await issueCode(server.db.kysely, 'enrol', siteId, server.clock.now)
  await enrolTablet(db, engine.api, code, '前台平板', server.clock.now)
  return { db, engine, pushes }
}

/** A server, its site, and an enrolled tablet with `n` periodicals queued by the site's administrator. */
async function queuedTablet(n: number, faults: Faults = {}) {
  server = await testServer(BACKENDS[0]!)
  const { siteId, adminStaffId } = await siteWithAdmin(server)
  const t = await tablet(siteId, faults)
  const link = (await getServerLink(t.db))!
  const queued = await writeRecords(t.db, { siteId, deviceId: link.deviceId, staffId: adminStaffId }, periodicals(siteId, adminStaffId, n, server.clock.now), server.clock.now)
  return { ...t, siteId, queued }
}

function periodicals(siteId: string, staffId: string, n: number, at: number): RecordWrite[] {
  return Array.from({ length: n }, (_, i) => {
    const row: Periodical = { id: newId(), siteId, title: '人民日报', issue: `第${i + 1}期`, copies: 1, receivedAt: at, filed: true, staffId }
    return { name: 'periodical.add', row }
  })
}

async function onServer(siteId: string): Promise<{ periodicals: number; applied: number }> {
  const count = (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) => q.executeTakeFirstOrThrow().then((r) => Number(r.n))
  const k = server.db.kysely
  return {
    periodicals: await count(k.selectFrom('records').select((e) => e.fn.countAll().as('n')).where('site_id', '=', siteId).where('table_name', '=', 'periodicals')),
    applied: await count(k.selectFrom('applied_mutations').select((e) => e.fn.countAll().as('n')).where('site_id', '=', siteId).where('status', '=', 'applied')),
  }
}

describe('the push in batches', () => {
  it('sends 600 in requests of PUSH_BATCH, oldest first, each once, and empties the outbox', async () => {
    const { siteId, queued, ...t } = await queuedTablet(600)
    await t.engine.run()
    expect(t.engine.current.state).toBe('idle')
    expect(t.pushes.map((p) => p.ids.length)).toEqual([PUSH_BATCH, PUSH_BATCH, 600 - 2 * PUSH_BATCH])
    expect(t.pushes.flatMap((p) => p.ids)).toEqual(queued.map((m) => m.id))
    expect(await t.db.outbox.count()).toBe(0)
    expect(await t.db.deadLetters.count()).toBe(0)
    expect(await onServer(siteId)).toEqual({ periodicals: 600, applied: 600 })
  })

  it('loses nothing and applies nothing twice when an answer is lost in the middle: the next run sends the rest', async () => {
    let pushesSeen = 0
    const { siteId, queued, ...t } = await queuedTablet(600, { dropResponse: (req) => req.path === '/api/sync/push' && ++pushesSeen === 2 })
    await t.engine.run()
    expect(t.engine.current.state).toBe('offline')
    // The first batch's answers were written before the run ended; the second was applied on the server, its answer lost.
    expect(await t.db.outbox.count()).toBe(600 - PUSH_BATCH)
    expect(await onServer(siteId)).toEqual({ periodicals: 2 * PUSH_BATCH, applied: 2 * PUSH_BATCH })
    await t.engine.run()
    expect(t.engine.current.state).toBe('idle')
    expect(await t.db.outbox.count()).toBe(0)
    expect(await t.db.deadLetters.count()).toBe(0)
    expect(await onServer(siteId)).toEqual({ periodicals: 600, applied: 600 })
    // (The lost answer is not noted.) The second run started again from the oldest left: the batch whose answer was lost.
    expect(t.pushes[1]!.ids).toEqual(queued.slice(PUSH_BATCH, 2 * PUSH_BATCH).map((m) => m.id))
  })

  it('keeps each request under the server’s body limit: photo-sized mutations go a few at a time, none refused', async () => {
    // Fifteen of 400,000 characters each are 6 MB in one request: the server (5 MB) would refuse it whole.
    // (Too long a title for the tablet's own check: made big in the outbox, as a photo is big.)
    const { queued, ...t } = await queuedTablet(15)
    await t.db.outbox.bulkPut(queued.map((m) => ({ ...m, fields: { ...m.fields, title: 'x'.repeat(400_000) } })))
    await t.engine.run()
    expect(t.pushes.map((p) => p.status)).toEqual(Array(8).fill(200))
    expect(t.pushes.map((p) => p.ids.length)).toEqual([2, 2, 2, 2, 2, 2, 2, 1])
    expect(Math.max(...t.pushes.map((p) => p.chars))).toBeLessThan(PUSH_CHARS)
    // The server answered each one (the title is too long for its schema): they are dead letters, not refused requests.
    const dead = await t.db.deadLetters.toArray()
    expect(dead).toHaveLength(15)
    expect(dead.every((d) => d.reason.startsWith('invalid'))).toBe(true)
    expect(await t.db.outbox.count()).toBe(0)
  })
})

describe('fitRequest', () => {
  const sized = (chars: number): Mutation => ({ id: newId(), fields: { x: 'y'.repeat(chars) } }) as unknown as Mutation
  it('takes mutations while they fit in PUSH_CHARS, and the first one whatever its size', () => {
    const small = Array.from({ length: 10 }, () => sized(100))
    expect(fitRequest(small)).toEqual(small)
    const photos = Array.from({ length: 10 }, () => sized(300_000))
    expect(fitRequest(photos)).toEqual(photos.slice(0, 3))
    const huge = [sized(2 * PUSH_CHARS), sized(10)]
    expect(fitRequest(huge)).toEqual(huge.slice(0, 1))
    expect(fitRequest([])).toEqual([])
  })
})
