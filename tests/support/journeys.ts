/**
 * Steps a clerk takes, shared by the end-to-end tests: set a tablet up, log in.
 */
import type { Page } from 'playwright-core'

export interface SetupStaff {
  name: string
  role: string
  pin: string
  /** For the department role: which of the suggested departments. */
  department?: string
}

export const DEFAULT_STAFF: SetupStaff[] = [
  { name: '王管理', role: 'administrator', pin: '2580' },
  { name: '李娜', role: 'assistant', pin: '1357' },
]

/** Fill the first-run form (site, keep suggested departments and shifts, staff) and finish. */
export async function firstRunSetup(page: Page, baseUrl: string, siteName = '翠苑小区', staff = DEFAULT_STAFF): Promise<void> {
  await page.goto(baseUrl)
  await page.waitForURL(/\/setup$/)
  await page.getByLabel('项目名称').fill(siteName)
  await page.getByRole('button', { name: '下一步' }).click()
  await page.getByRole('heading', { name: '部门' }).waitFor()
  await page.getByRole('button', { name: '下一步' }).click()
  await page.getByRole('heading', { name: '班次' }).waitFor()
  await page.getByRole('button', { name: '下一步' }).click()
  await page.getByRole('heading', { name: '员工' }).waitFor()
  for (const [i, s] of staff.entries()) {
    if (i > 0) await page.getByRole('button', { name: '添加员工' }).click()
    await page.locator(`[name="staff-name-${i}"]`).fill(s.name)
    await page.locator(`[name="staff-role-${i}"]`).selectOption(s.role)
    if (s.department) await page.locator(`[name="staff-department-${i}"]`).selectOption({ label: s.department })
    await page.locator(`[name="staff-pin-${i}"]`).fill(s.pin)
    await page.locator(`[name="staff-pin-again-${i}"]`).fill(s.pin)
  }
  await page.getByRole('button', { name: '完成设置' }).click()
  await page.waitForURL(/\/login/)
}

/** Pick a name on the login screen and enter the PIN. */
export async function loginAs(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click()
  await page.getByLabel('PIN 码').fill(pin)
  await page.getByRole('button', { name: '登录' }).click()
}

/** Wait until the service worker controls the page (the app shell is then precached). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.ready
    return !!reg.active && !!navigator.serviceWorker.controller
  })
}

/** Register a visit on 登记新来访 and wait for the request's page. */
export async function registerVisit(page: Page, baseUrl: string, visit: { room: string; name: string; phone: string; matter: string }): Promise<void> {
  await page.goto(`${baseUrl}/register/new`)
  await page.getByLabel('房号').fill(visit.room)
  await page.getByLabel('业主姓名').fill(visit.name)
  await page.getByLabel('联系电话').fill(visit.phone)
  await page.getByLabel('事由').fill(visit.matter)
  await page.getByRole('button', { name: '登记', exact: true }).click()
  await page.waitForURL(/\/register\/[0-9a-f-]{36}$/)
}

