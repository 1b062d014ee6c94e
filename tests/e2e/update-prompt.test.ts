import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { BUILT_CLIENT } from '../support/app-server'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs, waitForServiceWorker } from '../support/journeys'

/** Every page of the shell a clerk, the administrator or the supervisor works on, with its actions at the bottom. */
const PAGES = ['/today', '/register', '/register/new', '/register/reviews', '/duty-log', '/duty-log/reviews', '/duty-log/services', '/handover', '/roster', '/roster/requests', '/inspection', '/inspection/new', '/inspection/checklist', '/inspection/appraisal', '/archive', '/archive/import', '/settings']

/**
 * The buttons and links of the page that something else covers: each is scrolled to the bottom of the
 * view — where a floating prompt sat — and must be what a tap at its centre hits.
 */
async function coveredActions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const covered: string[] = []
    const actions = [...document.querySelectorAll<HTMLElement>('main button, main a[href], main [role="button"]')].filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
    for (const el of actions) {
      el.scrollIntoView({ block: 'end', inline: 'nearest' })
      const r = el.getBoundingClientRect()
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      if (hit && hit !== el && !el.contains(hit)) covered.push(`${el.textContent?.trim() || el.getAttribute('aria-label')} ← ${hit.closest('[data-testid]')?.getAttribute('data-testid') ?? hit.tagName}`)
    }
    return covered
  })
}

/** The service worker registered and nothing installing or waiting: a new build served now is the next version. */
async function workerSettled(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration()
    return !!reg && !reg.installing && !reg.waiting
  })
}

describe('a new version is offered, never forced', () => {
  // A copy of the build that the test can replace with a "new build" while the app is open.
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-dist-'))
  const h = useE2eHarness({
    staticDir: () => {
      fs.cpSync(BUILT_CLIENT, dist, { recursive: true })
      return dist
    },
  })
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }))

  /**
   * The server now has a new build: a different service worker script. Its precompressed siblings
   * (build/precompress.ts) are what the browser is sent, so they are written anew too, as a build does.
   */
  function newBuild(): void {
    const sw = path.join(dist, 'sw.js')
    fs.appendFileSync(sw, `\n// build ${Date.now()}\n`)
    const source = fs.readFileSync(sw)
    fs.writeFileSync(`${sw}.br`, zlib.brotliCompressSync(source))
    fs.writeFileSync(`${sw}.gz`, zlib.gzipSync(source))
  }

  /** A fresh tablet set up, 王管理 logged in, the app under its service worker. */
  async function administratorTablet(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await h.tablet()
    const page = await context.newPage()
    await firstRunSetup(page, h.server.url)
    await loginAs(page, '王管理', '2580')
    await page.waitForURL(/\/today$/)
    await waitForServiceWorker(page)
    return { context, page }
  }

  it('shows the prompt when a new build is served, holds it while a form is unsaved, then reloads into it', async () => {
    const { context, page } = await administratorTablet()
    // Read once the page is controlled again (a load under CI can leave a moment without a controller).
    const firstWorker = (await (await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL)).jsonValue()) as string

    // An unsaved change in a form.
    await page.goto(`${h.server.url}/settings`)
    await page.locator('input[name="idleLockMinutes"]').fill('10')
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1))

    // The server now has a new build: a different service worker script.
    await workerSettled(page)
    newBuild()
    // The browser's own check on navigating to /settings may still be under way with the old script, and a
    // check asked for meanwhile joins it; so the clerk taps again until the new build is found.
    const prompt = page.getByTestId('update-prompt')
    await expect.poll(async () => {
      await page.getByRole('button', { name: '检查更新' }).click()
      return prompt.waitFor({ timeout: 4_000 }).then(() => true, () => false)
    }, { timeout: 60_000, interval: 0 }).toBe(true)
    expect(await prompt.textContent()).toContain('新版本已下载')
    expect(await prompt.textContent()).toContain('有未保存的表单')
    expect(await page.getByRole('button', { name: '立即更新' }).isDisabled()).toBe(true)
    // Nothing reloaded under the form.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1)
    expect(await page.locator('input[name="idleLockMinutes"]').inputValue()).toBe('10')

    // Saved: now the update may go ahead, and the page comes back under the new worker.
    await page.getByTestId('settings-limits').getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByRole('button', { name: '立即更新' }).isDisabled()).toBe(false)
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '立即更新' }).click()])
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined()
    await waitForServiceWorker(page)
    const waiting = await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)
    expect(waiting).toBe(false)
    expect(firstWorker).toContain('/sw.js')
    // The saved setting survived the update.
    await page.getByTestId('settings-limits').waitFor()
    expect(await page.locator('input[name="idleLockMinutes"]').inputValue()).toBe('10')
    await context.close()
  })

  it('looks for a new version by itself every hour on a tablet left open', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await page.clock.install({ time: new Date('2026-11-27T02:00:00Z') })
    await firstRunSetup(page, h.server.url)
    await waitForServiceWorker(page)
    // The first registration has settled before the next build appears.
    await workerSettled(page)
    newBuild()
    await page.clock.fastForward('30:00')
    expect(await page.getByTestId('update-prompt').count()).toBe(0)
    await page.clock.fastForward('31:00') // past the hourly check
    await page.getByTestId('update-prompt').waitFor({ timeout: 20_000 })
    await context.close()
  })

  it('never covers a page\'s actions; after 稍后, 检查更新 brings it back, says 已是最新版本 when there is nothing new and 检查失败 offline', async () => {
    const { context, page } = await administratorTablet()
    await workerSettled(page)
    await page.goto(`${h.server.url}/settings`)
    const result = page.getByTestId('update-check-result')
    await page.getByRole('button', { name: '检查更新' }).click()
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toBe('已是最新版本')
    expect(await page.getByTestId('update-prompt').count()).toBe(0)

    await workerSettled(page)
    newBuild()
    // The browser's own check on navigating to /settings may still be under way with the old script, and a
    // check asked for meanwhile joins it; so the clerk taps again until the new build is found.
    const prompt = page.getByTestId('update-prompt')
    await expect.poll(async () => {
      await page.getByRole('button', { name: '检查更新' }).click()
      return prompt.waitFor({ timeout: 4_000 }).then(() => true, () => false)
    }, { timeout: 60_000, interval: 0 }).toBe(true)
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('发现新版本')

    // With the prompt up, every page's buttons stay where a tap reaches them: the register form's 登记 too.
    for (const url of PAGES) {
      await page.goto(`${h.server.url}${url}`)
      await page.locator('main h1').first().waitFor()
      await prompt.waitFor({ timeout: 20_000 })
      await page.waitForLoadState('networkidle')
      expect(await coveredActions(page), url).toEqual([])
    }
    await page.goto(`${h.server.url}/register/new`)
    const register = page.getByRole('button', { name: '登记', exact: true })
    await register.scrollIntoViewIfNeeded()
    const [button, banner] = [await register.boundingBox(), await prompt.boundingBox()]
    expect(button!.y).toBeGreaterThanOrEqual(banner!.y + banner!.height)

    // 稍后 puts it away; 检查更新 brings the same waiting version back.
    await page.getByRole('button', { name: '稍后' }).click()
    expect(await prompt.count()).toBe(0)
    await page.goto(`${h.server.url}/settings`)
    await page.getByRole('button', { name: '检查更新' }).click()
    await prompt.waitFor({ timeout: 20_000 })
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('发现新版本')

    await page.getByRole('button', { name: '稍后' }).click()
    await context.setOffline(true)
    await page.getByRole('button', { name: '检查更新' }).click()
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('检查失败')
    expect(await prompt.count()).toBe(0)
    await context.close()
  })
})
