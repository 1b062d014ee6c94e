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

  it('keeps a half-filled form through the lock, a colleague’s login and a reload, for its author only', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await page.clock.install({ time: new Date('2026-11-27T02:00:00Z') })
    await firstRunSetup(page, h.server.url)
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)
    await page.goto(`${h.server.url}/register/new`)
    await page.locator('[name="room"]').fill('3-1-1101')
    await page.locator('textarea[name="matter"]').fill('厨房水龙头漏水,请工程部上门')
    // She steps away: the tablet locks mid-form.
    await page.clock.fastForward('05:10')
    await page.waitForURL(/\/login\?.*locked=1/)

    // A colleague logs in instead: her own today screen, and an empty form.
    await page.getByRole('button', { name: '选择其他人' }).click()
    await loginAs(page, '王管理', '2580')
    await page.waitForURL(/\/today$/)
    await page.goto(`${h.server.url}/register/new`)
    await page.locator('textarea[name="matter"]').waitFor()
    expect(await page.locator('textarea[name="matter"]').inputValue()).toBe('')
    expect(await page.getByTestId('draft-restored').count()).toBe(0)
    await page.getByRole('button', { name: '换人' }).click()

    // She comes back: straight to the form, filled in as she left it — and a reload keeps it.
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/register\/new$/)
    await expect.poll(() => page.locator('textarea[name="matter"]').inputValue()).toBe('厨房水龙头漏水,请工程部上门')
    expect(await page.locator('[name="room"]').inputValue()).toBe('3-1-1101')
    expect(await page.getByTestId('draft-restored').textContent()).toContain('已恢复您上次未保存的内容')
    await page.locator('textarea[name="matter"]').fill('厨房水龙头漏水,请工程部明早上门')
    await page.clock.runFor(1000)
    await page.reload()
    await expect.poll(() => page.locator('textarea[name="matter"]').inputValue()).toBe('厨房水龙头漏水,请工程部明早上门')
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
