import { describe, expect, it } from 'vitest'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs } from '../support/journeys'

describe('idle lock and wrong-PIN throttling', () => {
  const h = useE2eHarness()

  it('locks after the idle minutes (clock injected) and the same clerk unlocks with the PIN', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await page.clock.install({ time: new Date('2026-11-27T02:00:00Z') }) // 10:00 in Shanghai
    await firstRunSetup(page, h.server.url)
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)

    await page.clock.fastForward('04:00') // 4 min: not yet
    expect(page.url()).toMatch(/\/today$/)
    await page.clock.fastForward('01:10') // past the default 5 min
    await page.waitForURL(/\/login\?.*locked=1/)
    expect(await page.getByTestId('locked-notice').textContent()).toContain('5 分钟')
    // The lock screen asks the clerk who was logged in for the PIN straight away.
    await page.getByLabel('PIN 码').fill('1357')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/today$/)
    await context.close()
  })

  it('makes the tablet wait after five wrong PINs, as the pad counts down, even for the right one', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await page.clock.install({ time: new Date('2026-11-27T02:00:00Z') })
    await firstRunSetup(page, h.server.url)
    await page.getByRole('button', { name: /^李娜/ }).click()
    // What the pad says is what happens: "还可以再试 1 次" after the 4th, and the 5th makes it wait.
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel('PIN 码').fill('9999')
      await page.getByRole('button', { name: '登录' }).click()
      await expect.poll(() => page.getByTestId('login-message').textContent()).toMatch(i < 5 ? `PIN 不正确,还可以再试 ${5 - i} 次` : /请 30 秒后再试/)
    }
    expect(await page.getByLabel('PIN 码').isDisabled()).toBe(true)
    await page.clock.fastForward('00:31')
    await expect.poll(() => page.getByLabel('PIN 码').isDisabled()).toBe(false)
    await page.getByLabel('PIN 码').fill('1357')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/today$/)
    await context.close()
  })
})
