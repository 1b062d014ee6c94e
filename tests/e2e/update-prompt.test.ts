import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BUILT_CLIENT } from '../support/app-server'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs, waitForServiceWorker } from '../support/journeys'

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

  it('shows the prompt when a new build is served, holds it while a form is unsaved, then reloads into it', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await firstRunSetup(page, h.server.url)
    await loginAs(page, '王管理', '2580')
    await page.waitForURL(/\/today$/)
    await waitForServiceWorker(page)
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)

    // An unsaved change in a form.
    await page.goto(`${h.server.url}/settings`)
    await page.locator('input[name="idleLockMinutes"]').fill('10')
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1))

    // The server now has a new build: a different service worker script.
    fs.appendFileSync(path.join(dist, 'sw.js'), `\n// build ${Date.now()}\n`)
    await page.getByRole('button', { name: '检查更新' }).click()
    const prompt = page.getByTestId('update-prompt')
    await prompt.waitFor({ timeout: 20_000 })
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
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration()
      return !!reg && !reg.installing && !reg.waiting
    })
    fs.appendFileSync(path.join(dist, 'sw.js'), `\n// build ${Date.now()}\n`)
    await page.clock.fastForward('30:00')
    expect(await page.getByTestId('update-prompt').count()).toBe(0)
    await page.clock.fastForward('31:00') // past the hourly check
    await page.getByTestId('update-prompt').waitFor({ timeout: 20_000 })
    await context.close()
  })
})
