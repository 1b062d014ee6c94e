import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { useE2eHarness } from '../support/e2e-harness'
import { loginAs, waitForServiceWorker } from '../support/journeys'

interface Console {
  token: string
  siteId: string
}

/** The company administrator sets the server up with a site and its first administrator (王管理, PIN 2580). */
async function setUpServer(url: string): Promise<Console> {
  const res = await fetch(`${url}/api/admin/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'correct-horse-1', site: { name: '翠苑小区', adminName: '王管理', adminPin: '2580' } }),
  })
  const { token } = (await res.json()) as { token: string }
  const sites = (await (await fetch(`${url}/api/admin/sites`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string }[]
  return { token, siteId: sites[0]!.id }
}

async function code(url: string, c: Console): Promise<string> {
  const res = await fetch(`${url}/api/admin/codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
    body: JSON.stringify({ purpose: 'enrol', siteId: c.siteId }),
  })
  return ((await res.json()) as { code: string }).code
}

/** A fresh tablet joins the site with a code and logs in as 王管理. */
async function enrolTablet(context: BrowserContext, url: string, enrolCode: string, name: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url)
  await page.waitForURL(/\/setup$/)
  await page.getByRole('button', { name: '已有项目?用注册码加入' }).click()
  await page.waitForURL(/\/enrol$/)
  await page.getByLabel('注册码').fill(enrolCode)
  await page.getByLabel('设备名称').fill(name)
  await page.getByRole('button', { name: '加入' }).click()
  await page.waitForURL(/\/login/)
  await loginAs(page, '王管理', '2580')
  await page.waitForURL(/\/today$/)
  return page
}

async function addStaff(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: '添加员工' }).click()
  const editor = page.getByTestId('staff-editor')
  await editor.locator('[name="staff-name"]').fill(name)
  await editor.locator('[name="staff-pin"]').fill(pin)
  await editor.locator('[name="staff-pin-again"]').fill(pin)
  await editor.getByRole('button', { name: '保存' }).click()
  await editor.waitFor({ state: 'detached' })
}

describe('two tablets on one site', () => {
  const h = useE2eHarness()

  it('one goes offline, writes, comes back; the other sees the change', async () => {
    const c = await setUpServer(h.server.url)
    const contextA = await h.tablet()
    const contextB = await h.tablet()
    const a = await enrolTablet(contextA, h.server.url, await code(h.server.url, c), '前台平板')
    const b = await enrolTablet(contextB, h.server.url, await code(h.server.url, c), '后台电脑')
    await waitForServiceWorker(a)

    await a.goto(`${h.server.url}/settings`)
    await expect.poll(() => a.getByTestId('settings-sync').textContent()).toContain('本机为 A 号设备')
    await b.goto(`${h.server.url}/settings`)
    await expect.poll(() => b.getByTestId('settings-sync').textContent()).toContain('本机为 B 号设备')

    await contextA.setOffline(true)
    await expect.poll(() => a.getByTestId('status-network').textContent()).toBe('离线')
    await addStaff(a, '赵敏', '3691')
    await expect.poll(() => a.getByTestId('settings-staff').textContent()).toContain('赵敏')
    await expect.poll(() => a.getByTestId('status-sync').textContent()).toContain('待同步 1 条')

    await contextA.setOffline(false) // `online` starts a sync by itself
    await expect.poll(() => a.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')

    await b.getByRole('button', { name: '立即同步' }).click()
    await expect.poll(() => b.getByTestId('settings-staff').textContent(), { timeout: 20_000 }).toContain('赵敏')
    await expect.poll(() => b.locator('[data-table="staff"]').textContent()).toContain('2 / 2')
    // A setting changed on A reaches B's open screen (and B's session: its idle lock) on B's next sync.
    await a.locator('input[name="idleLockMinutes"]').fill('7')
    await a.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => a.getByTestId('status-sync').textContent()).toContain('待同步 1 条')
    await expect.poll(() => a.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')
    await b.getByRole('button', { name: '立即同步' }).click()
    await expect.poll(() => b.locator('input[name="idleLockMinutes"]').inputValue(), { timeout: 20_000 }).toBe('7')
    // The new clerk can log in on the other tablet, offline too: her PIN verifier came with her record.
    await contextB.setOffline(true)
    await b.getByRole('button', { name: '换人' }).click()
    await loginAs(b, '赵敏', '3691')
    await b.waitForURL(/\/today$/)
    await contextA.close()
    await contextB.close()
  })

  it('a revoked tablet pushes what it holds, then wipes itself and says why', async () => {
    const c = await (async () => {
      // The server is already set up by the first test: log in instead.
      const login = await fetch(`${h.server.url}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'correct-horse-1' }) })
      const { token } = (await login.json()) as { token: string }
      const sites = (await (await fetch(`${h.server.url}/api/admin/sites`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string }[]
      return { token, siteId: sites[0]!.id }
    })()
    const context = await h.tablet()
    const page = await enrolTablet(context, h.server.url, await code(h.server.url, c), '遗失的平板')
    await page.goto(`${h.server.url}/settings`)
    await context.setOffline(true)
    await addStaff(page, '钱七', '4826')
    const devices = (await (await fetch(`${h.server.url}/api/admin/devices?siteId=${c.siteId}`, { headers: { authorization: `Bearer ${c.token}` } })).json()) as { id: string; name: string }[]
    const lost = devices.find((d) => d.name === '遗失的平板')!
    await fetch(`${h.server.url}/api/admin/devices/${lost.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${c.token}` } })

    await context.setOffline(false)
    await page.waitForURL(/\/setup$/, { timeout: 20_000 })
    await page.getByTestId('revoked-notice').waitFor()
    expect(await page.getByTestId('revoked-notice').textContent()).toContain('已被管理员停用')
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
    // Only the fresh, empty database of the restarted app may exist; nothing of the old site is left.
    const staffLeft = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name)
      if (!names.includes('deskbook')) return 0
      return new Promise<number>((resolve) => {
        const req = indexedDB.open('deskbook')
        req.onsuccess = () => {
          const db = req.result
          if (!db.objectStoreNames.contains('staff')) return resolve(0)
          const count = db.transaction('staff').objectStore('staff').count()
          count.onsuccess = () => resolve(count.result)
        }
      })
    })
    expect(staffLeft, JSON.stringify(databases)).toBe(0)
    const quarantine = (await (await fetch(`${h.server.url}/api/admin/quarantine?siteId=${c.siteId}`, { headers: { authorization: `Bearer ${c.token}` } })).json()) as { mutation: { fields: { name?: string } } }[]
    expect(quarantine.map((q) => q.mutation.fields.name)).toContain('钱七')
    await context.close()
  })
})
