import { describe, expect, it } from 'vitest'
import { useE2eHarness } from '../support/e2e-harness'
import { loginAs, waitForServiceWorker } from '../support/journeys'
import { addStaff, code, enrolTablet, setUpServer } from '../support/enrolment'

describe('two tablets on one site', () => {
  const h = useE2eHarness()

  it('one goes offline, writes, comes back; the other sees the change', async () => {
    const c = await setUpServer(h.server)
    const contextA = await h.tablet()
    const contextB = await h.tablet()
    const a = await enrolTablet(contextA, h.server.url, await code(h.server.url, c), '前台平板')
    const b = await enrolTablet(contextB, h.server.url, await code(h.server.url, c), '后台电脑')
    await waitForServiceWorker(a)

    await a.goto(`${h.server.url}/settings`)
    // A full load of the settings page on a busy machine takes longer than the poll's default second.
    await expect.poll(() => a.getByTestId('settings-sync').textContent(), { timeout: 20_000 }).toContain('本机为 A 号设备')
    await b.goto(`${h.server.url}/settings`)
    await expect.poll(() => b.getByTestId('settings-sync').textContent(), { timeout: 20_000 }).toContain('本机为 B 号设备')

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
    await a.getByTestId('settings-limits').getByRole('button', { name: '保存' }).click()
    await expect.poll(() => a.getByTestId('status-sync').textContent()).toContain('待同步 1 条')
    await expect.poll(() => a.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')
    await b.getByRole('button', { name: '立即同步' }).click()
    await expect.poll(() => b.locator('input[name="idleLockMinutes"]').inputValue(), { timeout: 20_000 }).toBe('7')
    // Another tab of B holds the sync lock when B is asked to sync: B tries again by itself once it is free,
    // not only at its next minute's run.
    await b.evaluate(() => new Promise<void>((held) => void navigator.locks.request('deskbook-sync', () => {
      held()
      return new Promise<void>((release) => { (window as unknown as { releaseSync: () => void }).releaseSync = release })
    })))
    await a.locator('input[name="idleLockMinutes"]').fill('8')
    await a.getByTestId('settings-limits').getByRole('button', { name: '保存' }).click()
    await expect.poll(() => a.getByTestId('status-sync').textContent()).toContain('待同步 1 条')
    await expect.poll(() => a.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')
    await b.getByRole('button', { name: '立即同步' }).click()
    expect(await b.locator('input[name="idleLockMinutes"]').inputValue()).toBe('7')
    await b.evaluate(() => (window as unknown as { releaseSync: () => void }).releaseSync())
    await expect.poll(() => b.locator('input[name="idleLockMinutes"]').inputValue(), { timeout: 10_000 }).toBe('8')
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
    // The settings screen is loaded before the network goes (this tablet has no service worker yet).
    await page.getByRole('button', { name: '添加员工' }).waitFor()
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
    const quarantine = (await (await fetch(`${h.server.url}/api/admin/quarantine?siteId=${c.siteId}`, { headers: { authorization: `Bearer ${c.token}` } })).json()) as { name: string; summary: { text: string } }[]
    expect(quarantine.filter((q) => q.name === 'staff.put').map((q) => q.summary.text)).toContain('钱七')
    await context.close()
  })
})
