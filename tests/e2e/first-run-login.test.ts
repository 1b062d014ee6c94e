import { describe, expect, it } from 'vitest'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs } from '../support/journeys'

describe('first run and PIN login on a shared tablet', () => {
  const h = useE2eHarness()

  it('sets the tablet up, refuses a wrong PIN, logs in with the right one and shows the site, staff and shift', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await firstRunSetup(page, h.server.url)

    await loginAs(page, '李娜', '9999')
    await expect.poll(() => page.getByTestId('login-message').textContent()).toContain('PIN 不正确')
    expect(page.url()).toContain('/login')

    await page.getByLabel('PIN 码').fill('1357')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/today$/)
    await expect.poll(() => page.getByTestId('status-site').textContent()).toContain('翠苑小区')
    expect(await page.getByTestId('status-staff').textContent()).toMatch(/当班人员\s*李娜$/)
    await expect.poll(() => page.getByTestId('status-shift').textContent()).toMatch(/白班|夜班/)
    expect(await page.getByTestId('status-network').textContent()).toBe('在线')
    // An assistant sees her inspections but may not record one, and is turned away from that address.
    expect(await page.locator('nav [data-section="inspection"]').count()).toBe(1)
    await page.goto(`${h.server.url}/inspection/new`)
    await page.waitForURL(/\/today\?denied=inspection/)
    expect(await page.getByRole('alert').first().textContent()).toContain('不能使用')
    await context.close()
  })
})
