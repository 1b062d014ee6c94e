/**
 * The sync admission gate (plugins/admission.ts, issue 12 point 4), driven into saturation without
 * timing: a gate of one place and one waiting, its one place held by a push that waits on the
 * site's change-number lock, which the test holds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@server/app'
import { SYNC_PATHS } from '@server/plugins/admission'
import { lockChangeSeq } from '@server/repositories/sites'
import { SyncApi } from '@client/sync/api'
import { newId } from '@shared/domain/ids'
import { BACKENDS } from '../support/server-db'
import { injectTransport } from '../support/inject-transport'
import { departmentPut, enrol, protocolHeaders, siteWithAdmin, testServer, type TestDevice, type TestServer } from '../support/server-fixtures'

describe.each(BACKENDS)('the sync admission gate on $name', (backend) => {
  let s: TestServer
  let gated: FastifyInstance | null = null
  afterEach(async () => {
    await gated?.close()
    gated = null
    await s?.close()
  })

  /** Holds the site's change-number lock (and, on SQLite, its one connection) until `release`. */
  function holdSite(siteId: string): { release(): void; done: Promise<void> } {
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const done = s.db.kysely.transaction().execute(async (trx) => {
      await lockChangeSeq(trx, s.db.kind, siteId)
      await held
    })
    return { release, done }
  }

  async function saturated(maxWaitMs = 60_000): Promise<{ app: FastifyInstance; device: TestDevice; staffId: string; siteId: string }> {
    s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const device = await enrol(s, siteId)
    gated = await buildApp({ db: s.db, staticDir: '/nonexistent', now: () => s.clock.now, admission: { maxActive: 1, maxQueued: 1, maxWaitMs, paths: SYNC_PATHS } })
    return { app: gated, device, staffId: adminStaffId, siteId }
  }

  it('handles one, queues one, answers the next 503 with Retry-After at once; then serves the queued one and takes new requests', async () => {
    const { app, device, staffId, siteId } = await saturated()
    const hold = holdSite(siteId)
    const push = (name: string) => app.inject({ method: 'POST', url: '/api/sync/push', headers: protocolHeaders(device.token), payload: { mutations: [departmentPut(device, staffId, { id: newId(), name })] } })
    const first = push('工程部')
    await vi.waitFor(() => expect(app.admission.active).toBe(1))
    const queued = app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0&limit=10', headers: protocolHeaders(device.token) })
    await vi.waitFor(() => expect(app.admission.waiting).toHaveLength(1))

    const refused = await push('保安部')
    expect(refused.statusCode).toBe(503)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    expect(refused.json()).toMatchObject({ error: 'ServerBusy', message: expect.stringContaining('服务器正忙') })
    // What the gate does not guard goes on while it is full (a path that needs no database: SQLite's one connection is held).
    expect((await app.inject({ method: 'GET', url: '/api/no-such-thing' })).statusCode).toBe(404)
    // The tablet's API reads the answer as "busy, wait this long".
    await expect(new SyncApi(injectTransport(() => app)).pull(device.token, 0, 10)).rejects.toMatchObject({ kind: 'server', messageKey: 'sync.errors.busy', retryAfterMs: Number(refused.headers['retry-after']) * 1000 })

    hold.release()
    await hold.done
    expect((await first).statusCode).toBe(200)
    expect((await queued).statusCode).toBe(200)
    await vi.waitFor(() => expect(app.admission.active).toBe(0))
    expect((await push('保安部')).statusCode).toBe(200)
    expect(app.admission.waiting).toHaveLength(0)
  })

  it('answers a request that waited its longest 503 with Retry-After, and keeps the place of the one being handled', async () => {
    // No wait allowed in the queue: the queued request is refused as soon as its timer runs.
    const { app, device, staffId, siteId } = await saturated(0)
    const hold = holdSite(siteId)
    const pull = () => app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0&limit=10', headers: protocolHeaders(device.token) })
    // A push: it waits on the held lock on both databases.
    const first = app.inject({ method: 'POST', url: '/api/sync/push', headers: protocolHeaders(device.token), payload: { mutations: [departmentPut(device, staffId, { id: newId(), name: '工程部' })] } })
    await vi.waitFor(() => expect(app.admission.active).toBe(1))
    const waited = await pull()
    expect(waited.statusCode).toBe(503)
    expect(Number(waited.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    expect(app.admission.waiting).toHaveLength(0)
    expect(app.admission.active).toBe(1)
    hold.release()
    await hold.done
    expect((await first).statusCode).toBe(200)
    await vi.waitFor(() => expect(app.admission.active).toBe(0))
  })

  it('frees the place of a request that was refused by its own checks (an unknown tablet)', async () => {
    const { app } = await saturated()
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0&limit=10', headers: protocolHeaders('dev_unknown') })
      expect(res.statusCode).toBe(401)
    }
    await vi.waitFor(() => expect(app.admission.active).toBe(0))
  })
})
