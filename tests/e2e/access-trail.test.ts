/**
 * Issue 14 point 2 end to end: on the front desk's tablet the manager, who sees owners' phones masked,
 * reveals one on a request; the entry syncs, and on the manager's own tablet 设置 → 个人信息查阅记录 lists
 * it — who, which tablet, which request, no phone; the company's console lists it too.
 */
import { describe, expect, it } from 'vitest'
import { useE2eHarness } from '../support/e2e-harness'
import { loginAs, registerVisit } from '../support/journeys'
import { addStaff, code, enrolTablet, setUpServer } from '../support/enrolment'

describe('the access trail of owners’ personal information', () => {
  const h = useE2eHarness()

  it('the manager reveals a phone on the desk tablet; her own tablet and the console list it', async () => {
    const c = await setUpServer(h.server)
    const desk = await enrolTablet(await h.tablet(), h.server.url, await code(h.server.url, c), '前台平板')
    await desk.goto(`${h.server.url}/settings`)
    await addStaff(desk, '刘经理', '3691', 'manager')
    await registerVisit(desk, h.server.url, { room: '5-1-302', name: '陈立', phone: '13900001111', matter: '楼道灯不亮' })
    const request = desk.url()
    const ref = (await desk.locator('h1').innerText()).trim()

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
    expect(await trail.textContent()).toContain('刘经理')
    expect(await trail.textContent()).toContain('A 号平板')
    expect(await trail.textContent()).not.toContain('1111')

    const listed = (await (await fetch(`${h.server.url}/api/admin/sites/${c.siteId}/access-trail`, { headers: { authorization: `Bearer ${c.token}` } })).json()) as { what: string; who: string; device: string }[]
    expect(listed).toEqual([expect.objectContaining({ what: `接待登记 ${ref}`, who: '刘经理', device: 'A' })])
  })
})
