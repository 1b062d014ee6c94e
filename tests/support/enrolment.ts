/**
 * The company's server set up from its console, and tablets joining it with one-time codes: shared by
 * the end-to-end tests of several tablets on one site.
 */
import type { BrowserContext, Page } from 'playwright-core'
import fs from 'node:fs'
import path from 'node:path'
import { loginAs } from './journeys'
import type { RunningServer } from './app-server'

export interface Console {
  token: string
  siteId: string
}

/** The token a fresh server printed at its start and wrote to its data folder (issue 14 point 1). */
export const setupToken = (server: Pick<RunningServer, 'dataDir'>): string => fs.readFileSync(path.join(server.dataDir, 'setup-token'), 'utf8').trim()

/**
 * The company administrator sets the server up with its setup token: with a site and its first
 * administrator (王管理, PIN 2580), or without a site (`siteId` then empty).
 */
export async function setUpServer(server: Pick<RunningServer, 'url' | 'dataDir'>, withSite = true): Promise<Console> {
  const url = server.url
  const res = await fetch(`${url}/api/admin/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'correct-horse-1', setupToken: setupToken(server), ...(withSite ? { site: { name: '翠苑小区', adminName: '王管理', adminPin: '2580' } } : {}) }),
  })
  if (!res.ok) throw new Error(`setup failed: ${res.status} ${await res.text()}`)
  const { token } = (await res.json()) as { token: string }
  const sites = (await (await fetch(`${url}/api/admin/sites`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string }[]
  return { token, siteId: sites[0]?.id ?? '' }
}

export async function code(url: string, c: Console): Promise<string> {
  const res = await fetch(`${url}/api/admin/codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
    body: JSON.stringify({ purpose: 'enrol', siteId: c.siteId }),
  })
  return ((await res.json()) as { code: string }).code
}

/** A fresh tablet joins the site with a code and logs in as 王管理 (with its clock set to `at` when given). */
export async function enrolTablet(context: BrowserContext, url: string, enrolCode: string, name: string, at?: Date): Promise<Page> {
  const page = await context.newPage()
  if (at) await page.clock.install({ time: at })
  await page.goto(url)
  await page.waitForURL(/\/setup$/)
  await page.getByRole('button', { name: '已有项目?用注册码加入' }).click()
  await page.waitForURL(/\/enrol$/)
  await page.getByLabel('注册码').fill(enrolCode)
  await page.getByLabel('设备名称').fill(name)
  await page.getByRole('button', { name: '加入' }).click()
  await page.waitForURL(/\/login/)
  await loginAs(page, '王管理', '2580')
  await page.waitForURL(/\/today$/)
  return page
}

/** Add a staff member on the settings screen (an assistant unless `role` says otherwise). */
export async function addStaff(page: Page, name: string, pin: string, role?: string): Promise<void> {
  await page.getByRole('button', { name: '添加员工' }).click()
  const editor = page.getByTestId('staff-editor')
  await editor.locator('[name="staff-name"]').fill(name)
  if (role) await editor.locator('[name="staff-role"]').selectOption(role)
  await editor.locator('[name="staff-pin"]').fill(pin)
  await editor.locator('[name="staff-pin-again"]').fill(pin)
  await editor.getByRole('button', { name: '保存' }).click()
  await editor.waitFor({ state: 'detached' })
}
