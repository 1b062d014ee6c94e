import { describe, expect, it } from 'vitest'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs } from '../support/journeys'
import { setUpServer } from '../support/enrolment'

describe('a standalone tablet joins the company server', () => {
  const h = useE2eHarness()

  it('connects with a connect code: its site and everything recorded go up, and a second tablet enrols to that site', async () => {
    // The standalone tablet, set up with no server account, records a change.
    const standalone = await (await h.tablet()).newPage()
    await firstRunSetup(standalone, h.server.url, '海棠苑')
    await loginAs(standalone, '王管理', '2580')
    await standalone.waitForURL(/\/today$/)
    await standalone.goto(`${h.server.url}/settings`)
    await expect.poll(() => standalone.getByTestId('settings-sync').textContent()).toContain('连接公司服务器')
    await standalone.locator('input[name="idleLockMinutes"]').fill('9')
    await standalone.getByTestId('settings-limits').getByRole('button', { name: '保存' }).click()

    // The company administrator (server set up without a site) issues a connect code.
    const { token } = await setUpServer(h.server, false)
    const codeRes = await fetch(`${h.server.url}/api/admin/codes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ purpose: 'connect' }) })
    const { code } = (await codeRes.json()) as { code: string }

    await standalone.getByLabel('连接码').fill(code)
    await standalone.getByRole('button', { name: '连接' }).click()
    await expect.poll(() => standalone.getByTestId('settings-sync').textContent(), { timeout: 20_000 }).toContain('本机为 A 号设备')
    await expect.poll(() => standalone.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')
    await expect.poll(() => standalone.locator('[data-table="staff"]').textContent()).toContain('2 / 2')

    // A second tablet enrols to the site that came from the standalone tablet.
    const sites = (await (await fetch(`${h.server.url}/api/admin/sites`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; name: string }[]
    expect(sites.map((s) => s.name)).toEqual(['海棠苑'])
    const enrolRes = await fetch(`${h.server.url}/api/admin/codes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ purpose: 'enrol', siteId: sites[0]!.id }) })
    const enrolCode = ((await enrolRes.json()) as { code: string }).code
    const second = await (await h.tablet()).newPage()
    await second.goto(`${h.server.url}/enrol`)
    await second.getByLabel('注册码').fill(enrolCode)
    await second.getByRole('button', { name: '加入' }).click()
    await second.waitForURL(/\/login/)
    await loginAs(second, '李娜', '1357')
    await second.waitForURL(/\/today$/)
    await second.goto(`${h.server.url}/settings`)
    // The setting changed on the standalone tablet before it connected came along.
    await expect.poll(() => second.locator('input[name="idleLockMinutes"]').inputValue()).toBe('9')
    await expect.poll(() => second.getByTestId('settings-sync').textContent()).toContain('本机为 B 号设备')
  })
})
