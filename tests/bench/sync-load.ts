/**
 * Many tablets pushing at once, for the sync benchmark (issues 3 and 12): sites and enrolled
 * tablets made straight in the server's database, each tablet's changes made as the app makes
 * them — 报刊登记 (periodicals received at the desk: a record made all day, with no rule beyond its
 * schema; departments, pushed here before, now have a rule that reads all of a site's departments,
 * which 5,000 of them in one site make quadratic) — and every tablet pushing its batches with the
 * app's SyncApi over real HTTP. A busy server
 * (429, 503) is retried as the sync engine does: after backoffDelay, never sooner than its
 * Retry-After. The outbox is a list in memory (no IndexedDB, no pull after the push), so the
 * figures are the server's.
 */
import type { ServerDb } from '@server/db/connection'
import { issueCode } from '@server/repositories/codes'
import { createSite, enrolDevice } from '@server/sync/enrolment'
import { SyncApi, SyncError } from '@client/sync/api'
import { backoffDelay } from '@client/sync/engine'
import { fetchTransport } from '@client/sync/transport'
import { newId } from '@shared/domain/ids'
import type { Mutation } from '@shared/sync/mutation'
import { mutation, type TestDevice } from '../support/server-fixtures'

export const BATCH = 100

export const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t))

export interface Site {
  siteId: string
  staffId: string
}

export async function newSite(db: ServerDb, name: string): Promise<Site> {
  const { site, staffId } = await createSite(db, { name, timezone: 'Asia/Shanghai', adminName: '王管理', adminPin: '2580' }, Date.now())
  return { siteId: site.id, staffId }
}

export async function code(db: ServerDb, siteId: string): Promise<string> {
  return (await issueCode(db.kysely, 'enrol', siteId, Date.now())).code
}

/** A periodical registered at the desk, as the tablet queues it. */
function periodicalAdd(device: TestDevice, staffId: string, n: number): Mutation {
  const id = newId()
  const fields = { id, siteId: device.siteId, title: `人民日报${device.letter}`, issue: `第${n}期`, copies: 1 + (n % 5), receivedAt: Date.now(), filed: true, staffId }
  return mutation(device, staffId, { name: 'periodical.add', table: 'periodicals', recordId: id, fields }, Date.now())
}

export interface Tablet {
  device: TestDevice
  batches: Mutation[][]
}

/** `n` tablets of `site`, each with `rounds` batches of BATCH periodicals waiting. */
export async function enrolTablets(db: ServerDb, site: Site, n: number, rounds: number): Promise<Tablet[]> {
  const tablets: Tablet[] = []
  for (let i = 0; i < n; i++) {
    // enrolDevice is what POST /api/devices/enrol runs; called directly because that route allows 10 a minute per address.
    const res = await enrolDevice(db, { code: await code(db, site.siteId), name: `平板${i + 1}` }, Date.now())
    const device: TestDevice = { id: res.device.id, siteId: site.siteId, token: res.token, letter: res.device.letter }
    const batches: Mutation[][] = []
    for (let r = 0; r < rounds; r++) {
      batches.push(Array.from({ length: BATCH }, (_, k) => periodicalAdd(device, site.staffId, r * BATCH + k)))
    }
    tablets.push({ device, batches })
  }
  return tablets
}

/** `sites` new sites with `perSite` tablets each, every tablet with `rounds` batches waiting; the sites' ids and all the tablets. */
export async function sitesWithTablets(db: ServerDb, label: string, sites: number, perSite: number, rounds: number): Promise<{ siteIds: string[]; tablets: Tablet[] }> {
  const siteIds: string[] = []
  const tablets: Tablet[] = []
  for (let i = 0; i < sites; i++) {
    const site = await newSite(db, `${label}${i + 1}`)
    siteIds.push(site.siteId)
    tablets.push(...(await enrolTablets(db, site, perSite, rounds)))
  }
  return { siteIds, tablets }
}

export interface LoadFigures {
  /** Per batch: its first try → the answer that applied it (waits after "busy" included). */
  batchMs: number[]
  /** Per request that was answered 200: its round trip. */
  requestMs: number[]
  /** Answers 429 or 503 (each retried after the wait it asked for). */
  busy: number
  /** The longest Retry-After seen (s). */
  maxRetryAfterS: number
  wallMs: number
  applied: number
  other: number
}

/**
 * Every tablet pushes its batches one after another, tablet i to `baseUrls[i mod n]`; with `gapMs`,
 * each starts at its own slot (tablet i at i/n of the gap, then every gap).
 */
export async function load(baseUrls: readonly string[], tablets: readonly Tablet[], gapMs: number | null): Promise<LoadFigures> {
  const apis = baseUrls.map((u) => new SyncApi(fetchTransport(u, 120_000)))
  const f: LoadFigures = { batchMs: [], requestMs: [], busy: 0, maxRetryAfterS: 0, wallMs: 0, applied: 0, other: 0 }
  const t0 = performance.now()
  await Promise.all(
    tablets.map(async (t, i) => {
      const api = apis[i % apis.length]!
      for (const [r, batch] of t.batches.entries()) {
        if (gapMs !== null) {
          const wait = t0 + (i / tablets.length + r) * gapMs - performance.now()
          if (wait > 0) await sleep(wait)
        }
        const b0 = performance.now()
        for (let failures = 1; ; failures++) {
          const q0 = performance.now()
          try {
            const res = await api.push(t.device.token, batch)
            f.requestMs.push(performance.now() - q0)
            for (const x of res.results) {
              if (x.status === 'applied') f.applied++
              else f.other++
            }
            break
          } catch (e) {
            if (!(e instanceof SyncError && e.messageKey === 'sync.errors.busy')) throw e
            f.busy++
            f.maxRetryAfterS = Math.max(f.maxRetryAfterS, e.retryAfterMs / 1000)
            await sleep(backoffDelay(failures, Math.random, e.retryAfterMs))
          }
        }
        f.batchMs.push(performance.now() - b0)
      }
    }),
  )
  f.wallMs = performance.now() - t0
  return f
}
