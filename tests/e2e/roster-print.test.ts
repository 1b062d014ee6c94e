import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { daysOf, weekdayOf, type RosterStaff } from '@shared/domain/roster'
import { staffingOf } from '@shared/domain/roster-staffing'
import { instantAt } from '@shared/domain/time'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs } from '../support/journeys'
import { printToText } from '../support/pdf'
import { drawSignature, putRows, readSite } from '../support/idb-page'
import { rosterMonth, type RosterMonth } from '../factories/roster-seed'

const TZ = 'Asia/Shanghai'
const MONTH = '2026-12'
// As the print lists them: by name (snapshotOf).
const DESK = ['王管理', '李娜', '陈静', '赵敏', '刘洋', '孙丽'].sort((a, b) => a.localeCompare(b, 'zh-CN'))
const STAFF = [
  { name: '王管理', role: 'administrator', pin: '2580' },
  { name: '李娜', role: 'assistant', pin: '1357' },
  { name: '陈静', role: 'assistant', pin: '2468' },
  { name: '赵敏', role: 'assistant', pin: '3579' },
  { name: '刘洋', role: 'assistant', pin: '4680' },
  { name: '孙丽', role: 'assistant', pin: '5791' },
  { name: '张主管', role: 'supervisor', pin: '4826' },
  { name: '赵经理', role: 'manager', pin: '3690' },
]
const WEEKDAYS = '一二三四五六日'
const compact = (s: string): string => s.replace(/\s+/g, '')

/**
 * The grid's head as the PDF's text has it, between 岗位 and the first row's name: pdftotext sets the day
 * numbers and the weekdays of the two-line headings in an order of its own, so each is read apart.
 */
function headOf(text: string, firstName: string): { days: string; weekdays: string } {
  const head = text.slice(text.indexOf('岗位') + 2, text.indexOf(firstName, text.indexOf('岗位')))
  return { days: head.replace(/\D/g, ''), weekdays: head.replace(/[^一二三四五六日]/g, '') }
}
const headFor = (month: string): { days: string; weekdays: string } => ({ days: daysOf(month).map((_, i) => i + 1).join(''), weekdays: daysOf(month).map((d) => WEEKDAYS[weekdayOf(d)]).join('') })

/**
 * December 2026 at 翠苑小区: six desk staff in a 白/夜/休 rotation, 张主管 supporting the desk on the 24th and
 * 25th; version 1 submitted on 20 November, approved and acknowledged; version 2 the next day with 赵敏 on
 * leave on the 16th and 19th, 陈静 covering.
 */
async function seed(page: Page): Promise<RosterMonth> {
  const site = await readSite(page)
  const id = (name: string): string => site.staff[name]!
  const person = (name: string): { id: string; name: string } => ({ id: id(name), name })
  const staff: RosterStaff[] = STAFF.filter((s) => s.role !== 'manager').map((s) => ({ id: id(s.name), name: s.name, role: s.role as RosterStaff['role'], active: true }))
  const shifts = ['白班', '夜班'].map((n) => site.shiftTypes.find((t) => t.name === n)!)
  const month = rosterMonth({
    siteId: site.siteId,
    month: MONTH,
    staff,
    shifts,
    administrator: person('王管理'),
    supervisor: person('张主管'),
    manager: person('赵经理'),
    submittedAt: instantAt('2026-11-20', '10:00', TZ),
    supportDays: [24, 25],
    image: await drawSignature(page, 2),
    revision: { staffId: id('赵敏'), coverId: id('陈静'), days: [16, 19], reason: '赵敏12月16日、19日请病假,由陈静替班' },
  })
  await putRows(page, { rosterCells: month.cells, rosterVersions: month.versions, rosterSteps: month.steps, signatures: month.signatures })
  return month
}

describe('printing the roster 排班表', () => {
  const h = useE2eHarness()
  let context: BrowserContext
  let page: Page
  let seeded: RosterMonth
  beforeAll(async () => {
    context = await h.tablet()
    page = await context.newPage()
    await page.clock.install({ time: new Date('2026-12-05T02:00:00Z') })
    await firstRunSetup(page, h.server.url, '翠苑小区', STAFF)
    await loginAs(page, '张主管', '4826')
    await page.waitForURL(/\/today$/)
    seeded = await seed(page)
  })

  it('prints the version in force on one A4 landscape page: every name and day, the counts, the legend, the reason and the three signed steps', async () => {
    await page.goto(`${h.server.url}/print/roster?month=${MONTH}`)
    const pdf = await printToText(page)
    expect(pdf.pages).toBe(1)
    expect(pdf.size.w).toBeGreaterThan(pdf.size.h)
    expect(Math.round(pdf.size.w)).toBe(842) // A4 landscape: 297 × 210 mm
    const text = pdf.compactPages[0]!
    for (const expected of ['翠苑小区', '排班表', '表号:KF-JL-02', '月份:2026年12月', '版本:第2版', '批准日期:2026-11-21', '变更原因:赵敏12月16日、19日请病假,由陈静替班', '后台支援']) {
      expect(text, expected).toContain(expected)
    }
    for (const name of [...DESK, '张主管']) expect(text, name).toContain(name)
    // The legend: each code with its shift's times and minimum, 休 and 假.
    expect(text).toContain(compact('班次说明:白=白班 08:00–20:00(最少1人);夜=夜班 20:00–次日08:00(最少1人);休=休息;假=请假'))
    // Every day of the month heads a column with its weekday (1 December 2026 is a Tuesday).
    const heads = await page.locator('section.print-page > table thead th').allInnerTexts()
    const days = daysOf(MONTH)
    expect(heads.slice(2, -1).map(compact)).toEqual(days.map((d, i) => `${i + 1}${WEEKDAYS[weekdayOf(d)]}`))
    expect(headOf(text, DESK[0]!)).toEqual(headFor(MONTH))
    // The grid: a row per person, desk first, support marked apart; 赵敏's leave and 陈静 covering it.
    const rows = await page.locator('section.print-page > table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')))
    expect(rows.map((r) => r[0])).toEqual([...DESK, '张主管'])
    expect(rows.map((r) => r[1])).toEqual([...DESK.map(() => '前台值班'), '后台支援'])
    const zhao = rows[DESK.indexOf('赵敏')]!
    expect([zhao[2 + 15], zhao[2 + 18]]).toEqual(['假', '假'])
    expect([rows[DESK.indexOf('陈静')]![2 + 15], rows[DESK.indexOf('陈静')]![2 + 18]]).toEqual(['白', '白'])
    expect(rows[6]!.slice(2, -1).filter(Boolean)).toEqual(['白', '白'])
    expect(new Set(rows.slice(0, 6).flatMap((r) => r.slice(2, -1)))).toEqual(new Set(['白', '夜', '休', '假']))
    // The counts under the grid: as staffingOf counts version 2, day by day.
    const v2 = seeded.versions[1]!
    const staffing = staffingOf(MONTH, v2.snapshot.rows, v2.snapshot.shifts)
    for (const s of v2.snapshot.shifts) expect(text, s.name).toContain(`${s.name}在岗人数${staffing.map((d) => d.desk[s.id]).join('')}`)
    expect(text).toContain(`后台支援人数${staffing.map((d) => Object.values(d.support).reduce((a, b) => a + b, 0)).join('')}`)
    // 编制 / 审核 / 报送 with names, dates and the signatures drawn on the tablet.
    const signers = compact(await page.getByTestId('roster-print-signers').innerText())
    expect(signers).toContain('编制(客服管理员)姓名:王管理日期:2026-11-21签名:')
    expect(signers).toContain('审核(客服主管)姓名:张主管日期:2026-11-21签名:')
    expect(signers).toContain('报送(物业服务中心经理)姓名:赵经理日期:2026-11-21签名:')
    for (const name of ['王管理', '张主管', '赵经理']) expect(text, name).toContain(name)
    for (const step of ['draft', 'approve', 'acknowledge']) expect(await page.getByTestId(`roster-print-signature-${step}`).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(300)
  })

  it('prints an older version by its id: 第1版, without a reason', async () => {
    await page.goto(`${h.server.url}/print/roster?version=${seeded.versions[0]!.id}`)
    const pdf = await printToText(page)
    expect(pdf.pages).toBe(1)
    const text = pdf.compactPages[0]!
    expect(text).toContain('版本:第1版')
    expect(text).toContain('批准日期:2026-11-20')
    expect(text).not.toContain('变更原因')
    const cells = await page.locator('section.print-page > table tbody td').allInnerTexts()
    expect(cells).not.toContain('假')
    expect(cells.filter((c) => c === '白')).toHaveLength(2 * 31 + 2)
  })

  it('says so when the month has no approved roster', async () => {
    await page.goto(`${h.server.url}/print/roster?month=2027-01`)
    await expect.poll(() => page.getByText('本月还没有批准的排班表').count()).toBe(1)
  })

  it('prints the blank form: the month’s days, the desk staff’s names, empty counts and the lines to sign', async () => {
    await page.goto(`${h.server.url}/print/roster-blank?month=2027-01`)
    const pdf = await printToText(page)
    expect(pdf.pages).toBe(1)
    expect(pdf.size.w).toBeGreaterThan(pdf.size.h)
    const text = pdf.compactPages[0]!
    for (const expected of ['排班表', '表号:KF-JL-02', '月份:2027年1月', '白班在岗人数', '夜班在岗人数', '班次说明:白=白班', '编制(客服管理员)', '审核(客服主管)', '报送(物业服务中心经理)']) expect(text, expected).toContain(expected)
    // 1 January 2027 is a Friday.
    expect(headOf(text, '陈静')).toEqual(headFor('2027-01'))
    expect(WEEKDAYS[weekdayOf('2027-01-01')]).toBe('五')
    const names = await page.locator('section.print-page > table tbody tr td:first-child').allInnerTexts()
    expect(names.filter(Boolean).sort()).toEqual([...DESK].sort())
    expect(names.length).toBeGreaterThanOrEqual(12)
    for (const absent of ['张主管', '第1版', '第2版', '2026-11-21']) expect(text, absent).not.toContain(absent)
    expect(await page.locator('section.print-page > table tbody td:not(:first-child):not(:nth-child(2))').evaluateAll((tds) => tds.every((td) => !td.textContent?.trim()))).toBe(true)
  })
})
