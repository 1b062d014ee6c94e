/**
 * Runs in Chromium inside the built app's origin (bundled by register.bench.ts and added to the page
 * as a script), on the app's own database: seeds the register, then times the register's queries
 * (the app's `openRegister`) against raw IndexedDB lookups on the same store, interleaved.
 */
import { statisticsInput } from '@client/db/statistics/statistics-input'
import { monthPeriod, periodRange, previousPeriod, siteStatistics } from '@shared/domain/statistics'
import { DeskbookDb } from '@client/db/database'
import { indexRow, type ReceptionIndexRow } from '@client/db/register/index-row'
import { applyCountChanges, countChanges } from '@client/db/register/index-counts'
import { openRegister } from '@client/db/register/reception-queries'
import { type RegisterQuery } from '@client/db/register/register-query'
import type { Viewer } from '@client/db/register/reception-queue'
import { defaultSettings, type Settings } from '@shared/domain/settings'
import { addDays, localDate } from '@shared/domain/time'
import { households, random, seedBatch } from './register-seed'

const BATCH = 5_000
const HOUR = 3_600_000

interface Site {
  db: DeskbookDb
  siteId: string
  settings: Settings
  staff: { id: string; role: Viewer['role'] }[]
  departments: string[]
}

let site: Site | null = null

async function open(): Promise<Site> {
  if (site) return site
  const db = new DeskbookDb()
  await db.open()
  const [s] = await db.sites.toArray()
  if (!s) throw new Error('the tablet is not set up')
  const settings = (await db.settings.get(s.id)) ?? defaultSettings(s.id)
  const staff = (await db.staff.where('siteId').equals(s.id).toArray()).map((x) => ({ id: x.id, role: x.role }))
  const departments = (await db.departments.where('siteId').equals(s.id).toArray()).map((d) => d.id)
  site = { db, siteId: s.id, settings, staff, departments }
  return site
}

const megabytes = async (): Promise<number> => ((await navigator.storage.estimate()).usage ?? 0) / 1e6

export interface SeedFigures {
  ms: number
  receptions: number
  events: number
  generateMs: number
  storageMb: number
}

/** Write `n` requests, their timelines, index rows and the index's counts per day straight into the app's tables, 5,000 per transaction. */
async function seed(n: number, now: number): Promise<SeedFigures> {
  const { db, siteId, staff, departments } = await open()
  const homes = households(random(1))
  const seq = new Map<string, number>()
  const options = { siteId, n, now, receivers: staff.map((s) => s.id), departments }
  let events = 0
  let generateMs = 0
  const t0 = performance.now()
  for (let start = 0; start < n; start += BATCH) {
    const g0 = performance.now()
    const b = seedBatch(options, homes, start, BATCH, seq)
    generateMs += performance.now() - g0
    events += b.events.length
    await db.transaction('rw', [db.receptions, db.receptionEvents, db.receptionIndex, db.requestFacts, db.meta], async () => {
      await db.receptions.bulkPut(b.receptions)
      await db.receptionEvents.bulkPut(b.events)
      await db.receptionIndex.bulkPut(b.index)
      await db.requestFacts.bulkPut(b.facts)
      await applyCountChanges(db, countChanges([], b.index))
    })
  }
  return { ms: performance.now() - t0, receptions: n, events, generateMs, storageMb: await megabytes() }
}

export interface SearchSample {
  kind: 'room' | 'name' | 'phone'
  text: string
  /** The raw lookup of the same key: index and key. */
  index: 'room' | 'customerName' | 'phoneKeys'
}

/** Searches a clerk types in full, taken from requests spread over the register. */
async function searchSamples(per: number): Promise<SearchSample[]> {
  const { db } = await open()
  const n = await db.receptionIndex.count()
  const rand = random(42)
  const out: SearchSample[] = []
  for (let i = 0; i < per; i++) {
    const [row] = await db.receptionIndex.offset(Math.floor(rand() * n)).limit(1).toArray()
    if (!row) continue
    if (row.room) out.push({ kind: 'room', text: row.room, index: 'room' })
    out.push({ kind: 'name', text: row.customerName, index: 'customerName' })
    if (row.phoneKeys[0]) out.push({ kind: 'phone', text: row.phoneKeys[0], index: 'phoneKeys' })
  }
  return out
}

function rawDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('deskbook')
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

function rawGet(db: IDBDatabase, index: string, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = db.transaction('receptionIndex', 'readonly').objectStore('receptionIndex').index(index).get(key)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

async function viewerOf(role: Viewer['role']): Promise<Viewer> {
  const { staff } = await open()
  const s = staff.find((x) => x.role === role) ?? staff[0]!
  return { id: s.id, role, departmentId: null }
}

/** What the list does for a query: count it and read its first two pages. */
async function listQuery(q: RegisterQuery, viewer: Viewer, now: number): Promise<{ ms: number; total: number; plan: string }> {
  const { db, siteId, settings } = await open()
  const t0 = performance.now()
  const result = await openRegister(db, siteId, q, viewer, now, settings)
  await result.window(0, 100)
  return { ms: performance.now() - t0, total: result.total, plan: result.plan }
}

export interface SearchFigures {
  app: Record<SearchSample['kind'], number[]>
  raw: Record<SearchSample['kind'], number[]>
  found: number[]
  samples: number
}

/** Each search through the app's query, then the raw index get of the same key, in turn. */
async function searches(per: number, rounds: number, now: number): Promise<SearchFigures> {
  const samples = await searchSamples(per)
  const raw = await rawDb()
  const viewer = await viewerOf('assistant')
  const out: SearchFigures = { app: { room: [], name: [], phone: [] }, raw: { room: [], name: [], phone: [] }, found: [], samples: samples.length }
  for (let r = 0; r < rounds; r++)
    for (const s of samples) {
      const app = await listQuery({ queue: 'all', text: s.text }, viewer, now)
      const t1 = performance.now()
      await rawGet(raw, s.index, s.text)
      const t2 = performance.now()
      out.app[s.kind].push(app.ms)
      out.raw[s.kind].push(t2 - t1)
      if (r === 0) out.found.push(app.total)
    }
  raw.close()
  return out
}

export interface QueryFigure {
  name: string
  plan: string
  total: number
  ms: number[]
}

/** The list's other queries: queues, filters, words of the matter, and windows deep in the register. */
async function queries(now: number, rounds: number): Promise<QueryFigure[]> {
  const { db, siteId, settings, departments } = await open()
  const clerk = await viewerOf('assistant')
  const supervisor = await viewerOf('supervisor')
  const cases: [string, RegisterQuery, Viewer][] = [
    ['queue all (whole register)', { queue: 'all' }, clerk],
    ['queue mine (clerk)', { queue: 'mine' }, clerk],
    ['queue open', { queue: 'open' }, clerk],
    ['queue overdue', { queue: 'overdue' }, clerk],
    ['queue escalated (supervisor)', { queue: 'escalated' }, supervisor],
    ['status closed', { queue: 'all', statuses: ['closed'] }, clerk],
    ['category repair + complaint', { queue: 'all', categories: ['repair', 'complaint'] }, clerk],
    ['status closed × category repair', { queue: 'all', statuses: ['closed'], categories: ['repair'] }, clerk],
    ['department handed to', { queue: 'all', departmentId: departments[0] ?? null }, clerk],
    ['date range (last 30 days)', { queue: 'all', from: now - 30 * 24 * HOUR, to: now }, clerk],
    ['queue open × category repair (scan)', { queue: 'open', categories: ['repair'] }, clerk],
    ['status closed × department (scan)', { queue: 'all', statuses: ['closed'], departmentId: departments[1] ?? null }, clerk],
    ['matter word 漏水 (2 chars)', { queue: 'all', text: '漏水' }, clerk],
    ['matter words 水龙头漏水', { queue: 'all', text: '水龙头漏水' }, clerk],
    ['room prefix 12-3', { queue: 'all', text: '12-3' }, clerk],
    ['surname 王', { queue: 'all', text: '王' }, clerk],
    ['room prefix 1 (too broad)', { queue: 'all', text: '1' }, clerk],
  ]
  const out: QueryFigure[] = []
  for (const [name, q, viewer] of cases) {
    const f: QueryFigure = { name, plan: '', total: 0, ms: [] }
    for (let r = 0; r < rounds; r++) {
      const x = await listQuery(q, viewer, now)
      Object.assign(f, { plan: x.plan, total: x.total })
      f.ms.push(x.ms)
    }
    out.push(f)
  }
  // Windows of 100 rows deep in the whole register (what a jump of the scroll bar asks for), each on a fresh result.
  for (const at of [0.5, 0.999]) {
    const f: QueryFigure = { name: `window of 100 at ${Math.round(at * 100)} % of all`, plan: 'index', total: 0, ms: [] }
    for (let r = 0; r < rounds; r++) {
      const result = await openRegister(db, siteId, { queue: 'all' }, clerk, now, settings)
      const start = Math.floor(result.total * at) - 100
      const t0 = performance.now()
      await result.window(start, start + 100)
      f.ms.push(performance.now() - t0)
      f.total = result.total
    }
    out.push(f)
  }
  return out
}

let gramRows: ReceptionIndexRow[] = []

/**
 * What the 2-gram index costs, part 1: the index rows of `n` requests (kept for `gramPut`). Run in an
 * origin of its own, so that its storage on disk is theirs alone.
 */
function gramSample(n: number, now: number): { rows: number; grams: number } {
  gramRows = seedBatch({ siteId: 'scratch', n, now, receivers: ['clerk-a', 'clerk-b', 'clerk-c'], departments: ['dept-a', 'dept-b', 'dept-c'] }, households(random(2)), 0, n, new Map()).index
  return { rows: gramRows.length, grams: gramRows.reduce((a, r) => a + (r.grams?.length ?? 0), 0) }
}

/** Part 2: put the sample into a scratch database of the app's schema, with or without the pairs; milliseconds. */
async function gramPut(name: string, withGrams: boolean): Promise<number> {
  const list = withGrams ? gramRows : gramRows.map((r) => ({ ...r, grams: [] }))
  const scratch = new DeskbookDb(name)
  await scratch.open()
  const t0 = performance.now()
  for (let i = 0; i < list.length; i += BATCH) await scratch.receptionIndex.bulkPut(list.slice(i, i + BATCH))
  const ms = performance.now() - t0
  scratch.close()
  return ms
}

/** Consecutive local days ending a week ago that hold at least `rows` requests, for the print. */
async function printRange(rows: number, now: number): Promise<{ from: string; to: string; rows: number }> {
  const { db, siteId } = await open()
  const day = (at: number): string => new Date(at + 8 * HOUR).toISOString().slice(0, 10)
  const midnight = (date: string): number => Date.parse(`${date}T00:00:00+08:00`)
  const to = day(now - 7 * 24 * HOUR)
  let from = to
  let count = 0
  while (count < rows) {
    count = await db.receptionIndex.where('[siteId+receivedAt]').between([siteId, midnight(from)], [siteId, midnight(to) + 24 * HOUR], true, false).count()
    if (count < rows) from = day(midnight(from) - 12 * HOUR)
  }
  return { from, to, rows: count }
}

/** Check that a rebuilt index row equals the stored one (the seed wrote what the app would). */
async function checkIndex(): Promise<boolean> {
  const { db } = await open()
  const [row] = await db.receptionIndex.orderBy('receivedAt').reverse().limit(1).toArray()
  if (!row) return false
  const r = await db.receptions.get(row.id)
  const events = await db.receptionEvents.where('receptionId').equals(row.id).toArray()
  return !!r && JSON.stringify(indexRow(r, events)) === JSON.stringify(row)
}

export interface StatisticsFigure {
  month: string
  requests: number
  open: number[]
  plain: number[]
}

/**
 * 统计 for the month before `now`'s (issue 16's tablet target, ≤ 300 ms) in this page's IndexedDB on disk:
 * the repository's reads and the shared rules, against a plain read of the same two months' requests and the
 * events from their start, interleaved.
 */
async function statisticsMonth(now: number, rounds: number): Promise<StatisticsFigure> {
  const { db, settings } = await open()
  const month = addDays(`${localDate(now, settings.timezone).slice(0, 7)}-01`, -1).slice(0, 7)
  const period = monthPeriod(month)
  const start = periodRange(previousPeriod(period), settings.timezone).start
  const end = periodRange(period, settings.timezone).end
  const out: StatisticsFigure = { month, requests: 0, open: [], plain: [] }
  for (let r = 0; r < rounds; r++) {
    let t = performance.now()
    const input = await statisticsInput(db, settings, period)
    siteStatistics(input, period, now)
    out.open.push(performance.now() - t)
    out.requests = input.requests.length
    t = performance.now()
    await db.receptions.where('receivedAt').between(start, end, true, false).toArray()
    await db.receptionEvents.where('at').between(start, Infinity).toArray()
    out.plain.push(performance.now() - t)
  }
  return out
}

export const registerBench = { seed, searches, queries, gramSample, gramPut, printRange, checkIndex, statisticsMonth }
;(window as unknown as { registerBench: typeof registerBench }).registerBench = registerBench
