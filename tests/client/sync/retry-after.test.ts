/**
 * A busy server's Retry-After (issue 12 point 4): the tablet's API reads it, the engine waits at
 * least that long before it tries again, and the status says so in plain words.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { freshDb } from '../../factories/db'
import { BACKENDS } from '../../support/server-db'
import { siteWithAdmin, testServer, type TestServer } from '../../support/server-fixtures'
import { injectTransport } from '../../support/inject-transport'
import { issueCode } from '@server/repositories/codes'
import { SyncEngine, backoffDelay, type SyncStatus } from '@client/sync/engine'
import { SyncApi, retryAfterMs } from '@client/sync/api'
import { enrolTablet } from '@client/sync/link'
import type { Transport } from '@client/sync/transport'
import type { DeskbookDb } from '@client/db/database'
import { MESSAGES } from '@client/locales/messages'

let server: TestServer
let db: DeskbookDb | null = null
afterEach(async () => {
  db?.close()
  await db?.delete()
  db = null
  await server?.close()
})

const busy = (status: 429 | 503, retryAfter?: string) => ({ status, body: { error: 'ServerBusy', message: '服务器正忙,请稍后再同步 (server busy, retry later)' }, ...(retryAfter ? { retryAfter } : {}) })

describe('Retry-After', () => {
  it('is read in seconds, capped at an hour; a date or nothing counts as no wait asked', () => {
    expect(retryAfterMs('5')).toBe(5_000)
    expect(retryAfterMs(' 12 ')).toBe(12_000)
    expect(retryAfterMs('99999')).toBe(3_600_000)
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT')).toBe(0)
    expect(retryAfterMs('-3')).toBe(0)
    expect(retryAfterMs(undefined)).toBe(0)
  })

  it('makes the back-off wait at least what the server asked, spread up to a fifth beyond it', () => {
    expect(backoffDelay(1, () => 0, 30_000)).toBe(30_000)
    expect(backoffDelay(1, () => 0.5, 30_000)).toBe(33_000)
    expect(backoffDelay(1, () => 1, 30_000)).toBe(36_000)
    // The back-off's own wait is longer: it stands.
    expect(backoffDelay(4, () => 0.5, 1_000)).toBe(16_000)
    expect(backoffDelay(1, () => 0.5, 0)).toBe(2_000)
  })

  it('429 and 503 are "busy" with the wait they ask', async () => {
    for (const status of [429, 503] as const) {
      const api = new SyncApi(async () => busy(status, '7'))
      await expect(api.pull('dev_x', 0, 10)).rejects.toMatchObject({ kind: 'server', messageKey: 'sync.errors.busy', retryAfterMs: 7_000 })
    }
  })

  it('the engine plans its next try after the server’s Retry-After, says the server is busy, then syncs when it has room', async () => {
    server = await testServer(BACKENDS[0]!)
    const { siteId } = await siteWithAdmin(server)
    let full = false
    const real = injectTransport(() => server.app)
    // The server's admission gate is full for as long as `full`: the answer it gives then (tests/server/admission.test.ts drives the real one).
    const transport: Transport = async (req) => (full ? busy(503, '120') : real(req))
    const planned: number[] = []
    const statuses: SyncStatus[] = []
    db = freshDb()
    const engine = new SyncEngine({
      db,
      transport,
      now: () => server.clock.now,
      random: () => 0.5,
      schedule: (_fn, ms) => {
        planned.push(ms)
        return () => {}
      },
      onStatus: (s) => statuses.push(s),
    })
    const { code } = await issueCode(server.db.kysely, 'enrol', siteId, server.clock.now)
    await enrolTablet(db, engine.api, code, '前台平板', server.clock.now)
    full = true
    await engine.run()
    expect(engine.current).toMatchObject({ state: 'error', errorKey: 'sync.errors.busy', failures: 1 })
    expect(planned).toEqual([132_000])
    // The status bar's words for it, in both languages.
    const text = (locale: keyof typeof MESSAGES) => ((MESSAGES[locale] as { sync: { errors: Record<string, string> } }).sync.errors.busy)
    expect(text('zh-CN')).toBe('服务器繁忙,稍后自动重试')
    expect(text('en')).toBe('The server is busy; retrying shortly')
    full = false
    await engine.run()
    expect(engine.current).toMatchObject({ state: 'idle', errorKey: null, failures: 0 })
    expect(planned).toEqual([132_000, 60_000])
  })
})
