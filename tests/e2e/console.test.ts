import { describe, expect, it } from 'vitest'
import { useE2eHarness } from '../support/e2e-harness'

describe('the server console', () => {
  const h = useE2eHarness()

  it('sets a fresh server up with a site, issues an enrolment code a tablet joins with, and revokes that tablet', async () => {
    const admin = await (await h.tablet()).newPage()
    await admin.goto(`${h.server.url}/admin`)
    const setup = admin.getByTestId('console-setup')
    await setup.waitFor()
    await setup.getByLabel('项目名称').fill('翠苑小区')
    await setup.getByLabel('项目客服管理员姓名').fill('王管理')
    await setup.getByLabel('客服管理员 PIN(4–8 位数字)').fill('2580')
    await setup.getByLabel('密码(至少 10 位)').fill('short')
    await setup.getByRole('button', { name: '完成设置' }).click()
    await expect.poll(() => setup.getByRole('alert').textContent()).toContain('密码至少 10 位')
    await setup.getByLabel('密码(至少 10 位)').fill('correct-horse-1')
    await setup.getByRole('button', { name: '完成设置' }).click()
    const sites = admin.getByTestId('console-sites')
    await expect.poll(() => sites.textContent()).toContain('翠苑小区')

    await sites.locator('[data-site="翠苑小区"]').getByRole('button', { name: '发放注册码' }).click()
    const code = (await admin.getByTestId('console-code').locator('strong').textContent())!
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)

    const tablet = await (await h.tablet()).newPage()
    await tablet.goto(`${h.server.url}/enrol`)
    await tablet.getByLabel('注册码').fill(code)
    await tablet.getByRole('button', { name: '加入' }).click()
    await tablet.waitForURL(/\/login/)
    await tablet.getByRole('button', { name: /^王管理/ }).waitFor()

    await sites.locator('[data-site="翠苑小区"]').getByRole('button', { name: '查看设备' }).click()
    const devices = admin.getByTestId('console-devices')
    await expect.poll(() => devices.textContent()).toContain('前台平板')
    await devices.locator('[data-device="前台平板"]').getByRole('button', { name: '停用' }).click()
    await admin.getByRole('button', { name: '确认' }).click()
    await expect.poll(() => devices.locator('[data-device="前台平板"]').textContent()).toContain('已停用')

    // A second browser is logged out; the password is asked for.
    const other = await (await h.tablet()).newPage()
    await other.goto(`${h.server.url}/admin`)
    await other.getByTestId('console-login').waitFor()
    await other.getByLabel('用户名').fill('admin')
    await other.getByLabel('密码').fill('wrong-password-x')
    await other.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => other.getByRole('alert').textContent()).toContain('用户名或密码不正确')
  })
})
