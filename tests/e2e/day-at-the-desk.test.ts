/**
 * Issue 10: a whole day at the desk, as a new site lives it — setup, two clerks, requests, duty-log
 * entries, the idle lock mid-form, a handover, a correction after it, the supervisor's review the next
 * morning, the day's and the week's prints — with axe-core run on every screen on the way (point 24:
 * no serious or critical violation). Each point also has its own tests; this walks them together.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup } from '../support/journeys'
import { source, switchTo, walkHandover } from '../support/desk-journeys'
import { axeFindings, describeFindings } from '../support/axe'
import { printToText } from '../support/pdf'

const STAFF = [
  { name: '王管理', role: 'administrator', pin: '2580' },
  { name: '李娜', role: 'assistant', pin: '1357' },
  { name: '赵敏', role: 'assistant', pin: '3691' },
  { name: '张主管', role: 'supervisor', pin: '4826' },
]

describe('a day at the desk (issue 10)', () => {
  const h = useE2eHarness()

  it('walks a day and the next morning: nothing typed is lost, every screen says what it means and passes axe, every print is complete', async () => {
    const context = await h.tablet()
    const page = await context.newPage()
    const url = h.server.url
    const findings: string[] = []
    /** axe-core on the screen as it stands (the page settled first). */
    const look = async (screen: string): Promise<void> => {
      await page.waitForLoadState('networkidle')
      findings.push(...describeFindings(screen, await axeFindings(page)))
    }
    const goto = async (path: string, screen = path): Promise<void> => {
      await page.goto(`${url}${path}`)
      await page.locator('main, .page, .print-preview').first().waitFor()
      await look(screen)
    }
    // Monday 2026-11-30, 09:00 in Shanghai: the day shift (08:00–20:00).
    await page.clock.install({ time: new Date('2026-11-30T01:00:00Z') })
    await page.goto(url)
    await page.waitForURL(/\/setup$/)
    await look('setup')
    await firstRunSetup(page, url, '翠苑小区', STAFF)
    await look('login')

    // Point 2: the pad's count and the lock agree.
    await page.getByRole('button', { name: /^李娜/ }).click()
    await page.getByLabel('PIN 码').fill('9999')
    await page.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.getByTestId('login-message').textContent()).toBe('PIN 不正确,还可以再试 4 次')
    await page.getByLabel('PIN 码').fill('1357')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/today$/)
    await look('today (clerk)')
    expect(await page.getByTestId('status-staff').textContent()).toContain('当班人员')

    // A complaint, then a second request half-typed when she steps away (point 1).
    await register(page, url, { room: '5-1-302', name: '陈红', honorific: '女士', phone: '13900001111', matter: '投诉楼上装修噪音', category: '投诉' })
    await look('register detail')
    await page.goto(`${url}/register/new`)
    await page.getByLabel('房号').fill('3-1-1101')
    await page.getByLabel('事由').fill('厨房水龙头漏水,请工程部上门')
    await look('register new')
    await page.clock.fastForward('05:10')
    await page.waitForURL(/\/login\?.*locked=1/)
    // Point 14: the lock screen says whether the tablet is online and what waits.
    expect(await page.getByTestId('login-state').textContent()).toContain('在线')
    await look('lock screen')
    await page.getByLabel('PIN 码').fill('1357')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/register\/new$/)
    await expect.poll(() => page.getByLabel('事由').inputValue()).toBe('厨房水龙头漏水,请工程部上门')
    expect(await page.getByTestId('draft-restored').textContent()).toContain('已恢复您上次未保存的内容')
    await page.getByLabel('业主姓名').fill('王强')
    await page.getByRole('button', { name: '登记', exact: true }).click()
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/)

    // The register's queues and list (point 24: tabs over one panel, a list of rows).
    await goto('/register?queue=all', 'register list')
    await expect.poll(() => page.locator('[role="listitem"]').count()).toBe(2)

    // Duty log: a patrol must be chosen as such (point 15), with a follow-up.
    await goto('/duty-log', 'duty log')
    await page.getByRole('button', { name: '新增记录' }).click()
    await page.locator('[name="content"]').fill('巡查发现5栋门禁故障,已报工程部')
    await page.locator('[name="followUp"]').check()
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('duty-entry-form').getByRole('alert').textContent()).toContain('请选择来源')
    await look('duty log entry form')
    await source(page, '巡查')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('duty-log').textContent()).toContain('巡查发现5栋门禁故障')
    for (const path of ['/duty-log/services', '/archive', '/inspection', '/settings']) await goto(path)

    // 19:40: 赵敏 comes to take over; the handover, both sign (篇2 4.3).
    await page.clock.fastForward('10:35:00')
    await page.waitForURL(/\/login/) // the idle lock
    await switchTo(page, '赵敏', '3691')
    await page.waitForURL(/\/handover$/)
    await look('handover')
    await walkHandover(page, { 投诉楼上装修噪音: '已约业主明早回复', 门禁故障: '工程部明早检修', 水龙头漏水: '工程部明早上门' }, { item: '(全部相符)', counted: '', note: '' }, { outgoing: '1357', incoming: '3691' })
    await page.waitForURL(/\/today$/)
    await look('today after the handover')

    // 李娜 finds a slip in her handed-over log and corrects it beside the original (point 3); the
    // follow-up says where it went (point 22).
    await switchTo(page, '李娜', '1357')
    await page.goto(`${url}/duty-log`)
    await page.locator('select[name="shiftType"]').selectOption({ label: '白班 08:00–20:00' })
    await expect.poll(() => page.getByTestId('duty-locked').count()).toBe(1)
    await look('locked duty log')
    const gate = page.getByTestId('duty-log').locator('tr', { hasText: '巡查发现5栋门禁故障' }).first()
    expect(await gate.getByTestId('duty-handed-to').textContent()).toBe('已移交 赵敏')
    await gate.getByRole('button', { name: '更正' }).click()
    await page.locator('[name="content"]').fill('巡查发现5栋1单元门禁故障,已报工程部')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('duty-log').textContent()).toContain('巡查发现5栋1单元门禁故障')
    expect(await page.getByTestId('duty-log').textContent()).toContain('交班后更正')

    // The day's printed log: one job numbered through (point 10), the correction and where the
    // follow-up went in it, 来源 on one line.
    await page.goto(`${url}/print/duty-log?date=2026-11-30`)
    const day = await printToText(page)
    const all = day.compactPages.join('')
    for (const expected of ['客户服务中心值班记录表', '巡查发现5栋门禁故障', '巡查发现5栋1单元门禁故障', '交班后更正', '已移交赵敏', '投诉楼上装修噪音', '李娜', '赵敏']) expect(all, expected).toContain(expected)
    day.compactPages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`第${i + 1}页/共${day.pages}页`))
    await look('duty log print')

    // Tuesday 09:00: the supervisor's review of Monday (point 8), and the week's register (point 4).
    await page.clock.fastForward('13:30:00')
    await page.goto(`${url}/today`) // a print page has no idle lock: back in the app, the tablet is locked
    await page.waitForURL(/\/login/)
    await switchTo(page, '张主管', '4826')
    await page.waitForURL(/\/today$/)
    expect(await page.getByTestId('status-staff').textContent()).toContain('登录人员')
    await expect.poll(() => page.getByTestId('today-reviews').textContent()).toContain('2026-11-30')
    await look('today (supervisor)')
    await goto('/duty-log/reviews', 'duty log reviews')
    await page.getByRole('button', { name: '审核 2026-11-30 的值班记录' }).click()
    await page.locator('textarea[name="comment"]').fill('门禁故障请工程部今日回复')
    await look('duty log review form')
    await goto('/register/reviews', 'register reviews')

    await page.goto(`${url}/register`)
    await page.getByRole('tab', { selected: true }).waitFor()
    await page.getByRole('button', { name: '打印' }).click()
    await page.waitForURL(/\/print\/register\?/)
    await page.getByTestId('range-thisWeek').click()
    await page.locator('.print-page[data-page="1"]').getByText('共 2 条').waitFor()
    await look('register print')
    const week = (await printToText(page)).compactPages.join('')
    for (const expected of ['接待业主情况记录', '投诉楼上装修噪音', '厨房水龙头漏水', '陈红女士']) expect(week, expected).toContain(expected)
    expect(week).not.toContain('仅:')

    expect(findings, findings.join('\n')).toEqual([])
    await context.close()
  })
})

async function register(page: Page, url: string, r: { room: string; name: string; honorific: string; phone: string; matter: string; category: string }): Promise<void> {
  await page.goto(`${url}/register/new`)
  await page.getByLabel('房号').fill(r.room)
  await page.getByLabel('业主姓名').fill(r.name)
  await page.getByText(r.honorific, { exact: true }).click()
  await page.getByLabel('联系电话').fill(r.phone)
  await page.getByLabel('事由').fill(r.matter)
  await page.getByText(r.category, { exact: true }).click()
  await page.getByRole('button', { name: '登记', exact: true }).click()
  await page.waitForURL(/\/register\/[0-9a-f-]{36}$/)
}
