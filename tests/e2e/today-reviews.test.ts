import { describe, expect, it } from 'vitest'
import { useE2eHarness } from '../support/e2e-harness'
import { DEFAULT_STAFF, firstRunSetup, loginAs, registerVisit } from '../support/journeys'

const STAFF = [...DEFAULT_STAFF, { name: '张主管', role: 'supervisor', pin: '4826' }]

describe('the supervisor’s reviews the morning after (issue 10 point 8)', () => {
  const h = useE2eHarness()

  it('shows yesterday’s register and duty log as due, each linking to its page, and today’s as 今日结束后审核', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await page.clock.install({ time: new Date('2026-11-26T02:00:00Z') }) // 10:00 in Shanghai
    await firstRunSetup(page, h.server.url, '翠苑小区', STAFF)
    // 李娜 starts duty by logging in (the duty log's first entry) and registers a visit.
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)
    await registerVisit(page, h.server.url, { room: '5-1-602', name: '赵磊', phone: '139 0013 9000', matter: '咨询停车位租用' })

    // 08:30 the next morning: the supervisor logs in.
    await page.clock.fastForward('22:30:00')
    await page.waitForURL(/\/login/)
    await page.getByRole('button', { name: '选择其他人' }).click()
    await loginAs(page, '张主管', '4826')
    await page.waitForURL(/\/today$/)
    const reviews = page.getByTestId('today-reviews')
    const row = (kind: string) => reviews.locator(`[data-review="${kind}"]`)
    await expect.poll(() => row('registerDaily').textContent()).toContain('1 天待审核:2026-11-26')
    expect(await row('registerDaily').textContent()).toContain('今日(2026-11-27)结束后审核')
    await expect.poll(() => row('dutyLogDaily').textContent()).toContain('1 天待审核:2026-11-26')
    expect(await row('dutyLogDaily').textContent()).toContain('今日(2026-11-27)结束后审核')

    await row('dutyLogDaily').getByRole('link').click()
    await page.waitForURL(/\/duty-log\/reviews$/)
    await page.getByRole('button', { name: '审核 2026-11-26 的值班记录' }).waitFor()
    expect(await page.getByRole('button', { name: '审核 2026-11-27 的值班记录' }).count()).toBe(0)
    expect(await page.getByTestId('review-running').textContent()).toBe('今日(2026-11-27)结束后审核')

    await page.getByRole('link', { name: '今日' }).click()
    await row('registerDaily').getByRole('link').click()
    await page.waitForURL(/\/register\/reviews$/)
    await page.getByRole('button', { name: '审核 2026-11-26 的接待记录' }).waitFor()
    expect(await page.getByRole('button', { name: '审核 2026-11-27 的接待记录' }).count()).toBe(0)
    await context.close()
  })
})
