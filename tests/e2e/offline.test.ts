import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../support/browser'
import { startServer, type RunningServer } from '../support/app-server'
import { firstRunSetup, loginAs, waitForServiceWorker } from '../support/journeys'

describe('offline', () => {
  let browser: Browser
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('keeps app and data through going offline and reloading, deep links included', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await firstRunSetup(page, server.url, '海棠苑')
    await loginAs(page, '王管理', '2580')
    await page.waitForURL(/\/today$/)
    await waitForServiceWorker(page)

    await context.setOffline(true)
    await page.reload()
    await expect.poll(() => page.getByTestId('status-site').textContent()).toContain('海棠苑')
    expect(await page.getByTestId('status-network').textContent()).toBe('离线')
    expect(await page.getByTestId('status-staff').textContent()).toContain('王管理')

    // A deep link typed while offline opens the app at that page.
    await page.goto(`${server.url}/settings`)
    await page.getByTestId('settings-staff').waitFor()
    expect(await page.getByTestId('settings-staff').textContent()).toContain('李娜')
    await context.setOffline(false)
    await expect.poll(() => page.getByTestId('status-network').textContent()).toBe('在线')
    await context.close()
  })

  it('says so when the database was wiped under a tablet that had been set up', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await firstRunSetup(page, server.url, '海棠苑')
    // What eviction does: IndexedDB gone, the rest of the origin kept.
    await page.evaluate(async () => {
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('deskbook')
        req.onsuccess = () => resolve()
        req.onerror = () => reject(req.error)
        req.onblocked = () => resolve()
      })
    })
    await page.goto(`${server.url}/today`)
    await page.getByTestId('wiped-notice').waitFor()
    expect(await page.getByTestId('wiped-notice').textContent()).toContain('本机数据库已被清除')
    await page.getByRole('button', { name: '我知道了,重新设置' }).click()
    await page.waitForURL(/\/setup$/)
    await context.close()
  })
})
