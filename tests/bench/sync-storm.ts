/**
 * The reconnect storm and several processes, for the sync benchmark (issue 12 points 3 and 4).
 *   - Storm: 200 tablets (4 on each of 50 sites) come back at once, each with 500 changes waiting,
 *     against one server process on SQLite; drained when every change is applied. Then the server's
 *     database is counted: every change once in `records` and in `applied_mutations`.
 *   - Processes: 50 tablets flat out against one and against two server processes sharing one
 *     PostgreSQL (a throwaway cluster, tests/support/postgres-cluster.ts), the tablets spread over them.
 */
import pg from 'pg'
import { type ServerDb } from '@server/db/connection'
import { openPostgres } from '@server/db/postgres'
import { migrateToLatest } from '@server/db/migrate'
import { startServer } from '../support/app-server'
import { startCluster } from '../support/postgres-cluster'
import { median, percentile, row } from './stats'
import { BATCH, load, sitesWithTablets, type LoadFigures } from './sync-load'

export const STORM_TABLETS = 200
export const STORM_CHANGES = 500
const STORM_SITES = 50

const ms = (v: number): string => `${v.toFixed(0)} ms`
const perS = (n: number, v: number): string => `${Math.round((n / v) * 1000).toLocaleString('en')}/s`

export interface Counted {
  records: number
  applied: number
  appliedOk: number
}

async function countStorm(db: ServerDb, siteIds: readonly string[]): Promise<Counted> {
  const records = await db.kysely.selectFrom('records').select(db.kysely.fn.countAll<number>().as('n')).where('site_id', 'in', siteIds).where('table_name', '=', 'periodicals').executeTakeFirstOrThrow()
  const applied = await db.kysely.selectFrom('applied_mutations').select(db.kysely.fn.countAll<number>().as('n')).where('site_id', 'in', siteIds).executeTakeFirstOrThrow()
  const ok = await db.kysely.selectFrom('applied_mutations').select(db.kysely.fn.countAll<number>().as('n')).where('site_id', 'in', siteIds).where('status', '=', 'applied').executeTakeFirstOrThrow()
  return { records: Number(records.n), applied: Number(applied.n), appliedOk: Number(ok.n) }
}

/** Lines for a load: throughput and per-batch latency (first try → applied), with the fairness ratio p95 / p50. */
export function fairnessLines(label: string, f: LoadFigures, rawRate: string, rateTarget: number): void {
  const n = f.applied + f.other
  const rate = (n / f.wallMs) * 1000
  const p50 = median(f.batchMs)
  const p95 = percentile(f.batchMs, 95)
  console.log(row(`${label}: mutations/s`, perS(n, f.wallMs), rawRate, `≥ ${rateTarget.toLocaleString('en')}/s`, rate >= rateTarget))
  console.log(row(`${label}: p95 / p50 per batch`, `${(p95 / p50).toFixed(2)}×`, '—', '≤ 3×', p95 <= 3 * p50))
  console.log(
    `    ${f.batchMs.length} batches of ${BATCH}, ${n.toLocaleString('en')} mutations (${f.applied.toLocaleString('en')} applied, ${f.other} not) in ${(f.wallMs / 1000).toFixed(2)} s; ` +
      `per batch (first try → applied) p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(Math.max(...f.batchMs))}; ` +
      `per request answered 200: p50 ${ms(median(f.requestMs))}, p95 ${ms(percentile(f.requestMs, 95))}; ` +
      `busy answers ${f.busy}${f.busy ? ` (Retry-After up to ${f.maxRetryAfterS} s)` : ''}`,
  )
}

/** The storm against the server at `url`, whose database `db` is; says whether every change arrived exactly once. */
export async function storm(db: ServerDb, url: string, rawRate: string): Promise<void> {
  const { siteIds, tablets } = await sitesWithTablets(db, '风暴小区', STORM_SITES, STORM_TABLETS / STORM_SITES, STORM_CHANGES / BATCH)
  const f = await load([url], tablets, null)
  fairnessLines(`storm: ${STORM_TABLETS} tablets × ${STORM_CHANGES} waiting, SQLite`, f, rawRate, 3_500)
  const counted = await countStorm(db, siteIds)
  const expected = STORM_TABLETS * STORM_CHANGES
  const once = counted.records === expected && counted.applied === expected && counted.appliedOk === expected
  console.log(
    `    on the server afterwards: ${counted.records.toLocaleString('en')} periodical records, ${counted.applied.toLocaleString('en')} applied_mutations rows (${counted.appliedOk.toLocaleString('en')} applied) ` +
      `for ${expected.toLocaleString('en')} changes made — ${once ? 'every change exactly once' : 'NOT EXACTLY ONCE'}`,
  )
}

/** `tablets` tablets (5 a site) flat out against one, then two, server processes on one PostgreSQL database each time. */
export async function processes(tablets: number, rounds: number): Promise<void> {
  const cluster = await startCluster()
  try {
    for (const n of [1, 2]) {
      const name = `bench_${n}_${Date.now()}`
      const admin = new pg.Client({ connectionString: cluster.url })
      await admin.connect()
      await admin.query(`create database ${name}`)
      await admin.end()
      const url = new URL(cluster.url)
      url.pathname = `/${name}`
      const db = openPostgres(url.toString())
      await migrateToLatest(db)
      const servers = await Promise.all(Array.from({ length: n }, () => startServer({ staticDir: '/nonexistent', env: { DATABASE_URL: url.toString() } })))
      try {
        // Several sites: one site's pushes take its change-number lock in turn, whatever the process.
        const { tablets: spread } = await sitesWithTablets(db, `多进程基准小区${n}-`, tablets / 5, 5, rounds)
        const f = await load(
          servers.map((s) => s.url),
          spread,
          null,
        )
        fairnessLines(`${tablets} tablets flat out, ${n} process${n > 1 ? 'es' : ''}, PostgreSQL`, f, '—', 500)
      } finally {
        await Promise.all(servers.map((s) => s.stop()))
        await db.close()
      }
    }
  } finally {
    cluster.stop()
  }
}
