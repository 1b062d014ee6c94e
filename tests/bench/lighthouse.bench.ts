/**
 * Lighthouse on the first screen (issue 17): npm `lighthouse` 12.2.3 run programmatically in Debian's
 * Chromium (chrome-launcher, CHROME_PATH) against the built app served by the real server — a fresh
 * profile, so the screen is first-run setup, as a new tablet opens it. Mobile form factor (Lighthouse's
 * default: simulated slow 4G and 4× CPU) and desktop. Prints the performance / accessibility /
 * best-practices scores beside their targets, the main metrics, and the audits that fail; never asserted.
 * Nothing is fetched beyond 127.0.0.1 (the networking flags keep Chromium off the closed network).
 * Usage: npm run bench:lighthouse  (BENCH_SKIP_BUILD=1 reuses dist/; BENCH_CLIENT_DIR=dir serves another built
 * client, e.g. an older commit's, to compare in the same run; LIGHTHOUSE_JSON=dir keeps the reports)
 */
import fs from 'node:fs'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import type { Config, Result } from 'lighthouse'
import { startServer } from '../support/app-server'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/browser'
import { buildApp } from './app-bench'

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
type Category = (typeof CATEGORIES)[number]
const TARGETS: Record<'mobile' | 'desktop', Record<Category, number>> = {
  mobile: { performance: 90, accessibility: 95, 'best-practices': 95 },
  desktop: { performance: 95, accessibility: 95, 'best-practices': 95 },
}
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive']

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS]

async function run(url: string, formFactor: 'mobile' | 'desktop'): Promise<Result> {
  // A fresh profile each run (chrome-launcher's temporary user-data-dir): nothing cached, no service worker yet.
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'error' })
  try {
    const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined
    const runner = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] }, config)
    if (!runner) throw new Error('lighthouse returned nothing')
    return runner.lhr
  } finally {
    await chrome.kill()
  }
}

function report(lhr: Result, formFactor: 'mobile' | 'desktop'): void {
  console.log(`\n${formFactor} (${lhr.configSettings.formFactor}, throttling ${lhr.configSettings.throttlingMethod}) — ${lhr.finalDisplayedUrl}`)
  if (lhr.runtimeError) console.log(`  runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  for (const c of CATEGORIES) {
    const score = Math.round((lhr.categories[c]?.score ?? 0) * 100)
    const target = TARGETS[formFactor][c]
    console.log(`  ${c.padEnd(16)} ${String(score).padStart(3)}   target ≥ ${target}   ${score >= target ? 'within' : 'UNDER TARGET'}`)
  }
  console.log(`  ${METRICS.map((m) => `${m.replace(/-/g, ' ')} ${lhr.audits[m]?.displayValue ?? '—'}`).join(' · ')}`)
  // The audits that count against a category and did not pass, heaviest first.
  const failing = new Map<string, { title: string; display: string; weight: number; categories: string[] }>()
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id]
      if (!a || a.score === null || a.score >= 0.9 || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'manual') continue
      const seen = failing.get(ref.id)
      if (seen) seen.categories.push(c)
      else failing.set(ref.id, { title: a.title, display: a.displayValue ?? '', weight: ref.weight, categories: [c] })
    }
  }
  // Opportunities and diagnostics that weigh nothing but say where the time goes.
  for (const id of ['unused-javascript', 'uses-text-compression', 'render-blocking-resources', 'bootup-time', 'mainthread-work-breakdown', 'errors-in-console', 'total-byte-weight']) {
    const a = lhr.audits[id]
    if (a && a.score !== null && a.score < 0.9 && !failing.has(id)) failing.set(id, { title: a.title, display: a.displayValue ?? '', weight: 0, categories: ['(diagnostic)'] })
  }
  if (!failing.size) console.log('  failing audits: none')
  for (const [id, f] of [...failing].sort((a, b) => b[1].weight - a[1].weight)) {
    console.log(`  ✗ ${id} — ${f.title}${f.display ? ` (${f.display})` : ''} [${f.categories.join(', ')}]`)
    if (id === 'errors-in-console') {
      const items = (lhr.audits[id]!.details as { items?: { description?: string; source?: string }[] } | undefined)?.items ?? []
      for (const item of items.slice(0, 5)) console.log(`      ${item.source ?? ''}: ${item.description ?? ''}`)
    }
  }
  // The encodings Lighthouse saw: the server sends the precompressed files (build/precompress.ts).
  const requests = ((lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string; transferSize?: number; resourceSize?: number }[] } | undefined)?.items ?? []).filter((r) => r.resourceType === 'Script' || r.resourceType === 'Stylesheet' || r.resourceType === 'Document')
  const transfer = requests.reduce((s, r) => s + (r.transferSize ?? 0), 0)
  const resource = requests.reduce((s, r) => s + (r.resourceSize ?? 0), 0)
  console.log(`  documents, scripts and styles: ${requests.length} files, ${(transfer / 1024).toFixed(1)} KB on the wire for ${(resource / 1024).toFixed(1)} KB (${((1 - transfer / Math.max(resource, 1)) * 100).toFixed(0)}% saved by compression)`)
}

async function main(): Promise<void> {
  const staticDir = process.env.BENCH_CLIENT_DIR
  if (!staticDir) buildApp()
  const server = await startServer(staticDir ? { staticDir } : {})
  try {
    console.log(`Deskbook Lighthouse benchmark — ${new Date().toISOString()}; Chromium ${process.env.CHROME_PATH || CHROMIUM_PATH}; ${staticDir ?? 'dist/client'} served by the real server`)
    for (const formFactor of ['mobile', 'desktop'] as const) {
      const lhr = await run(server.url, formFactor)
      report(lhr, formFactor)
      if (process.env.LIGHTHOUSE_JSON) {
        fs.mkdirSync(process.env.LIGHTHOUSE_JSON, { recursive: true })
        fs.writeFileSync(path.join(process.env.LIGHTHOUSE_JSON, `lighthouse-${formFactor}.json`), JSON.stringify(lhr, null, 1))
      }
    }
  } finally {
    await server.stop()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
