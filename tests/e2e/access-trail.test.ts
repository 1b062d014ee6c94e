/**
 * Issue 14 point 2 end to end: on the front desk's tablet the clerk, who sees owners' phones in full,
 * prints a request's record and the register list through the preview's 打印 (`window.print()`, which fires
 * `beforeprint` in headless Chromium too), and the manager, who sees them masked, reveals one on the
 * request; the entries sync, and on the manager's own tablet 设置 → 个人信息查阅记录 lists them — who, which
 * tablet, which request or list, no phone; the company's console lists them too.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useE2eHarness } from '../support/e2e-harness'
import { loginAs, registerVisit } from '../support/journeys'
import { addStaff, code, enrolTablet, setUpServer } from '../support/enrolment'
import { countRows } from '../support/idb-page'

/** Open a print view and tap 打印 once the pages are laid out; wait until the tablet's trail holds `entries`. */
async function printFromPreview(page: Page, url: string, entries: number): Promise<void> {
  await page.goto(url)
  await page.waitForSelector('[data-print-ready="true"]')
  await page.getByTestId('print-button').click()
  await expect.poll(() => countRows(page, 'accessTrail')).toBe(entries)
}

describe('the access trail of owners’ personal information', () => {
  const h = useE2eHarness()

  it('the clerk prints, the manager reveals a phone on the desk tablet; her own tablet and the console list both', async () => {
    const c = await setUpServer(h.server)
    const desk = await enrolTablet(await h.tablet(), h.server.url, await code(h.server.url, c), '前台平板')
    await desk.goto(`${h.server.url}/settings`)
    await addStaff(desk, '刘经理', '3691', 'manager')
    await registerVisit(desk, h.server.url, { room: '5-1-302', name: '陈立', phone: '13900001111', matter: '楼道灯不亮' })
    const request = desk.url()
    const ref = (await desk.locator('h1').innerText()).trim()
    // 王管理 (客服管理员) sees the phone in full on the prints: each print is recorded.
    await printFromPreview(desk, request.replace('/register/', '/print/register/'), 1)
    await printFromPreview(desk, `${h.server.url}/print/register`, 2)
    await desk.goto(`${h.server.url}/today`)

    await desk.getByRole('button', { name: '换人' }).click()
    await loginAs(desk, '刘经理', '3691')
    await desk.waitForURL(/\/today$/)
    await desk.goto(request)
    const phone = desk.getByTestId('detail-phone')
    await expect.poll(() => phone.getByTestId('phone-text').innerText()).toBe('139****1111')
    await phone.getByRole('button', { name: '显示完整号码' }).click()
    await expect.poll(() => phone.getByTestId('phone-text').innerText()).toBe('139 0000 1111')
    await expect.poll(() => desk.getByTestId('status-sync').textContent(), { timeout: 20_000 }).toContain('已全部同步')

    const own = await enrolTablet(await h.tablet(), h.server.url, await code(h.server.url, c), '经理平板')
    await own.getByRole('button', { name: '换人' }).click()
    await loginAs(own, '刘经理', '3691')
    await own.waitForURL(/\/today$/)
    await own.goto(`${h.server.url}/settings`)
    const trail = own.getByTestId('settings-access-trail')
    await expect.poll(() => trail.textContent(), { timeout: 20_000 }).toContain(`查看完整电话 · 接待登记 ${ref}`)
    const cells = await trail.locator('.van-cell').allInnerTexts()
    expect(cells).toHaveLength(3)
    expect(cells[0]).toMatch(/查看完整电话 · 接待登记 .*刘经理 · .* · A 号平板/s)
    expect(cells[1]).toMatch(/打印含完整电话的清单 · 接待登记 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}.*王管理 · .* · A 号平板/s)
    expect(cells[2]).toMatch(new RegExp(`打印含完整电话的清单 · 接待登记 ${ref}.*王管理 · .* · A 号平板`, 's'))
    expect(await trail.textContent()).not.toContain('1111')

    const listed = (await (await fetch(`${h.server.url}/api/admin/sites/${c.siteId}/access-trail`, { headers: { authorization: `Bearer ${c.token}` } })).json()) as { kind: string; what: string; who: string; device: string }[]
    expect(listed).toHaveLength(3)
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'revealPhone', what: `接待登记 ${ref}`, who: '刘经理', device: 'A' }),
        expect.objectContaining({ kind: 'printPhones', what: `接待登记 ${ref}`, who: '王管理', device: 'A' }),
        expect.objectContaining({ kind: 'printPhones', what: expect.stringMatching(/^接待登记 \d{4}-\d{2}-\d{2} 至 /), who: '王管理', device: 'A' }),
      ]),
    )
  })
})
