import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { controlProblems } from '../support/controls'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup } from '../support/journeys'

describe('the tablet shell', () => {
  const h = useE2eHarness()
  let page: Page
  beforeAll(async () => {
    const context = await h.tablet()
    page = await context.newPage()
    await page.goto(h.server.url)
    await page.waitForURL(/\/setup$/)
  })

  it('gives every control of setup, login, today and settings a name and at least 44 × 44 px', async () => {
    const found: string[] = []
    await page.getByLabel('项目名称').fill('翠苑小区')
    for (const step of ['项目', '部门', '班次', '员工']) {
      await page.getByRole('heading', { name: step }).waitFor()
      found.push(...(await controlProblems(page)).map((p) => `setup/${step} ${p}`))
      if (step !== '员工') await page.getByRole('button', { name: '下一步' }).click()
    }
    await firstRunSetup(page, h.server.url)
    await page.getByRole('button', { name: /^李娜/ }).click()
    found.push(...(await controlProblems(page)).map((p) => `login ${p}`))
    await page.getByLabel('PIN 码').fill('1357')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/today$/)
    found.push(...(await controlProblems(page)).map((p) => `today ${p}`))
    await page.goto(`${h.server.url}/settings`)
    await page.getByTestId('settings-limits').waitFor()
    found.push(...(await controlProblems(page)).map((p) => `settings ${p}`))
    expect(found).toEqual([])
  })

  it('gives every control of the register, archive and roster pages a name and at least 44 × 44 px', async () => {
    const found: string[] = []
    for (const path of ['/register', '/register/new', '/archive', '/archive/import', '/roster', '/roster/requests']) {
      await page.goto(`${h.server.url}${path}`)
      await page.locator('main h1').first().waitFor()
      found.push(...(await controlProblems(page)).map((p) => `${path} ${p}`))
    }
    // A request's page with its actions.
    await page.goto(`${h.server.url}/register/new`)
    await page.getByLabel('房号').fill('1-1-101')
    await page.getByLabel('事由').fill('门禁卡失灵')
    await page.getByRole('button', { name: '登记', exact: true }).click()
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/)
    await page.getByTestId('timeline').waitFor()
    found.push(...(await controlProblems(page)).map((p) => `detail ${p}`))
    await page.getByRole('button', { name: '转责任部门' }).click()
    await page.getByTestId('event-form').waitFor()
    found.push(...(await controlProblems(page)).map((p) => `event form ${p}`))
    expect(found).toEqual([])
  })

  it('shows storage persistence and usage in settings', async () => {
    await page.goto(`${h.server.url}/settings`)
    await expect.poll(() => page.getByTestId('settings-storage').textContent()).toMatch(/已用 .+,可用约 .+/)
    // Headless Chromium answers the persistence request either way; the page states the answer.
    expect(await page.getByTestId('settings-storage').textContent()).toMatch(/已获准|未获准/)
  })

  it('switches to English and back, and the choice survives a reload', async () => {
    await page.goto(`${h.server.url}/settings`)
    await page.getByText('English', { exact: true }).click()
    await expect.poll(() => page.locator('nav').textContent()).toContain('Today')
    await page.reload()
    await expect.poll(() => page.locator('nav').textContent()).toContain('Settings')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.getByText('简体中文', { exact: true }).click()
    await expect.poll(() => page.locator('nav').textContent()).toContain('今日')
  })

  it('serves an installable manifest: Chinese name, icons, landscape, standalone', async () => {
    const res = await page.request.get(`${h.server.url}/manifest.webmanifest`)
    const manifest = (await res.json()) as Record<string, unknown>
    expect(manifest).toMatchObject({ short_name: '前台台账', lang: 'zh-CN', orientation: 'landscape', display: 'standalone', start_url: '/' })
    const icons = manifest.icons as { src: string; sizes: string }[]
    expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))
    for (const icon of icons) expect((await page.request.get(`${h.server.url}${icon.src}`)).headers()['content-type']).toBe('image/png')
    expect(await page.locator('link[rel="manifest"]').count()).toBe(1)
  })
})
