/**
 * Foundation benchmarks (issue 2), printed beside baselines measured in the same run; never
 * asserted in tests.
 *   1. JS needed for the first screen, gzip (issue 17: target ≤ 120 KB; issue 2's was 200 KB) — baseline:
 *      Vue's own runtime.
 *   2. Cold start from the service-worker cache with no network, 4× CPU slowdown, median of 5
 *      (issue 17: target ≤ 0.7 s; issue 2's was 1.5 s) — baseline: the same navigation's HTML arriving
 *      from the service worker.
 *   3. Record + outbox write in Chromium's IndexedDB, p95 (target ≤ 10 ms) — baseline: a raw
 *      IndexedDB put of the same row, interleaved in the same page.
 * Usage: npm run bench  (BENCH_SKIP_BUILD=1 reuses dist/; BENCH_CLIENT_DIR=dir serves another built client,
 * e.g. an older commit's, to compare in the same run)
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { createServer } from 'vite'
import type { Browser, BrowserContext, Page, Response } from 'playwright-core'
import { BUILT_CLIENT, ROOT, startServer } from '../support/app-server'
import { launchBrowser } from '../support/browser'
import { firstRunSetup, waitForServiceWorker } from '../support/journeys'
import { median, percentile, row } from './stats'

const gzipKb = (buf: Buffer): number => zlib.gzipSync(buf, { level: 9 }).length / 1024

function build(): void {
  if (process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(path.join(BUILT_CLIENT, 'index.html'))) return
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (r.status !== 0) throw new Error(`build failed\n${r.stderr}`)
}

/** The JS (gzip) each script response of `page` carried, by path, until `ready` and the network is idle. */
async function scriptsFetched(page: Page, open: () => Promise<unknown>): Promise<Map<string, number>> {
  const scripts = new Map<string, Promise<number>>()
  const onResponse = (res: Response): void => {
    if (res.request().resourceType() === 'script') scripts.set(new URL(res.url()).pathname, res.body().then(gzipKb))
  }
  page.on('response', onResponse)
  await open()
  await page.waitForLoadState('networkidle')
  // What the page fetches later (the next screens) is not this screen's.
  page.off('response', onResponse)
  return new Map(await Promise.all([...scripts].map(async ([file, kb]) => [file, await kb] as const)))
}

const sum = (scripts: Map<string, number>): number => [...scripts.values()].reduce((a, b) => a + b, 0)

async function firstScreenJs(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' })
  const page = await context.newPage()
  const scripts = await scriptsFetched(page, async () => {
    await page.goto(url)
    await page.getByRole('heading', { name: '项目' }).waitFor()
  })
  // The first screen of a tablet already set up: login (its sync engine starts after the first paint and counts here too).
  await firstRunSetup(page, url)
  const loginPage = await context.newPage()
  const login = await scriptsFetched(loginPage, async () => {
    await loginPage.goto(`${url}/login`)
    await loginPage.locator('.login-picker__person').first().waitFor()
  })
  await context.close()
  const total = sum(scripts)
  const vue = gzipKb(fs.readFileSync(path.join(ROOT, 'node_modules/vue/dist/vue.runtime.esm-browser.prod.js')))
  console.log(row('first-screen JS (gzip), first-run setup', `${total.toFixed(1)} KB`, `${vue.toFixed(1)} KB`, '≤ 120 KB', total <= 120))
  for (const [file, kb] of [...scripts].sort((a, b) => b[1] - a[1])) console.log(`    ${file.padEnd(50)} ${kb.toFixed(1)} KB`)
  console.log(row('first-screen JS (gzip), login of a set-up tablet', `${sum(login).toFixed(1)} KB`, `${vue.toFixed(1)} KB`, '≤ 120 KB', sum(login) <= 120))
  for (const [file, kb] of [...login].filter(([f]) => !scripts.has(f)).sort((a, b) => b[1] - a[1])) console.log(`    ${file.padEnd(50)} ${kb.toFixed(1)} KB (not on the setup screen)`)
}

async function coldStart(browser: Browser, url: string): Promise<void> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  const setupPage = await context.newPage()
  await firstRunSetup(setupPage, url)
  await waitForServiceWorker(setupPage)
  await setupPage.close()
  await context.setOffline(true)
  const usable: number[] = []
  const html: number[] = []
  for (let i = 0; i < 5; i++) {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('.login-picker__person')) {
          ;(window as unknown as { __usable: number }).__usable = performance.now()
          obs.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto(`${url}/login`)
    await page.waitForFunction(() => (window as unknown as { __usable?: number }).__usable !== undefined)
    const [u, h] = await page.evaluate(() => [
      (window as unknown as { __usable: number }).__usable,
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
    ])
    usable.push(u!)
    html.push(h!)
    await page.close()
  }
  await context.close()
  const m = median(usable)
  console.log(row('offline cold start to usable login, 4× CPU', `${m.toFixed(0)} ms`, `${median(html).toFixed(0)} ms`, '≤ 700 ms', m <= 700))
  console.log(`    runs: ${usable.map((v) => v.toFixed(0)).join(', ')} ms (baseline: HTML from the service worker)`)
}

async function writes(browser: Browser): Promise<void> {
  const vite = await createServer({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' })
  await vite.listen()
  const address = vite.httpServer!.address() as { port: number }
  const page = await browser.newPage()
  await page.goto(`http://127.0.0.1:${address.port}/tests/bench/write-bench.html`)
  await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 })
  await page.evaluate(() => (window as unknown as { runWriteBench: (n: number) => Promise<unknown> }).runWriteBench(30)) // warm-up
  const { app, raw } = await page.evaluate(() => (window as unknown as { runWriteBench: (n: number) => Promise<{ app: number[]; raw: number[] }> }).runWriteBench(500))
  await page.close()
  await vite.close()
  const p95 = percentile(app, 95)
  const rawP95 = percentile(raw, 95)
  // Issue 2 asked ≤ 10 ms; issue 17 asks ≤ 2 ms.
  console.log(row('record + outbox write p95 (500 writes)', `${p95.toFixed(2)} ms`, `${rawP95.toFixed(2)} ms`, '≤ 2 ms', p95 <= 2))
  console.log(`    median ${median(app).toFixed(2)} ms vs raw ${median(raw).toFixed(2)} ms; p95 ratio ${(p95 / rawP95).toFixed(2)}×`)
}

/** Files under `dir` (not the .br / .gz beside them) and their sizes, by path relative to it. */
function builtFiles(dir: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile() || /\.(br|gz)$/.test(f.name)) continue
    const full = path.join(f.parentPath, f.name)
    out.set(path.relative(dir, full).split(path.sep).join('/'), fs.statSync(full).size)
  }
  return out
}

/** The service worker's precache (issue 17: ≤ 3 MB): the files its manifest lists, beside everything the build holds. */
function precache(dir: string): void {
  const files = builtFiles(dir)
  // The manifest names the web manifest and its icons twice (the plugin's own entries and the glob's): once each here.
  const urls = [...new Set([...fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!))]
  const listed = urls.reduce((a, u) => a + (files.get(u) ?? 0), 0)
  const all = [...files.values()].reduce((a, b) => a + b, 0)
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`
  console.log(row('service worker precache', mb(listed), `${mb(all)} built`, '≤ 3 MB', listed <= 3 * 1024 * 1024))
  console.log(`    ${urls.length} entries of the ${files.size} files the build holds (uncompressed; .br and .gz beside them left out)`)
}

async function main(): Promise<void> {
  const staticDir = process.env.BENCH_CLIENT_DIR
  if (!staticDir) build()
  const server = await startServer(staticDir ? { staticDir } : {})
  const browser = await launchBrowser()
  try {
    console.log(`Deskbook foundation benchmark — ${new Date().toISOString()}; ${staticDir ?? 'dist/client'}`)
    // BENCH_ONLY=writes (or precache,firstScreen,coldStart) runs only those parts.
    const only = new Set((process.env.BENCH_ONLY ?? 'precache,firstScreen,coldStart,writes').split(','))
    if (only.has('precache')) precache(staticDir ?? BUILT_CLIENT)
    if (only.has('firstScreen')) await firstScreenJs(browser, server.url)
    if (only.has('coldStart')) await coldStart(browser, server.url)
    if (only.has('writes')) await writes(browser)
  } finally {
    await browser.close()
    await server.stop()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
