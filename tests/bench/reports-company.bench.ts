/**
 * The company view on the server (issue 16 benchmark, the server half of `npm run bench:reports`): 100 sites
 * with a year of records each (tests/factories/statistics-year.ts: requests with their timelines, the duty
 * log, handovers, inspections), stored as the sync engine stores them, on SQLite and a throwaway PostgreSQL.
 * `companyStatistics` for one month and for the year (each with the period before), beside baselines measured
 * in the same run on the same rows: the reads alone (`statisticsInput` for every site, no rules) and a plain
 * count(*) of the rows a month and a year read, site by site. The first view after seeding also works out
 * every request's facts (`request_facts`, migration 014: seeding lists them all in `statistics_watch`, as the
 * upgrade to 014 does), and is printed apart; the views after it read the facts alone.
 * Figures are printed, never asserted. Usage: alone, `node --import tsx tests/bench/reports-company.bench.ts`
 * (BENCH_SITES, BENCH_PER_DAY to change the size), or `companyReportsBench()` from bench:reports.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { sql } from 'kysely'
import { openSqlite, type ServerDb } from '@server/db/connection'
import { migrateToLatest } from '@server/db/migrate'
import { companyStatistics, statisticsInput } from '@server/admin/statistics'
import { insertStoredRows, type StoredRow } from '@server/repositories/site-archive'
import { insertSite, listSites, setChangeSeq } from '@server/repositories/sites'
import { newId } from '@shared/domain/ids'
import { defaultSettings } from '@shared/domain/settings'
import { DAY } from '@shared/domain/time'
import { customPeriod, monthPeriod, periodRange, previousPeriod, type Period } from '@shared/domain/statistics'
import { formatHlc } from '@shared/sync/hlc'
import { MUTATIONS, parentIdOf } from '@shared/sync/registry'
import { statisticsYear } from '../factories/statistics-year'
import { withBenchPostgres } from './bench-postgres'
import { median, row } from './stats'

const TARGET_MS = 2000
const RUNS = 3
/** 2026-12-01 10:00 in Shanghai: the year is 2025-12-01 to 2026-11-30, November the month just ended. */
const NOW = Date.UTC(2026, 11, 1, 2)
const MONTH = monthPeriod('2026-11')
const YEAR = customPeriod('2025-12-01', '2026-11-30')!

interface Size {
  sites: number
  perDay: number
}

function stored(id: string, parentId: string | null, data: Record<string, unknown>, seq: number): StoredRow {
  const stamp = formatHlc({ wall: NOW - DAY, counter: 0, node: 'bench' })
  return { record_id: id, parent_id: parentId, data: JSON.stringify(data), field_hlc: JSON.stringify(Object.fromEntries(Object.keys(data).map((k) => [k, stamp]))), deleted: 0, seq, updated_at: NOW - DAY }
}

export async function seedCompany(db: ServerDb, size: Size): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (let s = 0; s < size.sites; s++) {
    const siteId = newId()
    const adminId = newId()
    const year = statisticsYear({ siteId, adminId, now: NOW, perDay: size.perDay, seed: 100 + s })
    const byTable = new Map<string, StoredRow[]>()
    let seq = 1
    const add = (table: string, id: string, parentId: string | null, data: Record<string, unknown>): void => {
      const rows = byTable.get(table) ?? []
      if (!rows.length) byTable.set(table, rows)
      rows.push(stored(id, parentId, data, seq++))
      counts[table] = (counts[table] ?? 0) + 1
    }
    add('settings', siteId, null, { ...defaultSettings(siteId, 'Asia/Shanghai') })
    add('staff', adminId, null, { id: adminId, siteId, name: '王管理', role: 'administrator', departmentId: null, pin: {}, active: true })
    for (const w of year.writes) add(w.table, w.record.id, parentIdOf(MUTATIONS[w.name as keyof typeof MUTATIONS] ?? null, w.record), w.record)
    await db.kysely.transaction().execute(async (trx) => {
      await insertSite(trx, { id: siteId, name: `小区${String(s + 1).padStart(3, '0')}`, timezone: 'Asia/Shanghai' }, NOW - 400 * DAY)
      for (const [table, rows] of byTable) await insertStoredRows(trx, siteId, table, rows)
      await setChangeSeq(trx, siteId, seq)
    })
  }
  return counts
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}

async function medianOf(fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = []
  for (let i = 0; i < RUNS; i++) runs.push((await timed(fn)).ms)
  return median(runs)
}

/** count(*) of the rows the view reads for `period` and the one before, site by site (the requests by receipt, the desk's records by date). */
async function countRows(db: ServerDb, period: Period): Promise<number> {
  const { start } = periodRange(previousPeriod(period), 'Asia/Shanghai')
  const { end } = periodRange(period, 'Asia/Shanghai')
  let n = 0
  for (const site of await listSites(db.kysely)) {
    const r = await db.kysely
      .selectFrom('records')
      .select(db.kysely.fn.countAll<number>().as('n'))
      .where('site_id', '=', site.id)
      .where('table_name', 'in', ['receptions', 'dutyEntries', 'handovers', 'inspections', 'nonconformities'])
      .where('at', '>=', start)
      .where('at', '<', end)
      .executeTakeFirstOrThrow()
    n += Number(r.n)
  }
  return n
}

const ms = (v: number): string => `${v.toFixed(0)} ms`

async function measure(name: string, db: ServerDb, size: Size): Promise<void> {
  await migrateToLatest(db)
  const seeded = await timed(() => seedCompany(db, size))
  if (db.kind === 'postgres') await sql`vacuum analyze`.execute(db.kysely)
  const sites = await listSites(db.kysely)
  const first = await timed(() => companyStatistics(db, MONTH, NOW))
  const total = (p: Period) => async () => (await companyStatistics(db, p, NOW)).total.current.requests
  const reads = (p: Period) => async () => {
    for (const site of sites) await statisticsInput(db, site, p)
  }
  const c = seeded.value
  console.log(`\n${name}: ${sites.length} sites, ${(c.receptions ?? 0).toLocaleString()} requests, ${(c.receptionEvents ?? 0).toLocaleString()} timeline events, ${(c.dutyEntries ?? 0).toLocaleString()} duty entries, ${(c.handovers ?? 0).toLocaleString()} handovers, ${(c.inspections ?? 0).toLocaleString()} inspections; seeded in ${(seeded.ms / 1000).toFixed(1)} s`)
  console.log(row('first view after seeding (all facts worked out)', ms(first.ms), '', `≤ ${TARGET_MS} ms`, null))
  for (const [label, period] of [['month', MONTH], ['year', YEAR]] as const) {
    const view = await medianOf(total(period))
    const readOnly = await medianOf(reads(period))
    const counted = await timed(() => countRows(db, period))
    const count = await medianOf(() => countRows(db, period))
    console.log(row(`company view, ${label} + the one before (median of ${RUNS})`, ms(view), ms(readOnly), `≤ ${TARGET_MS} ms`, view <= TARGET_MS))
    console.log(`  baselines: the same reads without the rules ${ms(readOnly)}; count(*) of the ${counted.value.toLocaleString()} dated rows, site by site, ${ms(count)}`)
  }
  console.log(`  requests in November, all sites: ${(await total(MONTH)()).toLocaleString()}`)
}

async function onSqlite(size: Size): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-reports-bench-'))
  const db = openSqlite(path.join(dir, 'deskbook.sqlite'))
  try {
    await measure('SQLite', db, size)
  } finally {
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function onPostgres(size: Size): Promise<void> {
  await withBenchPostgres('reports_bench', (db) => measure('PostgreSQL', db, size))
}

/** The server half of bench:reports: the company view on SQLite, then on PostgreSQL. */
export async function companyReportsBench(size: Size = { sites: Number(process.env.BENCH_SITES ?? 100), perDay: Number(process.env.BENCH_PER_DAY ?? 4) }): Promise<void> {
  console.log(`the company view (companyStatistics), ${size.sites} sites × a year, ~${size.perDay} requests a day each (${os.cpus().length} cores)`)
  await onSqlite(size)
  await onPostgres(size)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await companyReportsBench()
