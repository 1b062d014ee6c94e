/**
 * The tablet's side of the sync benchmark (issue 3), in the app's own client code: enrol with a
 * code, queue changes with writeRecords, push them with the SyncEngine, pull a whole site with
 * pullChanges — over fetchTransport, i.e. real HTTP. Runs in Chromium (served by Vite, see
 * sync-bench-page.ts) and in Node (on fake-indexeddb, see sync.bench.ts); no Node or DOM-only APIs.
 */
import { DeskbookDb } from '@client/db/database'
import { getServerLink } from '@client/db/device/server-link'
import { writeRecords, type RecordWrite } from '@client/db/write-records'
import { SyncApi } from '@client/sync/api'
import { SyncEngine } from '@client/sync/engine'
import { enrolTablet } from '@client/sync/link'
import { PULL_PAGE } from '@client/sync/pull'
import { fetchTransport, type Transport } from '@client/sync/transport'
import type { Periodical } from '@shared/domain/desk-services'
import { newId } from '@shared/domain/ids'
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PullResponse } from '@shared/sync/protocol'

interface Sent {
  path: string
  at: number
  ms: number
}

/** Wraps a transport to note when each request left and how long its answer took. */
function timed(inner: Transport): { transport: Transport; sent: Sent[] } {
  const sent: Sent[] = []
  return {
    sent,
    transport: async (req) => {
      const at = performance.now()
      try {
        return await inner(req)
      } finally {
        sent.push({ path: req.path.split('?')[0]!, at, ms: performance.now() - at })
      }
    },
  }
}

const firstAt = (sent: readonly Sent[], path: string): number => sent.find((s) => s.path === path)?.at ?? Number.NaN

export interface PushFigures {
  /** First push request → outbox empty (the engine's first pull request, which follows the empty-outbox check). */
  pushMs: number
  /** The whole engine run: the push, then pulling the pushed records back. */
  runMs: number
  /** Round trip of each push request (100 mutations each). */
  batchMs: number[]
  outboxLeft: number
  deadLetters: number
  /** Why the first dead letter was refused, if any. */
  deadReason?: string
  state: string
  queued: number
}

/** Enrol a fresh tablet, queue `n` periodicals with writeRecords, then one SyncEngine run. */
export async function runPush(baseUrl: string, code: string, staffId: string, n: number): Promise<PushFigures> {
  const db = new DeskbookDb(`bench-push-${newId()}`)
  await db.open()
  try {
    await enrolTablet(db, new SyncApi(fetchTransport(baseUrl)), code, '推送基准平板', Date.now())
    const link = (await getServerLink(db))!
    // 报刊登记, as the load figure pushes: a record made all day whose only rule is its schema. Departments,
    // pushed here before, have a rule that reads every department of the site, which 1,000 of them make quadratic.
    const writes: RecordWrite[] = []
    const at = Date.now()
    for (let i = 0; i < n; i++) {
      const row: Periodical = { id: newId(), siteId: link.siteId, title: '人民日报', issue: `第${i + 1}期`, copies: 1 + (i % 5), receivedAt: at, filed: true, staffId }
      writes.push({ name: 'periodical.add', row })
    }
    const queued = await writeRecords(db, { siteId: link.siteId, deviceId: link.deviceId, staffId }, writes)
    const { transport, sent } = timed(fetchTransport(baseUrl))
    // No timers: one run, measured.
    const engine = new SyncEngine({ db, transport, schedule: () => () => undefined })
    const t0 = performance.now()
    await engine.run()
    const runMs = performance.now() - t0
    engine.stop()
    return {
      pushMs: firstAt(sent, '/api/sync/pull') - firstAt(sent, '/api/sync/push'),
      runMs,
      batchMs: sent.filter((s) => s.path === '/api/sync/push').map((s) => s.ms),
      outboxLeft: await db.outbox.count(),
      deadLetters: await db.deadLetters.count(),
      deadReason: (await db.deadLetters.limit(1).first())?.reason,
      state: engine.current.state,
      queued: queued.length,
    }
  } finally {
    db.close()
    await dropDb(db)
  }
}

async function dropDb(db: DeskbookDb): Promise<void> {
  try {
    await db.delete()
  } catch {
    // a benchmark database left behind is harmless
  }
}

export interface PullFigures {
  /** First pull request → every page applied with its cursor. */
  pullMs: number
  /** Enrolment request through the last page. */
  enrolToDoneMs: number
  pages: number
  /** Sum of the pull requests' round trips (server, network, JSON), without applying. */
  pullRequestsMs: number
  departments: number
  cursor: number
  /** Baseline 1: the same pages fetched and parsed again, nothing stored. */
  fetchOnlyMs: number
  /** Baseline 2: the same rows put with raw IndexedDB, one transaction per page. */
  rawPutMs: number
}

async function fetchOnly(baseUrl: string, token: string, pageSize: number): Promise<{ ms: number; rows: Record<string, unknown>[][] }> {
  const pages: Record<string, unknown>[][] = []
  let cursor = 0
  const t0 = performance.now()
  for (;;) {
    const res = await fetch(`${baseUrl}/api/sync/pull?cursor=${cursor}&limit=${pageSize}`, {
      headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), authorization: `Bearer ${token}` },
      cache: 'no-store',
    })
    const page = (await res.json()) as PullResponse
    pages.push(page.changes.filter((c) => c.table === 'departments').map((c) => c.data))
    if (!page.more || page.cursor === cursor) break
    cursor = page.cursor
  }
  return { ms: performance.now() - t0, rows: pages }
}

async function rawPut(pages: readonly Record<string, unknown>[][]): Promise<number> {
  const name = `bench-raw-${newId()}`
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1)
    req.onupgradeneeded = () => req.result.createObjectStore('departments', { keyPath: 'id' })
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  const t0 = performance.now()
  for (const rows of pages) {
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('departments', 'readwrite')
      const store = tx.objectStore('departments')
      for (const row of rows) store.put(row)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
  }
  const ms = performance.now() - t0
  raw.close()
  indexedDB.deleteDatabase(name)
  return ms
}

/** A fresh tablet enrols with `code` and pulls the whole site (enrolTablet → pullChanges); then the two baselines. */
export async function runPull(baseUrl: string, code: string, pageSize = PULL_PAGE): Promise<PullFigures> {
  const db = new DeskbookDb(`bench-pull-${newId()}`)
  await db.open()
  try {
    const { transport, sent } = timed(fetchTransport(baseUrl))
    const t0 = performance.now()
    await enrolTablet(db, new SyncApi(transport), code, '拉取基准平板', Date.now())
    const t1 = performance.now()
    const pulls = sent.filter((s) => s.path === '/api/sync/pull')
    const link = (await getServerLink(db))!
    const departments = await db.departments.count()
    const cursor = (await db.meta.get('pullCursor'))?.value as number
    const fetched = await fetchOnly(baseUrl, link.token, pageSize)
    const rawPutMs = await rawPut(fetched.rows)
    return {
      pullMs: t1 - firstAt(sent, '/api/sync/pull'),
      enrolToDoneMs: t1 - t0,
      pages: pulls.length,
      pullRequestsMs: pulls.reduce((a, s) => a + s.ms, 0),
      departments,
      cursor,
      fetchOnlyMs: fetched.ms,
      rawPutMs,
    }
  } finally {
    db.close()
    await dropDb(db)
  }
}
