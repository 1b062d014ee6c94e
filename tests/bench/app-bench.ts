/**
 * Driving the built app in Chromium for a benchmark: build it once, navigate inside it as a tap on
 * a link does (the router, no reload), and print a page to PDF as the print dialog would, timed.
 * (No named functions inside `evaluate`: tsx would wrap them in a helper the page does not have.)
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { CDPSession, Page } from 'playwright-core'
import { BUILT_CLIENT, ROOT, startServer } from '../support/app-server'
import { CHROMIUM_PATH, launchBrowser } from '../support/browser'

export const ms = (v: number): string => `${v.toFixed(v < 10 ? 1 : 0)} ms`

/** `vite build` into dist/, unless BENCH_SKIP_BUILD=1 and a build is there. */
export function buildApp(): void {
  if (process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(path.join(BUILT_CLIENT, 'index.html'))) return
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) throw new Error(`build failed\n${r.stderr}`)
}

/** The built app served by the real server to Chromium (1280×800, zh-CN): `run` drives one page of it; all is closed after. */
export async function withBuiltApp(run: (page: Page, url: string) => Promise<void>): Promise<void> {
  buildApp()
  const server = await startServer()
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    console.log(`browser: Chromium ${browser.version()} (${CHROMIUM_PATH}); built app served by the real server`)
    await run(await context.newPage(), server.url)
    await context.close()
  } finally {
    await browser.close()
    await server.stop()
  }
}

/** In-app navigation to `to`; resolves when the router has settled. */
export async function navigate(page: Page, to: string): Promise<void> {
  // Right after a reload the app may not be mounted yet.
  await page.waitForFunction(() => !!(document.querySelector('#app') as unknown as { __vue_app__?: unknown } | null)?.__vue_app__)
  await page.evaluate(async (target) => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $router: { push(p: string): Promise<unknown> } } } } }).__vue_app__
    await app.config.globalProperties.$router.push(target)
  }, to)
}

/** In-app navigation to a print page until every sheet is laid out (`data-print-ready`), then its PDF as Chromium prints it. */
export async function printPdf(page: Page, to: string): Promise<{ readyMs: number; pdfMs: number; bytes: number; pages: number }> {
  const readyMs = await page.evaluate(async (target) => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $router: { push(p: string): Promise<unknown> } } } } }).__vue_app__
    const t0 = performance.now()
    await app.config.globalProperties.$router.push(target)
    for (;;) {
      await new Promise((r) => requestAnimationFrame(() => r(null)))
      if (document.querySelector('[data-print-ready="true"]')) return performance.now() - t0
      if (performance.now() - t0 > 120_000) throw new Error('the print page never got ready')
    }
  }, to)
  const t0 = performance.now()
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  const pdfMs = performance.now() - t0
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
  return { readyMs, pdfMs, bytes: pdf.length, pages }
}

/** The page's JS heap as it stands, then after a forced GC (CDP `Runtime.getHeapUsage`). */
export async function heapUsage(cdp: CDPSession): Promise<{ used: number; afterGc: number }> {
  const used = (await cdp.send('Runtime.getHeapUsage')).usedSize
  await cdp.send('HeapProfiler.collectGarbage')
  return { used, afterGc: (await cdp.send('Runtime.getHeapUsage')).usedSize }
}
