import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILT_CLIENT } from '../support/app-server'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs, waitForServiceWorker } from '../support/journeys'

describe('offline', () => {
  const h = useE2eHarness()

  it('keeps app and data through going offline and reloading, deep links included', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await firstRunSetup(page, h.server.url, '海棠苑')
    await loginAs(page, '王管理', '2580')
    await page.waitForURL(/\/today$/)
    await waitForServiceWorker(page)

    await context.setOffline(true)
    await page.reload()
    await expect.poll(() => page.getByTestId('status-site').textContent()).toContain('海棠苑')
    expect(await page.getByTestId('status-network').textContent()).toBe('离线')
    expect(await page.getByTestId('status-staff').textContent()).toContain('王管理')

    // A deep link typed while offline opens the app at that page.
    await page.goto(`${h.server.url}/settings`)
    await expect.poll(() => page.getByTestId('settings-staff').textContent()).toContain('李娜')
    // Staff switch offline: the PIN is checked on the tablet.
    await page.getByRole('button', { name: '换人' }).click()
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)
    expect(await page.getByTestId('status-staff').textContent()).toContain('李娜')

    await context.setOffline(false)
    await expect.poll(() => page.getByTestId('status-network').textContent()).toBe('在线')
    await context.close()
  })

  it('opens pages, texts and a language it has not loaded yet with no network: every chunk is precached', async () => {
    // The first screen loads only itself (issue 17); the rest must come from the service worker's cache.
    const built = fs.readdirSync(path.join(BUILT_CLIENT, 'assets')).filter((f) => /\.(js|css)$/.test(f))
    const sw = fs.readFileSync(path.join(BUILT_CLIENT, 'sw.js'), 'utf8')
    expect(built.filter((f) => !sw.includes(`assets/${f}`))).toEqual([])

    const context = await h.tablet()
    const page = await context.newPage()
    await firstRunSetup(page, h.server.url, '海棠苑')
    await waitForServiceWorker(page)
    await context.setOffline(true)
    // A cold start offline at the login screen, then pages whose code and texts this page never loaded.
    await page.goto(`${h.server.url}/login`)
    await loginAs(page, '王管理', '2580')
    await page.waitForURL(/\/today$/)
    await page.getByRole('link', { name: '接待登记' }).click()
    await page.waitForURL(/\/register$/)
    await page.getByRole('heading', { name: '接待登记' }).first().waitFor()
    await page.getByRole('link', { name: '设置' }).click()
    await page.getByText('English', { exact: true }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.getByRole('link', { name: 'Handover' }).click()
    await page.waitForURL(/\/handover$/)
    await context.close()
  })

  it('says so when the database was wiped under a tablet that had been set up', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await firstRunSetup(page, h.server.url, '海棠苑')
    // What eviction does: IndexedDB gone, the rest of the origin kept.
    await page.evaluate(async () => {
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('deskbook')
        req.onsuccess = () => resolve()
        req.onerror = () => reject(req.error)
        req.onblocked = () => resolve()
      })
    })
    await page.goto(`${h.server.url}/today`)
    await page.getByTestId('wiped-notice').waitFor()
    expect(await page.getByTestId('wiped-notice').textContent()).toContain('本机数据库已被清除')
    await page.getByRole('button', { name: '我知道了,重新设置' }).click()
    await page.waitForURL(/\/setup$/)
    await context.close()
  })
})
