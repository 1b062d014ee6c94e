/**
 * Statistics benchmark (issue 16, `npm run bench:reports`), printed beside baselines measured in the same run;
 * never asserted in tests.
 *   Tablet (target ≤ 300 ms): opening 统计 for a month over a site's 200,000 requests (three years, with their
 *   timelines as the register benchmark seeds them) in Dexie on fake-indexeddb, with a month of duty log,
 *   handovers and inspections — `statisticsInput` (the repository's indexed reads of the statistics rows of the
 *   month, the month before and every request still open) and `siteStatistics` (the shared rules), median of
 *   RUNS. Baselines: a plain Dexie read of the records those figures are worked out from (the two months'
 *   requests by `receivedAt`, their events by `at`), and a scan of the whole register (`receptions.toArray()`),
 *   which is what an unindexed screen would pay.
 *   Company (server, target ≤ 2 s): the company view for 100 sites × a year on SQLite and PostgreSQL —
 *   `companyReportsBench` of reports-company.bench.ts, which also runs alone.
 * Usage: npm run bench:reports (BENCH_REPORTS_ONLY=tablet or =company for one half)
 */
import 'fake-indexeddb/auto' // Dexie must find indexedDB when it loads.
import os from 'node:os'
import { DeskbookDb } from '@client/db/database'
import { statisticsInput } from '@client/db/statistics/statistics-input'
import { defaultSettings } from '@shared/domain/settings'
import { newId } from '@shared/domain/ids'
import { shiftKey } from '@shared/domain/duty-log'
import { addDays, instantAt } from '@shared/domain/time'
import { monthPeriod, periodRange, previousPeriod, siteStatistics } from '@shared/domain/statistics'
import { households, random as seeded, seedBatch } from './register-seed'
import { makeEntry, makeHandover } from '../factories/duty-seed'
import { makeInspection, makeNonconformity } from '../factories/inspection'
import { median, row } from './stats'
import { companyReportsBench } from './reports-company.bench'

const TZ = 'Asia/Shanghai'
const N = Number(process.env.BENCH_REQUESTS ?? 200_000)
const RUNS = 9
const MONTH = '2026-11'
const NOW = instantAt('2026-12-01', '09:00', TZ)
const ms = (v: number): string => `${v.toFixed(0)} ms`

async function seed(db: DeskbookDb, siteId: string): Promise<void> {
  const receivers = [newId(), newId(), newId(), newId()]
  const homes = households(seeded(1))
  const seqByDay = new Map<string, number>()
  const o = { siteId, n: N, now: NOW, receivers, departments: [newId(), newId(), newId()] }
  for (let start = 0; start < N; start += 5_000) {
    const b = seedBatch(o, homes, start, 5_000, seqByDay)
    await db.transaction('rw', [db.receptions, db.receptionEvents, db.receptionIndex, db.requestFacts], async () => {
      await db.receptions.bulkAdd(b.receptions)
      await db.receptionEvents.bulkAdd(b.events)
      await db.receptionIndex.bulkAdd(b.index)
      await db.requestFacts.bulkAdd(b.facts)
    })
  }
  // Two months of the desk: entries, a handover a shift, the supervisor's and the administrator's inspections.
  const shift = newId()
  const rnd = seeded(2)
  const entries = []
  const handovers = []
  const inspections = []
  const ncs = []
  const [sup, adm] = [newId(), newId()]
  await db.staff.bulkAdd([sup, adm].map((id, i) => ({ id, siteId, name: i ? '王管理' : '张主管', role: i ? 'administrator' : 'supervisor', active: true, departmentId: null, pin: { salt: '', hash: '', iterations: 1 } }) as never))
  for (let d = addDays(`${MONTH}-01`, -31); d <= `${MONTH}-30`; d = addDays(d, 1)) {
    const key = shiftKey(d, shift)
    for (let k = 0; k < 12; k++) entries.push(makeEntry(siteId, { shiftKey: key, at: instantAt(d, '09:00', TZ) + k * 40 * 60_000, staffId: receivers[0]!, escalation: rnd() < 0.05 ? 'supervisor' : rnd() < 0.1 ? 'administrator' : 'none' }))
    handovers.push(makeHandover(siteId, { fromShiftKey: key, toShiftKey: key, outgoingId: receivers[0]!, incomingId: receivers[1]!, outgoingName: '李娜', incomingName: '王芳', shiftStartsAt: instantAt(d, '08:00', TZ), arrivedBefore: rnd() < 0.1 ? 5 : 20 }).handover)
    const i = makeInspection({ siteId, templateId: shift, inspectorId: adm, kind: 'daily', inspectedIds: [receivers[0]!], at: instantAt(d, '07:50', TZ), shiftKey: key })
    inspections.push(i)
    if (rnd() < 0.3) ncs.push(makeNonconformity({ siteId, inspectionId: i.id, staffId: receivers[0]!, at: i.at, itemCode: 'abcdefghij'[Math.floor(rnd() * 10)]! }))
  }
  await db.dutyEntries.bulkAdd(entries)
  await db.handovers.bulkAdd(handovers)
  await db.inspections.bulkAdd(inspections)
  await db.nonconformities.bulkAdd(ncs)
}

/** The tablet's figures; returns the lines printed. */
export async function tabletPart(): Promise<string[]> {
  const db = new DeskbookDb(`reports-bench-${Date.now()}`)
  await db.open()
  const siteId = newId()
  const settings = defaultSettings(siteId, TZ)
  const t0 = performance.now()
  await seed(db, siteId)
  const seeded = performance.now() - t0
  const period = monthPeriod(MONTH)
  const start = periodRange(previousPeriod(period), TZ).start
  const end = periodRange(period, TZ).end

  const open: number[] = []
  const plain: number[] = []
  const scan: number[] = []
  let rows = 0
  let figures = ''
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so a slower moment of the shared machine weighs on both alike.
    let t = performance.now()
    const input = await statisticsInput(db, settings, period)
    const stats = siteStatistics(input, period, NOW)
    open.push(performance.now() - t)
    rows = input.requests.length
    figures = `received ${stats.current.requests.total} (month before ${stats.previous.requests.total}), open now ${stats.openNow.total}, median to completion ${((stats.current.completion.medianMs ?? 0) / 3_600_000).toFixed(1)} h`
    t = performance.now()
    const rs = await db.receptions.where('receivedAt').between(start, end, true, false).toArray()
    const es = await db.receptionEvents.where('at').between(start, Infinity).toArray()
    plain.push(performance.now() - t)
    if (run < 3) {
      t = performance.now()
      await db.receptions.toArray()
      scan.push(performance.now() - t)
    }
    if (run === 0) rows += 0 * (rs.length + es.length)
  }
  db.close()
  return [
    `Tablet: ${N.toLocaleString('en')} requests seeded into fake-indexeddb in ${(seeded / 1000).toFixed(1)} s; ${rows.toLocaleString('en')} requests read for ${MONTH} and the month before (${figures})`,
    row('open 统计 for a month (load + siteStatistics)', ms(median(open)), `${ms(median(plain))} plain read of the requests + events`, '≤ 300 ms', median(open) <= 300),
    row('  whole-register scan, for scale', ms(median(scan)), '', '', null),
  ]
}

const only = process.env.BENCH_REPORTS_ONLY ?? 'tablet,company'

async function main(): Promise<void> {
  console.log(`Reports benchmark — ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`)
  if (only.includes('tablet')) for (const line of await tabletPart()) console.log(line)
  if (only.includes('company')) await companyReportsBench()
}

await main()
