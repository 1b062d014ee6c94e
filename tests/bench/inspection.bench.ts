/**
 * Inspection benchmark (issue 6), printed beside a baseline measured in the same run; never asserted in
 * tests. Pure domain code in Node, no browser.
 *   1. The appraisal summary (target ≤ 200 ms): appraisal() over every nonconformity of a year of
 *      inspections at 5 sites — each week the supervisor's 3 spot checks, the administrator's daily
 *      check and now and then the manager's, on the regulations' 26-row checklist with about 30% of
 *      rows failing — for one month with the 3 months before. Baseline: a plain loop counting the same
 *      nonconformities by person, month and item, months told apart by comparing instants.
 * Usage: npm run bench:inspection
 */
import { newId } from '@shared/domain/ids'
import { checklistRows, type Inspection, type Nonconformity } from '@shared/domain/inspection'
import { appraisal, monthsUpTo, quotaStanding, type AppraisalLine } from '@shared/domain/inspection-quota'
import { DEFAULT_CHECKLIST } from '@shared/domain/inspection-template'
import { addDays, instantAt } from '@shared/domain/time'
import { shiftKey } from '@shared/domain/duty-log'
import { median, random, row } from './stats'
import { makeInspection, makeNonconformity } from '../factories/inspection'

const TZ = 'Asia/Shanghai'
const SITES = 5
const FIRST_DAY = '2025-12-01' // a Monday
const DAYS = 364
const MONTH = '2026-10'
const RUNS = 15
const FAIL_RATE = 0.3
const ROWS = checklistRows({ items: [...DEFAULT_CHECKLIST] })

interface Site {
  siteId: string
  supervisor: string
  administrator: string
  manager: string
  clerks: string[]
}

function year(): { sites: Site[]; inspections: Inspection[]; ncs: Nonconformity[] } {
  const rnd = random(6)
  const sites: Site[] = Array.from({ length: SITES }, () => ({ siteId: newId(), supervisor: newId(), administrator: newId(), manager: newId(), clerks: [newId(), newId(), newId(), newId()] }))
  const inspections: Inspection[] = []
  const ncs: Nonconformity[] = []
  for (const site of sites) {
    const templateId = newId()
    const dayShift = newId()
    const inspect = (inspectorId: string, kind: Inspection['kind'], date: string, hhmm: string): void => {
      const at = instantAt(date, hhmm, TZ)
      const inspectedIds = [site.clerks[Math.floor(rnd() * 4)]!]
      const results = ROWS.map((r) => ({ itemCode: r.itemCode, standardId: r.standardId, result: rnd() < FAIL_RATE ? ('fail' as const) : ('pass' as const), note: '', photoIds: [] }))
      const i = makeInspection({ siteId: site.siteId, templateId, kind, inspectorId, inspectedIds, at, shiftKey: shiftKey(date, dayShift), results })
      inspections.push(i)
      for (const r of results) if (r.result === 'fail') ncs.push(makeNonconformity({ siteId: site.siteId, inspectionId: i.id, staffId: inspectedIds[0]!, at, itemCode: r.itemCode, standardId: r.standardId, dueDate: addDays(date, 7) }))
    }
    for (let d = 0; d < DAYS; d++) {
      const date = addDays(FIRST_DAY, d)
      const weekday = d % 7 // 0 = Monday
      // 4.4.4: the administrator every day at the morning handover (07:50); late in the evening on Sundays, to cross midnights in UTC.
      inspect(site.administrator, 'daily', date, weekday === 6 ? '23:40' : '07:50')
      // 4.4.3: the supervisor on Monday, Wednesday and Friday.
      if (weekday === 0 || weekday === 2 || weekday === 4) inspect(site.supervisor, 'spot', date, '15:00')
      // 4.4.2: the manager now and then.
      if (rnd() < 0.08) inspect(site.manager, 'adhoc', date, '10:30')
    }
  }
  return { sites, inspections, ncs }
}

/** The baseline: the same counts with no time-zone formatting, month starts found once as instants. */
function plainCount(staffIds: readonly string[], ncs: readonly Pick<Nonconformity, 'staffId' | 'itemCode' | 'at'>[], month: string, back = 3): AppraisalLine[] {
  const months = monthsUpTo(month, back)
  const [y, m] = month.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  const starts = [...months, next].map((mm) => instantAt(`${mm}-01`, '00:00', TZ))
  const lines = new Map(staffIds.map((id) => [id, { staffId: id, byItem: {} as Record<string, number>, total: 0, before: months.slice(0, -1).map(() => 0) }]))
  for (const nc of ncs) {
    const line = lines.get(nc.staffId)
    if (!line || nc.at < starts[0]! || nc.at >= starts[back + 1]!) continue
    let i = back
    while (nc.at < starts[i]!) i--
    if (i === back) {
      line.byItem[nc.itemCode] = (line.byItem[nc.itemCode] ?? 0) + 1
      line.total++
    } else line.before[i]!++
  }
  return [...lines.values()]
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = fn()
  return { ms: performance.now() - start, value }
}

function main(): void {
  const { sites, inspections, ncs } = year()
  const staffIds = sites.flatMap((s) => s.clerks)
  console.log(`${SITES} sites, ${DAYS} days: ${inspections.length} inspections, ${ncs.length} nonconformities (${((100 * ncs.length) / (inspections.length * ROWS.length)).toFixed(1)}% of rows); appraisal of ${MONTH} with 3 months before`)

  // Warm both up (JIT, dayjs's time-zone formatter cache) before measuring; then interleave them.
  const expected = plainCount(staffIds, ncs, MONTH)
  const got = appraisal(staffIds, ncs, MONTH, TZ)
  if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error('appraisal and the baseline disagree')
  const counted = got.reduce((n, l) => n + l.total + l.before.reduce((a, b) => a + b, 0), 0)
  console.log(`  ${counted} nonconformities counted in the 4 months, ${got.reduce((n, l) => n + l.total, 0)} in ${MONTH}`)

  const summary: number[] = []
  const baseline: number[] = []
  for (let i = 0; i < RUNS; i++) {
    baseline.push(timed(() => plainCount(staffIds, ncs, MONTH)).ms)
    summary.push(timed(() => appraisal(staffIds, ncs, MONTH, TZ)).ms)
  }
  const ms = (v: number): string => `${v.toFixed(1)} ms`
  console.log(row(`appraisal summary, median of ${RUNS}`, ms(median(summary)), ms(median(baseline)), '≤ 200 ms', median(summary) <= 200))
  console.log(`    per nonconformity: ${((1000 * median(summary)) / ncs.length).toFixed(2)} µs (baseline ${((1000 * median(baseline)) / ncs.length).toFixed(3)} µs)`)

  // For scale: this week's quota standing of one site's inspectors (not targeted).
  const site = sites[0]!
  const now = instantAt(addDays(FIRST_DAY, DAYS - 3), '18:00', TZ)
  const own = inspections.filter((i) => i.siteId === site.siteId)
  const quota = Array.from({ length: RUNS }, () => timed(() => quotaStanding([{ id: site.supervisor, role: 'supervisor' }, { id: site.administrator, role: 'administrator' }], own, now, TZ)).ms)
  console.log(row(`quota standing, ${own.length} inspections`, ms(median(quota)), '—', '—', null))
}

main()
