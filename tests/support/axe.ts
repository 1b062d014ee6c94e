/**
 * axe-core in the real browser (issue 10 point 24): run on the page as it stands and return the
 * serious and critical violations, each with the nodes it found. Injected through the DevTools
 * protocol (`page.evaluate`), which the app's CSP (`script-src 'self'`) does not govern, so the tablet
 * runs under its real CSP.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeFinding {
  id: string
  impact: string
  help: string
  nodes: string[]
}

export async function axeFindings(page: Page, impacts: readonly string[] = ['serious', 'critical']): Promise<AxeFinding[]> {
  // A dialog fading in is half transparent: its colours are judged once every animation has ended.
  // (A spinner turns for ever: it is not waited for.)
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity))
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}`) }))
  })
  return results.filter((v) => impacts.includes(v.impact))
}

/** One line per finding, for an assertion message a person can act on. */
export function describeFindings(where: string, findings: readonly AxeFinding[]): string[] {
  return findings.flatMap((f) => f.nodes.map((n) => `${where}: [${f.impact}] ${f.id} (${f.help}) ${n}`))
}

/** Fail with every serious or critical violation on the screen as it stands (issue 10 point 24). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { expect } = await import('vitest')
  const lines = describeFindings(screen, await axeFindings(page))
  expect(lines, lines.join('\n')).toEqual([])
}
