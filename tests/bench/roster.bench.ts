/**
 * Roster benchmark (issue 13), printed beside baselines measured in the same run; never asserted in tests.
 * A month of 30 staff (28 at the desk in a 白/夜/休 rotation over three shift types, 2 back-office supporters),
 * with the versions a month collects: the first, a revision, and an approved leave.
 *   1. Painting a cell and re-checking staffing (target ≤ 16 ms, one frame, at p95): `applyPaint` on the
 *      day's counts and `understaffed` over the month, for 3,000 random cells. Baseline, interleaved: the
 *      same check after counting the whole month again with `staffingOf`.
 *   2. Opening the month (target ≤ 200 ms): reading its cells, versions and steps (`loadRosterMonth` of
 *      client/db/roster, which builds `versionStatuses`) and the site's staff from Dexie on fake-indexeddb
 *      (two months of cells in the table), then `workingCodes` and `staffingOf` — what the grid needs to show. Baseline: the raw Dexie reads alone.
 *   3. Printing it (target ≤ 3 s): the built app served by the real server to Debian Chromium,
 *      /print/roster?month= from navigation to the PDF's bytes. Baseline: the blank form /print/roster-blank.
 * Usage: npm run bench:roster  (BENCH_SKIP_BUILD=1 reuses dist/)
 */
import 'fake-indexeddb/auto' // Dexie must find indexedDB when it loads.
import os from 'node:os'
import { DeskbookDb } from '@client/db/database'
import { loadRosterMonth } from '@client/db/roster/roster-month'
import { newId } from '@shared/domain/ids'
import { addMonths, cellKey, daysOf, LEAVE, LANES, REST, workingCodes, type RosterStaff, type RosterStep, type RosterVersion } from '@shared/domain/roster'
import { applyPaint, staffingOf, understaffed } from '@shared/domain/roster-staffing'
import type { ShiftType } from '@shared/domain/shift-type'
import { instantAt } from '@shared/domain/time'
import { firstRunSetup, loginAs } from '../support/journeys'
import { drawSignature, putRows, readSite } from '../support/idb-page'
import { makeSignature } from '../factories/duty-seed'
import { rosterMonth, type RosterMonth } from '../factories/roster-seed'
import { ms, navigate, printPdf, withBuiltApp } from './app-bench'
import { median, percentile, random, row } from './stats'

const TZ = 'Asia/Shanghai'
const MONTH = '2026-12'
const PAINTS = 3000
const OPENS = 30
const PRINTS = 5
const SETUP = [
  { name: '王管理', role: 'administrator', pin: '2580' },
  { name: '张主管', role: 'supervisor', pin: '4826' },
  { name: '赵经理', role: 'manager', pin: '3690' },
]

const SURNAMES = '王李张刘陈杨黄赵吴周'
const GIVEN = ['静', '敏', '洋', '丽', '强', '芳', '军', '霞', '伟', '娜', '磊', '艳', '杰', '婷', '涛']

/** 28 desk clerks and 2 supporters, named as a Chinese office would be. */
function staffOf(): RosterStaff[] {
  return Array.from({ length: 30 }, (_, i) => ({ id: newId(), name: `${SURNAMES[i % 10]}${GIVEN[(i * 7) % 15]}${i >= 10 ? GIVEN[i % 15] : ''}`, role: i >= 28 ? 'supervisor' : 'assistant', active: true }))
}

function shiftsOf(siteId: string): ShiftType[] {
  return [
    { id: newId(), siteId, code: '早', name: '早班', start: '07:00', end: '15:00', active: true, minStaff: 3 },
    { id: newId(), siteId, code: '中', name: '中班', start: '15:00', end: '23:00', active: true, minStaff: 3 },
    { id: newId(), siteId, code: '夜', name: '夜班', start: '23:00', end: '07:00', active: true, minStaff: 2 },
  ]
}

/** The month as the tablet holds it, with an approved leave (a version from a request) on top of the revision. */
function month(siteId: string, staff: RosterStaff[], shifts: ShiftType[], people: { administrator: { id: string; name: string }; supervisor: { id: string; name: string }; manager: { id: string; name: string } }, image?: string): RosterMonth {
  const m = rosterMonth({ siteId, month: MONTH, staff, shifts, ...people, submittedAt: instantAt('2026-11-20', '10:00', TZ), supportDays: [24, 25, 31], image, revision: { staffId: staff[3]!.id, coverId: staff[5]!.id, days: [16, 19], reason: `${staff[3]!.name}12月16日、19日请病假,由${staff[5]!.name}替班` } })
  const last = m.versions.at(-1)!
  const snapshot = structuredClone(last.snapshot)
  snapshot.rows[7]!.days[20] = LEAVE
  // The supervisor approves the leave: the version it makes and the approval are the supervisor's, each signed.
  const { supervisor } = people
  const at = last.at + 86_400_000
  const leaveId = newId()
  const approveId = newId()
  const signed = [makeSignature(siteId, 'rosterVersion', leaveId, supervisor.id, supervisor.name, at, image), makeSignature(siteId, 'rosterStep', approveId, supervisor.id, supervisor.name, at, image)] as const
  const leave: RosterVersion = { ...last, id: leaveId, source: 'request', basedOnId: last.id, reason: `${staff[7]!.name}12月21日请假`, snapshot, staffId: supervisor.id, at, signatureId: signed[0].id }
  const approve: RosterStep = { id: approveId, siteId, versionId: leaveId, step: 'approve', comment: '', staffId: supervisor.id, at, signatureId: signed[1].id }
  return { ...m, versions: [...m.versions, leave], steps: [...m.steps, approve], signatures: [...m.signatures, ...signed] }
}

function timed(fn: () => void): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

function paints(m: RosterMonth): void {
  const v = m.versions.at(-1)!
  const rows = structuredClone(v.snapshot.rows)
  const shifts = v.snapshot.shifts
  const codes = [...shifts.map((s) => s.id), REST, LEAVE, '']
  const rnd = random(13)
  const staffing = staffingOf(MONTH, rows, shifts)
  const incremental: number[] = []
  const recount: number[] = []
  let short = 0
  for (let i = 0; i < PAINTS; i++) {
    const r = rows[Math.floor(rnd() * rows.length)]!
    const day = Math.floor(rnd() * r.days.length)
    const after = r.lane === 'desk' ? codes[Math.floor(rnd() * codes.length)]! : shifts[Math.floor(rnd() * shifts.length)]!.id
    const before = r.days[day]!
    r.days[day] = after
    incremental.push(timed(() => (short = understaffed((applyPaint(staffing, day, r.lane, before, after), staffing), shifts).length)))
    recount.push(timed(() => void understaffed(staffingOf(MONTH, rows, shifts), shifts)))
  }
  if (JSON.stringify(staffing) !== JSON.stringify(staffingOf(MONTH, rows, shifts))) throw new Error('the painted counts and a full recount disagree')
  const p95 = percentile(incremental, 95)
  const fine = (v: number): string => `${v.toFixed(3)} ms`
  console.log(row(`paint a cell + re-check staffing, p95 of ${PAINTS}`, fine(p95), fine(percentile(recount, 95)), '≤ 16 ms', p95 <= 16))
  console.log(`    ${rows.length} rows × ${daysOf(MONTH).length} days × ${shifts.length} shifts; median ${fine(median(incremental))} (full recount ${fine(median(recount))}); ${short} shifts short at the end`)
}

async function opening(m: RosterMonth, staff: RosterStaff[], siteId: string): Promise<void> {
  const db = new DeskbookDb(`roster-bench-${newId()}`)
  const earlier = m.cells.map((c) => ({ ...c, id: newId(), date: `${addMonths(MONTH, -1)}${c.date.slice(7)}` })).filter((c) => !c.date.endsWith('-31'))
  await db.transaction('rw', [db.rosterCells, db.rosterVersions, db.rosterSteps, db.staff], async () => {
    await db.rosterCells.bulkPut([...m.cells, ...earlier])
    await db.rosterVersions.bulkPut(m.versions)
    await db.rosterSteps.bulkPut(m.steps)
    await db.staff.bulkPut(staff.map((s) => ({ ...s, siteId, pinVerifier: '' }) as never))
  })
  const days = daysOf(MONTH)
  const read = async (): Promise<[typeof m.cells, RosterVersion[], RosterStep[], unknown[]]> => {
    const [cells, versions, people] = await Promise.all([
      db.rosterCells.where('[siteId+date]').between([siteId, days[0]!], [siteId, days.at(-1)!], true, true).toArray(),
      db.rosterVersions.where('month').equals(MONTH).toArray(),
      db.staff.where('siteId').equals(siteId).toArray(),
    ])
    const steps = await db.rosterSteps.where('versionId').anyOf(versions.map((v) => v.id)).toArray()
    return [cells, versions, steps, people]
  }
  // What the grid reads: the roster's repository (client/db/roster) and the site's staff.
  const open = async (): Promise<number> => {
    const [month] = await Promise.all([loadRosterMonth(db, siteId, MONTH), db.staff.where('siteId').equals(siteId).toArray()])
    const codes = workingCodes(month.cells, month.statuses)
    const rows = staff.flatMap((s) => LANES.map((lane) => ({ lane, days: days.map((d) => codes.get(cellKey(s.id, d, lane)) ?? '') })))
    return staffingOf(MONTH, rows, m.versions[0]!.snapshot.shifts).length
  }
  const whole: number[] = []
  const raw: number[] = []
  // Interleaved, each going first every other run.
  for (let i = 0; i < OPENS; i++) {
    for (const which of i % 2 ? ['raw', 'whole'] : ['whole', 'raw']) {
      const t0 = performance.now()
      if (which === 'raw') await read()
      else if ((await open()) !== days.length) throw new Error('the month did not open')
      ;(which === 'raw' ? raw : whole).push(performance.now() - t0)
    }
  }
  db.close()
  await db.delete()
  const mid = median(whole)
  console.log(row(`open the month from Dexie, median of ${OPENS}`, ms(mid), ms(median(raw)), '≤ 200 ms', mid <= 200))
  console.log(`    ${m.cells.length} cells of ${MONTH} (${earlier.length} of the month before in the table too), ${m.versions.length} versions, ${m.steps.length} steps, ${staff.length} staff; p95 ${ms(percentile(whole, 95))}; baseline: the same reads without building anything`)
}

async function printing(): Promise<void> {
  await withBuiltApp(async (page, url) => {
    await firstRunSetup(page, url, '翠苑小区', SETUP)
    await loginAs(page, '张主管', '4826')
    await page.waitForURL(/\/today$/)
    const site = await readSite(page)
    const person = (name: string): { id: string; name: string } => ({ id: site.staff[name]!, name })
    const staff = staffOf()
    const shifts = shiftsOf(site.siteId)
    const m = month(site.siteId, staff, shifts, { administrator: person('王管理'), supervisor: person('张主管'), manager: person('赵经理') }, await drawSignature(page))
    await putRows(page, { shiftTypes: shifts, rosterCells: m.cells, rosterVersions: m.versions, rosterSteps: m.steps, signatures: m.signatures })
    const filled: number[] = []
    const blank: number[] = []
    let pages = { filled: 0, blank: 0 }
    let last = { readyMs: 0, pdfMs: 0, bytes: 0 }
    for (let i = 0; i < PRINTS; i++) {
      await navigate(page, '/today')
      const b = await printPdf(page, `/print/roster-blank?month=${MONTH}`)
      blank.push(b.readyMs + b.pdfMs)
      await navigate(page, '/today')
      const f = await printPdf(page, `/print/roster?month=${MONTH}`)
      filled.push(f.readyMs + f.pdfMs)
      pages = { filled: f.pages, blank: b.pages }
      last = f
    }
    const mid = median(filled)
    console.log(row(`print the month (30 staff) to PDF, median of ${PRINTS}`, `${(mid / 1000).toFixed(2)} s`, `${(median(blank) / 1000).toFixed(2)} s`, '≤ 3 s', mid <= 3000))
    console.log(
      `    /print/roster?month=${MONTH} (第${m.versions.length}版): laid out in ${ms(last.readyMs)}, page.pdf ${ms(last.pdfMs)}, ${pages.filled} A4 landscape page(s), ${(last.bytes / 1024).toFixed(0)} KB; ` +
        `runs ${filled.map((v) => v.toFixed(0)).join(', ')} ms; baseline: the blank form (${pages.blank} page(s); ${blank.map((v) => v.toFixed(0)).join(', ')} ms)`,
    )
    if (pages.filled !== 1 || pages.blank !== 1) console.log('    NOTE: the month did not print on one page')
  })
}

async function main(): Promise<void> {
  const cpus = os.cpus()
  console.log(`Deskbook roster benchmark (issue 13) — ${new Date().toISOString()}`)
  console.log(`machine: ${os.type()} ${os.arch()}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? '?'}), node ${process.version}; load average at start ${os.loadavg()[0]!.toFixed(2)}`)
  const siteId = newId()
  const staff = staffOf()
  const people = { administrator: { id: newId(), name: '王管理' }, supervisor: { id: newId(), name: '张主管' }, manager: { id: newId(), name: '赵经理' } }
  const m = month(siteId, staff, shiftsOf(siteId), people)
  paints(m)
  await opening(m, staff, siteId)
  await printing()
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
