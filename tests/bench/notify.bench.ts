/**
 * One pass of the server's time rules (issue 15): 100 sites holding 200,000 requests in all, stored as the
 * sync engine stores them (one `records` row per request and per timeline event), on SQLite and on a
 * throwaway PostgreSQL. A request is closed with a `result` event, or open (5%, received over the last two
 * weeks: some past 48 h, some past 7 days); one in ten is a complaint, most of them answered. The first pass
 * finds every due event and writes its notice, which changes every site, so the second pass reads every site
 * again; a steady pass (nothing new since) decides again over what it read and writes nothing — the pass
 * server.ts runs every minute. Printed beside a baseline measured in the same run: a plain
 * count(*) of every site's requests and timeline events, site by site. Never asserted in tests.
 * Usage: npm run bench:notify (BENCH_SITES, BENCH_N to change the size)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { openSqlite, type ServerDb } from '@server/db/connection'
import { migrateToLatest } from '@server/db/migrate'
import { evaluateNotifications } from '@server/notify/evaluate'
import { insertStoredRows, type StoredRow } from '@server/repositories/site-archive'
import { insertSite, setChangeSeq } from '@server/repositories/sites'
import { writeAsServer } from '@server/sync/server-write'
import { newId } from '@shared/domain/ids'
import { defaultSettings } from '@shared/domain/settings'
import { DAY, HOUR } from '@shared/domain/time'
import { formatHlc } from '@shared/sync/hlc'
import { withBenchPostgres } from './bench-postgres'
import { median, random, row } from './stats'

const SITES = Number(process.env.BENCH_SITES ?? 100)
const N = Number(process.env.BENCH_N ?? 200_000)
const STEADY_PASSES = 5
const TARGET_MS = 200
const NOW = Date.UTC(2026, 11, 2, 2)
/** Every site has kept its register for a month (its missing reviews are due events too). */
const SITE_AGE = 30 * DAY

function stored(id: string, parentId: string | null, data: Record<string, unknown>, seq: number, at: number): StoredRow {
  const stamp = formatHlc({ wall: at, counter: 0, node: 'bench' })
  return { record_id: id, parent_id: parentId, data: JSON.stringify(data), field_hlc: JSON.stringify(Object.fromEntries(Object.keys(data).map((k) => [k, stamp]))), deleted: 0, seq, updated_at: at }
}

interface Seeded {
  receptions: StoredRow[]
  events: StoredRow[]
  open: number
}

/** A site's register: `n` requests, 5% open, the rest closed with a result; a tenth complaints. */
function register(siteId: string, n: number, next: () => number, firstSeq: number): Seeded {
  const receptions: StoredRow[] = []
  const events: StoredRow[] = []
  let seq = firstSeq
  let open = 0
  const staffId = newId()
  for (let i = 0; i < n; i++) {
    const id = newId()
    const isOpen = next() < 0.05
    const receivedAt = isOpen ? NOW - Math.floor(next() * 14 * DAY) : NOW - Math.floor(next() * SITE_AGE)
    const category = next() < 0.1 ? 'complaint' : 'repair'
    const reception = { id, siteId, ref: `20261101-A${String(i).padStart(5, '0')}`, receivedAt, channel: 'phone', receiverId: staffId, relayedBy: '', room: '3-2-1101', roomId: null, customerId: null, customerName: `陈丽${i}`, honorific: 'ms', phone: '13812345678', matter: '厨房水龙头漏水,请尽快安排师傅上门查看', category, urgency: 'normal', createdAt: receivedAt }
    receptions.push(stored(id, null, reception, seq++, receivedAt))
    const event = (type: string, at: number, note: string): void => {
      const eid = newId()
      const data = { id: eid, siteId, receptionId: id, type, at, staffId, note, departmentId: null, assignee: '', satisfaction: null, level: null, correction: null, signatureId: null, createdAt: at }
      events.push(stored(eid, id, data, seq++, at))
    }
    if (isOpen) {
      open++
      if (category === 'complaint' && next() < 0.5) event('answered', receivedAt + 2 * HOUR, '已电话答复业主,安排明日上门')
    } else {
      event('result', Math.min(NOW, receivedAt + Math.floor(next() * 2 * DAY)), '已更换水龙头,业主确认')
    }
  }
  return { receptions, events, open }
}

async function seed(db: ServerDb): Promise<{ requests: number; events: number; open: number }> {
  const next = random(15)
  const totals = { requests: 0, events: 0, open: 0 }
  for (let s = 0; s < SITES; s++) {
    const siteId = newId()
    const n = Math.floor(N / SITES) + (s < N % SITES ? 1 : 0)
    const seeded = register(siteId, n, next, 100)
    await db.kysely.transaction().execute(async (trx) => {
      await insertSite(trx, { id: siteId, name: `小区${s + 1}`, timezone: 'Asia/Shanghai' }, NOW - SITE_AGE)
      await writeAsServer(trx, db.kind, siteId, [{ table: 'settings', recordId: siteId, data: { ...defaultSettings(siteId, 'Asia/Shanghai') } }], NOW - SITE_AGE)
      await insertStoredRows(trx, siteId, 'receptions', seeded.receptions)
      await insertStoredRows(trx, siteId, 'receptionEvents', seeded.events)
      await setChangeSeq(trx, siteId, 100 + seeded.receptions.length + seeded.events.length)
    })
    totals.requests += seeded.receptions.length
    totals.events += seeded.events.length
    totals.open += seeded.open
  }
  return totals
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}

const ms = (v: number): string => `${v.toFixed(0)} ms`

async function measure(name: string, db: ServerDb): Promise<void> {
  await migrateToLatest(db)
  const seedTime = await timed(() => seed(db))
  const totals = seedTime.value
  // A server's PostgreSQL has had autovacuum over its months of records; one bulk load has not yet.
  if (db.kind === 'postgres') await sql`vacuum analyze`.execute(db.kysely)
  const sites = await db.kysely.selectFrom('sites').select('id').execute()
  const baseline = async (): Promise<number> => {
    let n = 0
    for (const s of sites) {
      const counted = await db.kysely.selectFrom('records').select(db.kysely.fn.countAll<number>().as('n')).where('site_id', '=', s.id).where('table_name', 'in', ['receptions', 'receptionEvents']).executeTakeFirstOrThrow()
      n += Number(counted.n)
    }
    return n
  }
  const counts: number[] = []
  let counted = 0
  for (let i = 0; i < STEADY_PASSES; i++) {
    const t = await timed(baseline)
    counts.push(t.ms)
    counted = t.value
  }
  const first = await timed(() => evaluateNotifications(db, NOW))
  // The first pass's notices changed every site, so the next pass reads every site again.
  const reread = await timed(() => evaluateNotifications(db, NOW))
  const steady: number[] = []
  let fresh = 0
  let due = 0
  for (let i = 0; i < STEADY_PASSES; i++) {
    const t = await timed(() => evaluateNotifications(db, NOW))
    steady.push(t.ms)
    fresh += t.value.reduce((a, p) => a + p.fresh.length, 0)
    due = t.value.reduce((a, p) => a + p.due, 0)
  }
  const firstFresh = first.value.reduce((a, p) => a + p.fresh.length, 0)
  const base = ms(median(counts))
  console.log(`\n${name}: ${sites.length} sites, ${totals.requests.toLocaleString()} requests (${totals.open.toLocaleString()} open), ${totals.events.toLocaleString()} timeline events; seeded in ${(seedTime.ms / 1000).toFixed(1)} s`)
  console.log(row('first pass (every notice written)', ms(first.ms), base, `≤ ${TARGET_MS} ms`, null))
  console.log(row('pass after every site changed (all read again)', ms(reread.ms), base, `≤ ${TARGET_MS} ms`, null))
  console.log(row(`steady pass (median of ${STEADY_PASSES}, nothing new)`, ms(median(steady)), base, `≤ ${TARGET_MS} ms`, median(steady) <= TARGET_MS))
  console.log(`  first pass: ${firstFresh.toLocaleString()} notices written; steady passes: ${due.toLocaleString()} events due, ${fresh} new (should be 0)`)
  console.log(`  baseline: count(*) of every site's ${counted.toLocaleString()} requests and events, site by site (median of ${STEADY_PASSES})`)
}

async function sqlite(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-notify-bench-'))
  const db = openSqlite(path.join(dir, 'deskbook.sqlite'))
  try {
    await measure('SQLite', db)
  } finally {
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function postgres(): Promise<void> {
  await withBenchPostgres('notify_bench', (db) => measure('PostgreSQL', db))
}

console.log(`the rules pass (evaluateNotifications), ${SITES} sites, ${N.toLocaleString()} requests (${os.cpus().length} cores)`)
await sqlite()
await postgres()
