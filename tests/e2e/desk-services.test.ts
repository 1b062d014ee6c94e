import { describe, expect, it } from 'vitest'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs } from '../support/journeys'

describe('desk services log', () => {
  const h = useE2eHarness()

  it('lends an umbrella and takes it back, then records a paid service and offers the next receipt number', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    await firstRunSetup(page, h.server.url, '翠苑小区')
    await loginAs(page, '李娜', '1357')
    await page.waitForURL(/\/today$/)

    // Lend an umbrella to room 3-2-1101: it is open, in the duty log section.
    await page.goto(`${h.server.url}/duty-log/services?tab=loans`)
    await page.getByRole('heading', { name: '报刊、借用与有偿服务' }).waitFor()
    expect(await page.locator('[data-section="dutyLog"]').getAttribute('aria-current')).toBe('page')
    const form = page.getByTestId('loan-form')
    await form.getByRole('button', { name: '雨伞' }).click()
    expect(await form.getByLabel('物品', { exact: true }).inputValue()).toBe('雨伞')
    await form.getByLabel('借用人').fill('王建国')
    await form.getByLabel('房号').fill('3-2-1101')
    await form.getByRole('button', { name: '借出' }).click()
    const open = page.getByTestId('open-loans')
    await expect.poll(() => open.textContent()).toContain('3-2-1101')
    expect(await open.textContent()).toContain('共 1 件未归还')

    // Return it.
    await open.getByRole('button', { name: '归还:雨伞(王建国)' }).click()
    await page.getByTestId('loan-return').getByLabel('归还备注').fill('完好')
    await page.getByRole('button', { name: '确认归还' }).click()
    await expect.poll(() => open.textContent()).toContain('没有未归还的物品')
    await expect.poll(() => page.getByTestId('loan-history').locator('tbody').textContent()).toContain('完好')

    // A paid service with receipt No. A000123, ¥12.50; the next receipt number is offered.
    await page.getByRole('tab', { name: '有偿服务' }).click()
    const paid = page.getByTestId('paid-form')
    await paid.getByLabel('服务项目').fill('钥匙复制')
    await paid.getByLabel('房号').fill('3-2-1101')
    await paid.getByLabel('金额').fill('12.50')
    await paid.getByLabel('收据号').fill('A000123')
    await paid.getByRole('button', { name: '登记', exact: true }).click()
    await expect.poll(() => page.getByTestId('paid-total').textContent()).toContain('合计 ¥12.50')
    expect(await page.getByTestId('paid-list').locator('tbody').textContent()).toContain('A000123')
    await expect.poll(() => paid.getByLabel('收据号').inputValue()).toBe('A000124')

    // All of it is on the tablet: after a reload the day's list and the suggestion are still there.
    await page.reload()
    await expect.poll(() => page.getByTestId('paid-total').textContent()).toContain('合计 ¥12.50')
    await expect.poll(() => page.getByTestId('paid-form').getByLabel('收据号').inputValue()).toBe('A000124')
    await context.close()
  })
})
