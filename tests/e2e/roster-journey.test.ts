import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs } from '../support/journeys'
import { switchTo } from '../support/desk-journeys'
import { expectAccessible } from '../support/axe'
import { controlProblems } from '../support/controls'
import { printToText } from '../support/pdf'
import { readSite } from '../support/idb-page'
import { shiftKey } from '@shared/domain/duty-log'

const STAFF = [
  { name: '王管理', role: 'administrator', pin: '2580' },
  { name: '李娜', role: 'assistant', pin: '1357' },
  { name: '张敏', role: 'assistant', pin: '3691' },
  { name: '赵主管', role: 'supervisor', pin: '4826' },
  { name: '刘经理', role: 'manager', pin: '7410' },
]
/** Screens of each state, for a person to look at (not compared by the test). */
const LOOK = process.env.ROSTER_LOOK_DIR ?? ''

async function look(page: Page, name: string): Promise<void> {
  if (!LOOK) return
  fs.mkdirSync(LOOK, { recursive: true })
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity))
  await page.screenshot({ path: `${LOOK}/${name}.png` })
}

const cell = (page: Page, name: string, day: number): Locator => page.getByRole('button', { name: new RegExp(`^${name} 12月${day}日 `) })
const state = (page: Page): Promise<string | null> => page.getByTestId('roster-state').textContent()

/** The step's dialog: a signature drawn, the signer's PIN, 签名确认. */
async function signStep(page: Page, action: string, pin: string, text = '', shot = ''): Promise<void> {
  await page.getByTestId('roster-status').getByRole('button', { name: action }).click()
  const form = page.getByTestId('roster-sign')
  await form.waitFor()
  if (text) await form.locator('textarea').fill(text)
  const box = (await form.locator('canvas').boundingBox())!
  await page.mouse.move(box.x + 30, box.y + 60)
  await page.mouse.down()
  for (let i = 1; i <= 14; i++) await page.mouse.move(box.x + 30 + i * 14, box.y + 60 + (i % 2 ? 28 : -18))
  await page.mouse.up()
  await form.locator('[name="roster-pin"]').fill(pin)
  if (shot) await look(page, shot)
  await form.getByRole('button', { name: '签名确认' }).click()
  await form.waitFor({ state: 'detached' })
}

/** Drag across the cells with a pointer held down, one cell after another. */
async function drag(page: Page, cells: Locator[]): Promise<void> {
  await cells[0]!.scrollIntoViewIfNeeded()
  const boxes = await Promise.all(cells.map(async (c) => (await c.boundingBox())!))
  await page.mouse.move(boxes[0]!.x + 20, boxes[0]!.y + 20)
  await page.mouse.down()
  for (const b of boxes.slice(1)) await page.mouse.move(b.x + 20, b.y + 20, { steps: 3 })
  await page.mouse.up()
}

describe('the monthly roster from draft to the manager (篇2 4.1.1)', () => {
  const h = useE2eHarness()

  it('the administrator paints next month, is returned, fixes and resubmits; the supervisor approves; the manager acknowledges; a leave with a cover makes the printed 第2版 and the day\'s duty log names the cover', async () => {
    const page = await (await h.tablet()).newPage()
    await page.clock.install({ time: new Date('2026-11-21T01:00:00Z') }) // 09:00 on the 21st in Shanghai
    await firstRunSetup(page, h.server.url, '翠苑小区', STAFF)
    await loginAs(page, '王管理', '2580')
    await page.waitForURL(/\/today$/)
    await expect.poll(() => page.getByTestId('today-roster-due').textContent()).toContain('下月(2026年12月)排班表须在11月25日前提交审核')

    // From the 20th the administrator's roster opens on next month.
    await expect.poll(() => page.getByTestId('today-roster-due').textContent()).toContain('本月(2026年11月)还没有排班表')
    await page.getByTestId('today-roster-due').getByRole('link', { name: /^下月/ }).click()
    await expect.poll(() => page.getByTestId('roster-month').textContent()).toBe('2026年12月')
    await expect.poll(() => state(page)).toBe('尚未编排排班表')
    await look(page, '1-empty')

    // Tap one cell, then drag across four more: 李娜 on days from the 1st to the 5th.
    await page.getByTestId('roster-palette').getByRole('button', { name: /白班/ }).click()
    await cell(page, '李娜', 1).click()
    await expect.poll(() => cell(page, '李娜', 1).getAttribute('aria-label')).toBe('李娜 12月1日 白班')
    await drag(page, [2, 3, 4, 5].map((d) => cell(page, '李娜', d)))
    for (const d of [2, 3, 4, 5]) await expect.poll(() => cell(page, '李娜', d).textContent()).toContain('白')
    await expect.poll(() => cell(page, '李娜', 6).getAttribute('aria-label')).toBe('李娜 12月6日 未排班')

    // A weekly pattern: 张敏 on nights every day, 王管理 on days on weekdays and at rest at weekends.
    await page.getByTestId('roster-pattern-open').click()
    const dialog = page.getByTestId('roster-pattern')
    for (const day of ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']) {
      await dialog.getByLabel(`张敏 ${day}`).selectOption({ label: '夜 夜班' })
      await dialog.getByLabel(`王管理 ${day}`).selectOption({ label: /六|日/.test(day) ? '休 休息' : '白 白班' })
    }
    await look(page, '2-pattern')
    await dialog.getByRole('button', { name: '应用到本月' }).click()
    await expect.poll(() => cell(page, '张敏', 31).getAttribute('aria-label')).toBe('张敏 12月31日 夜班')
    await expect.poll(() => cell(page, '王管理', 5).getAttribute('aria-label')).toBe('王管理 12月5日 休息')
    // Saturdays have nobody on days: the staffing says so in words.
    await expect.poll(() => page.getByTestId('roster-short').textContent()).toContain('12月6日 白班 0/1 人')
    expect(await page.getByTestId('roster-short').textContent()).not.toContain('12月5日 白班')
    expect(await controlProblems(page)).toEqual([])
    await expectAccessible(page, 'roster: painting')
    await look(page, '3-painted')

    await signStep(page, '提交审核', '2580', '', '3a-sign')
    await expect.poll(() => state(page)).toBe('待客服主管审核')
    await expect.poll(() => page.getByTestId('roster-note').textContent()).toContain('审核完成前不能修改')
    expect(await cell(page, '李娜', 1).count()).toBe(0) // read-only: no paintable cell
    await look(page, '4-submitted')

    // The supervisor reviews from the today screen and returns it with a comment.
    await switchTo(page, '赵主管', '4826')
    await page.goto(`${h.server.url}/today`)
    await page.getByTestId('today-roster-due').getByRole('link', { name: /待审核的排班表/ }).click()
    await expect.poll(() => page.getByTestId('roster-note').textContent()).toContain('待您审核')
    await signStep(page, '退回修改', '4826', '12月的周六白班没有人', '4a-return')
    await expect.poll(() => state(page)).toBe('已退回修改')
    await expect.poll(() => page.getByTestId('roster-note').textContent()).toContain('已退回修改的草稿')
    expect(await page.getByRole('img', { name: '李娜 12月1日 白班' }).count()).toBe(1)
    await look(page, '5-returned')

    // The administrator sees why, paints the Saturdays, and submits again.
    await switchTo(page, '王管理', '2580')
    await page.goto(`${h.server.url}/roster?month=2026-12`)
    await expect.poll(() => page.getByTestId('roster-return-comment').textContent()).toBe('主管意见:12月的周六白班没有人')
    await page.getByTestId('roster-palette').getByRole('button', { name: /白班/ }).click()
    for (const d of [12, 19, 26]) await cell(page, '李娜', d).click()
    await drag(page, [6, 7].map((d) => cell(page, '李娜', d)))
    await expect.poll(() => cell(page, '李娜', 26).getAttribute('aria-label')).toBe('李娜 12月26日 白班')
    await expect.poll(() => cell(page, '李娜', 7).getAttribute('aria-label')).toBe('李娜 12月7日 白班')
    await expect.poll(() => page.getByTestId('roster-short').textContent()).not.toContain('12月6日 白班')
    await look(page, '6-fixed')
    await signStep(page, '提交审核', '2580')
    await expect.poll(() => state(page)).toBe('待客服主管审核')

    await switchTo(page, '赵主管', '4826')
    await page.goto(`${h.server.url}/roster?month=2026-12`)
    await signStep(page, '审核通过', '4826')
    await expect.poll(() => state(page)).toBe('已批准 第1版,待物业服务中心经理确认')

    // The manager acknowledges it from the today screen.
    await switchTo(page, '刘经理', '7410')
    await page.goto(`${h.server.url}/today`)
    await page.getByTestId('today-roster-due').getByRole('link', { name: '待确认的排班表:2026年12月 第1版' }).click()
    await signStep(page, '确认收到', '7410')
    await expect.poll(() => state(page)).toBe('已批准 第1版,经理已确认收到')
    const history = page.getByTestId('roster-history')
    // Newest version first, each dated and named.
    const lines = await history.locator('[data-kind]').allTextContents()
    expect(lines.every((l) => /^2026-11-21 09:\d\d /.test(l))).toBe(true)
    expect(lines.map((l) => l.slice(17))).toEqual(['王管理 提交审核', '赵主管 审核通过', '刘经理 确认收到', '王管理 提交审核', '赵主管 退回修改:12月的周六白班没有人'])
    expect(await history.getByRole('link', { name: '打印' }).first().getAttribute('href')).toMatch(/^\/print\/roster\?version=[0-9a-f-]{36}$/)
    await expectAccessible(page, 'roster: acknowledged')
    await look(page, '7-acknowledged')

    // 篇2 4.2.6: 李娜 asks a day ahead for leave on Saturday the 5th; the supervisor approves, 王管理 (at rest) covers.
    await switchTo(page, '李娜', '1357')
    await page.goto(`${h.server.url}/roster/requests?month=2026-12`)
    const ask = page.getByTestId('request-ask')
    await ask.getByText('12月5日 白班', { exact: true }).click()
    await ask.getByLabel('原因').fill('家中有事')
    await ask.getByRole('button', { name: '提交主管审批' }).click()
    await expect.poll(() => page.getByTestId('request-mine').textContent()).toContain('待主管审批')
    await switchTo(page, '赵主管', '4826')
    await page.goto(`${h.server.url}/roster/requests?month=2026-12`)
    await page.getByTestId('request-approve').click()
    await page.getByTestId('request-cover').getByText('王管理(空闲)').click()
    await expect.poll(() => page.getByTestId('request-outcome').textContent()).toContain('12月5日白班:王管理')
    const pad = (await page.locator('.sign-with-pin canvas').boundingBox())!
    await page.mouse.move(pad.x + 30, pad.y + 60)
    await page.mouse.down()
    for (let i = 1; i <= 14; i++) await page.mouse.move(pad.x + 30 + i * 15, pad.y + 60 + (i % 2 ? 25 : -15))
    await page.mouse.up()
    await page.getByLabel('赵主管 的 PIN').fill('4826')
    await page.getByRole('button', { name: '签名并批准' }).click()
    await expect.poll(() => page.getByTestId('request-open').textContent()).toContain('没有待审批的申请')

    // The printed roster is the new version, with its reason; 李娜 on leave that day.
    await page.goto(`${h.server.url}/print/roster?month=2026-12`)
    await look(page, '8-print')
    const printed = (await printToText(page)).compactPages.join('')
    expect(printed).toContain('第2版')
    expect(printed).toContain('变更原因:李娜12月5日请假(主管批准,替班:王管理)')
    // Her own reason stays on the request: the sheet is read by the whole desk and filed.
    expect(printed).not.toContain('家中有事')
    // 编制 stays the administrator's draft; 审核 is the supervisor's approval of the leave.
    expect(printed.match(/姓名:(王管理|赵主管)/g)).toEqual(['姓名:王管理', '姓名:赵主管'])

    // On the day, the duty log's print names the rostered cover, not whoever logged in.
    await page.clock.setSystemTime(new Date('2026-12-05T04:00:00Z')) // 12:00 in Shanghai
    // The tablet locked meanwhile; 张敏 (on nights) logs in at noon: logging in does not make her 值班人.
    await page.goto(`${h.server.url}/today`)
    await page.waitForURL(/\/login/)
    await switchTo(page, '张敏', '3691')
    const day = (await readSite(page)).shiftTypes.find((t) => t.name === '白班')!
    await page.goto(`${h.server.url}/print/duty-log?shift=${shiftKey('2026-12-05', day.id)}`)
    await look(page, '9-duty-print')
    const log = (await printToText(page)).compactPages.join('')
    expect(log).toContain('值班人:王管理')
    expect(log).not.toMatch(/值班人:[^时]*(李娜|张敏)/)
  })
})
