/**
 * A day's use of the tablet, and the JS heap after it (issue 17: ≤ 60 MB), printed beside the heap just
 * after logging in, measured in the same run; never asserted in tests. The built app, served by the real
 * server, in Chromium at 1280×800 in zh-CN. Nothing reloads the page all day, as on the desk's tablet: a
 * clerk logs in and, through the app's own screens (the router, as a tap on a link does), registers
 * DAY_REQUESTS requests (default 120) on 登记新来访, writes a duty-log entry after every fifth, looks at the
 * register, 今日, the archive and the desk services after every tenth, and at the end opens the day's
 * duty-log print. Heap: CDP `Runtime.getHeapUsage` as it stands, then after a forced GC.
 */
import os from 'node:os'
import type { Page } from 'playwright-core'
import { localDate } from '@shared/domain/time'
import { firstRunSetup, loginAs } from '../support/journeys'
import { source } from '../support/desk-journeys'
import { heapUsage, ms, navigate, withBuiltApp } from './app-bench'
import { row } from './stats'

const REQUESTS = Number(process.env.DAY_REQUESTS ?? 120)
const MB = 2 ** 20
const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`

const MATTERS = ['厨房水龙头漏水', '楼上装修噪音', '车位被占用', '门禁卡失效', '电梯异响', '快递代收', '物业费发票', '绿化带杂物']

async function register(page: Page, i: number): Promise<void> {
  await navigate(page, '/register/new')
  await page.getByLabel('房号').fill(`${1 + (i % 9)}-${1 + (i % 3)}-${String(101 + (i % 20)).padStart(3, '0')}`)
  await page.getByLabel('业主姓名').fill(`业主${i}`)
  await page.getByLabel('联系电话').fill(`139${String(10_000_000 + i).padStart(8, '0')}`)
  await page.getByLabel('事由').fill(`${MATTERS[i % MATTERS.length]}(第${i + 1}件)`)
  await page.getByRole('button', { name: '登记', exact: true }).click()
  await page.waitForURL(/\/register\/[0-9a-f-]{36}$/)
}

async function dutyEntry(page: Page, i: number): Promise<void> {
  await navigate(page, '/duty-log')
  await page.getByRole('button', { name: '新增记录' }).click()
  await page.locator('[name="content"]').fill(`巡查第${i}次:各楼栋门禁、消防通道正常`)
  await source(page, '巡查')
  await page.getByRole('button', { name: '保存' }).click()
  await page.getByTestId('duty-log').getByText(`巡查第${i}次`).first().waitFor()
}

async function look(page: Page, to: string, ready: string): Promise<void> {
  await navigate(page, to)
  await page.locator(ready).first().waitFor()
}

async function main(): Promise<void> {
  console.log(`Deskbook day benchmark (issue 17) — ${new Date().toISOString()}`)
  console.log(`machine: ${os.type()} ${os.arch()}, ${os.cpus().length} CPUs, node ${process.version}; load average at start ${os.loadavg()[0]!.toFixed(2)}`)
  await withBuiltApp(async (page, url) => {
    await firstRunSetup(page, url)
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)
    const cdp = await page.context().newCDPSession(page)
    const start = await heapUsage(cdp)
    const t0 = performance.now()
    for (let i = 0; i < REQUESTS; i++) {
      await register(page, i)
      if (i % 5 === 4) await dutyEntry(page, i + 1)
      if (i % 10 === 9) {
        await look(page, '/register', '.register-row')
        await look(page, '/today', 'main')
        await look(page, '/archive', 'main')
        await look(page, '/duty-log/services', 'main')
      }
    }
    await look(page, `/print/duty-log?date=${localDate(Date.now(), 'Asia/Shanghai')}`, '[data-print-ready="true"]')
    await look(page, '/today', 'main')
    const dayMs = performance.now() - t0
    const end = await heapUsage(cdp)
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length)
    console.log(row(`JS heap after a day's use (${REQUESTS} requests)`, mb(end.used), mb(start.used), '≤ 60 MB', end.used <= 60 * MB))
    console.log(
      `    baseline: the heap just after logging in (${mb(start.afterGc)} after a GC); after the day ${mb(end.afterGc)} after a GC; ` +
        `${REQUESTS} requests, ${Math.floor(REQUESTS / 5)} duty-log entries, ${Math.floor(REQUESTS / 10)} rounds of the other screens and the day's print in ${ms(dayMs)}, no reload; ${nodes.toLocaleString('en')} DOM nodes at the end`,
    )
  })
  console.log(`load average at end ${os.loadavg()[0]!.toFixed(2)}`)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
