/**
 * Duty benchmark (issue 5), printed beside baselines measured in the same run; never asserted in
 * tests. The built app served by the real server to Debian Chromium; records are written straight
 * into the tablet's IndexedDB (tests/bench/duty-seed.ts, idb-page.ts).
 *   1. Composing a handover with 200 pending items (target ≤ 300 ms): in-app navigation to /handover,
 *      the incoming clerk starts it, until all 200 items are on screen to acknowledge (150 requests
 *      still with the desk, 50 open follow-ups of the log). Baseline: the same with nothing pending.
 *   2. Printing a month of logs to PDF (target ≤ 3 s, issue 17; issue 5 asked ≤ 10 s): /print/duty-log?month= for 90 shifts with
 *      3,000 entries, their handovers, signatures and reviews, from navigation to the PDF's bytes.
 *      Baseline: the blank duty-log sheet.
 * Usage: npm run bench:duty  (BENCH_SKIP_BUILD=1 reuses dist/)
 */
import os from 'node:os'
import type { Page } from 'playwright-core'
import { shiftKey } from '@shared/domain/duty-log'
import { newId } from '@shared/domain/ids'
import { previousShift, type ShiftType } from '@shared/domain/shift-type'
import { addDays, localDate, MINUTE } from '@shared/domain/time'
import { startServer } from '../support/app-server'
import { CHROMIUM_PATH, launchBrowser } from '../support/browser'
import { firstRunSetup, loginAs } from '../support/journeys'
import { buildApp, ms, navigate, printPdf } from './app-bench'
import { dutyMonth, makeEntry, makeRegistered } from '../factories/duty-seed'
import { clearStores, drawSignature, putRows, readSite } from '../support/idb-page'
import { median, row } from './stats'

const TZ = 'Asia/Shanghai'
const RUNS = 5
const STAFF = [
  { name: '王管理', role: 'administrator', pin: '2580' },
  { name: '李娜', role: 'assistant', pin: '1357' },
  { name: '张主管', role: 'supervisor', pin: '4826' },
]

/** /today → /handover, start, until `expected` pending items are painted. Milliseconds: whole, and from the tap on start. */
async function composeHandover(page: Page, expected: number): Promise<{ total: number; fromStart: number }> {
  await navigate(page, '/today')
  // Each run composes from scratch: the draft the run before left on the tablet goes.
  await clearStores(page, ['handoverDrafts'])
  await page.waitForTimeout(300)
  return page.evaluate(async (n) => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $router: { push(p: string): Promise<unknown> } } } } }).__vue_app__
    const t0 = performance.now()
    void app.config.globalProperties.$router.push('/handover')
    let started = 0
    for (;;) {
      await new Promise((r) => requestAnimationFrame(() => r(null)))
      if (!started) {
        const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="handover-head"] button')].find((b) => b.textContent?.includes('开始交接'))
        if (button && !button.disabled) {
          started = performance.now()
          button.click()
        }
      } else {
        const list = document.querySelector('[data-testid="handover-pending"]')
        if (list && list.querySelectorAll('li').length === n) break
      }
      if (performance.now() - t0 > 30_000) throw new Error(`the handover never showed its pending items (started: ${started > 0}; page: ${document.querySelector('main')?.textContent?.slice(0, 300) ?? ''})`)
    }
    // The frame that shows them.
    await new Promise((r) => requestAnimationFrame(() => r(null)))
    const end = performance.now()
    return { total: end - t0, fromStart: end - started }
  }, expected)
}

/** 200 pending items: 150 requests still with the desk, 50 open follow-ups of the shift being handed over. */
function pendingItems(siteId: string, types: readonly ShiftType[], clerkId: string, now: number): { entries: ReturnType<typeof makeEntry>[]; registered: ReturnType<typeof makeRegistered>[] } {
  const prev = previousShift(types, now, TZ)
  if (!prev) throw new Error('no previous shift to hand over')
  const key = shiftKey(prev.date, prev.shiftType.id)
  const span = prev.endsAt - prev.startsAt
  return {
    entries: [
      makeEntry(siteId, { shiftKey: key, at: prev.startsAt, staffId: clerkId, kind: 'dutyStart', source: 'system', content: '', action: '' }),
      ...Array.from({ length: 50 }, (_, i) => makeEntry(siteId, { shiftKey: key, at: prev.startsAt + Math.floor(((i + 1) * span) / 52), staffId: clerkId, followUp: true, content: `F${i + 1} 3栋地下车库入口积水,请下一班继续关注` })),
    ],
    registered: Array.from({ length: 150 }, (_, i) => makeRegistered(siteId, clerkId, prev.startsAt + i * MINUTE, prev.date, 9000 + i)),
  }
}

/** After a reload: the incoming clerk logs in unless still logged in (a shift not handed over takes them to the handover). */
async function login(page: Page): Promise<void> {
  await page.waitForURL(/\/(login|today|handover)/)
  if (!new URL(page.url()).pathname.startsWith('/login')) return // the session survived the reload
  await loginAs(page, '李娜', '1357')
  await page.waitForURL(/\/(today|handover)$/)
}

async function main(): Promise<void> {
  const cpus = os.cpus()
  console.log(`Deskbook duty benchmark (issue 5) — ${new Date().toISOString()}`)
  console.log(`machine: ${os.type()} ${os.arch()}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? '?'}), node ${process.version}; load average at start ${os.loadavg()[0]!.toFixed(2)}`)
  buildApp()
  const server = await startServer()
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await context.newPage()
    console.log(`browser: Chromium ${browser.version()} (${CHROMIUM_PATH}); built app served by the real server`)
    await firstRunSetup(page, server.url, '翠苑小区', STAFF)
    const site = await readSite(page)
    const now = Date.now()

    // ——— 1. Composing a handover: the outgoing clerk (王管理) was on the shift that ended; 李娜 takes over.
    const pending = pendingItems(site.siteId, site.shiftTypes, site.staff['王管理']!, now)
    await putRows(page, { dutyEntries: pending.entries.slice(0, 1) })
    await page.reload()
    await login(page)
    const empty: number[] = []
    for (let i = 0; i < RUNS; i++) empty.push((await composeHandover(page, 0)).total)
    await putRows(page, { dutyEntries: pending.entries.slice(1), receptions: pending.registered.map((r) => r.reception), receptionIndex: pending.registered.map((r) => r.index) })
    // Written past Dexie: a reload drops its live-query cache, which would still answer the baseline's query.
    await page.reload()
    await login(page)
    const full: { total: number; fromStart: number }[] = []
    for (let i = 0; i < RUNS; i++) full.push(await composeHandover(page, 200))
    const m = median(full.map((f) => f.total))
    console.log(row('compose a handover with 200 pending, median', ms(m), ms(median(empty)), '≤ 300 ms', m <= 300))
    console.log(
      `    ${RUNS} in-app navigations /today → /handover, tap 开始交接, until all 200 items (150 requests, 50 follow-ups) are painted: ${full.map((f) => f.total.toFixed(0)).join(', ')} ms; ` +
        `from the tap alone median ${ms(median(full.map((f) => f.fromStart)))}; baseline: the same with nothing pending (${empty.map((v) => v.toFixed(0)).join(', ')} ms, the first loading the page's code)`,
    )

    // ——— 2. A month of logs: three 8-hour shifts a day (90 shifts), 3,000 entries, 3 requests a shift.
    // A 30-day month at least a month back: 90 shifts, every one started.
    const daysIn = (m: string): number => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate()
    let chosen = addDays(`${localDate(now, TZ).slice(0, 7)}-01`, -40).slice(0, 7)
    while (daysIn(chosen) !== 30) chosen = addDays(`${chosen}-01`, -1).slice(0, 7)
    const types: ShiftType[] = [
      { id: newId(), siteId: site.siteId, code: '早', name: '早班', start: '08:00', end: '16:00', active: false },
      { id: newId(), siteId: site.siteId, code: '中', name: '中班', start: '16:00', end: '00:00', active: false },
      { id: newId(), siteId: site.siteId, code: '晚', name: '夜班(三班)', start: '00:00', end: '08:00', active: false },
    ]
    const clerks = [
      { id: site.staff['李娜']!, name: '李娜' },
      { id: site.staff['王管理']!, name: '王管理' },
    ]
    const image = await drawSignature(page)
    const t0 = performance.now()
    // Types no longer in use that hold a month of logs: printed because something was recorded on them.
    const data = dutyMonth({ siteId: site.siteId, month: chosen, types, clerks, supervisorId: site.staff['张主管']!, entries: 3000, receptionsPerShift: 3, tz: TZ, image })
    // The month is the three-shift one: the two suggested shifts are retired for this part, so they print nothing.
    await putRows(page, { shiftTypes: [...types, ...site.shiftTypes.map((t) => ({ ...t, active: false }))] })
    for (let i = 0; i < data.entries.length; i += 1000) await putRows(page, { dutyEntries: data.entries.slice(i, i + 1000) })
    await putRows(page, { handovers: data.handovers, signatures: data.signatures, reviews: data.reviews, receptions: data.receptions, receptionIndex: data.index })
    console.log(
      `seeded ${chosen}: ${data.shifts} shifts, ${data.entries.length.toLocaleString('en')} entry rows (3,000 entries, starts of duty and corrections), ${data.handovers.length} handovers, ${data.signatures.length} signatures, ${data.reviews.length} reviews, ${data.receptions.length} requests in ${ms(performance.now() - t0)}`,
    )
    await navigate(page, '/today')
    const blank = await printPdf(page, '/print/duty-log-blank')
    await navigate(page, '/today')
    const shift = await printPdf(page, `/print/duty-log?shift=${data.handovers[45]!.fromShiftKey}`)
    await navigate(page, '/today')
    const monthPdf = await printPdf(page, `/print/duty-log?month=${chosen}`)
    const sheets = await page.locator('.print-sheet').count()
    const total = monthPdf.readyMs + monthPdf.pdfMs
    console.log(row(`print a month (${data.shifts} shifts, 3,000 entries) to PDF`, `${(total / 1000).toFixed(2)} s`, `${((blank.readyMs + blank.pdfMs) / 1000).toFixed(2)} s`, '≤ 3 s', total <= 3_000))
    console.log(
      `    /print/duty-log?month=${chosen}: read and laid out in ${ms(monthPdf.readyMs)}, page.pdf ${ms(monthPdf.pdfMs)}; ${sheets} sheets, ${monthPdf.pages} A4 pages, ${(monthPdf.bytes / 1024).toFixed(0)} KB; ` +
        `one shift alone ${ms(shift.readyMs + shift.pdfMs)} (${shift.pages} pages); baseline: the blank sheet (${blank.pages} page, ready ${ms(blank.readyMs)}, pdf ${ms(blank.pdfMs)})`,
    )
    await context.close()
  } finally {
    await browser.close()
    await server.stop()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
