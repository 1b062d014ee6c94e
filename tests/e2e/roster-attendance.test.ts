import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import ExcelJS from 'exceljs'
import { shiftKey } from '@shared/domain/duty-log'
import type { RosterStaff } from '@shared/domain/roster'
import { instantAt } from '@shared/domain/time'
import { useE2eHarness } from '../support/e2e-harness'
import { firstRunSetup, loginAs } from '../support/journeys'
import { expectAccessible } from '../support/axe'
import { putRows, readSite } from '../support/idb-page'
import { makeEntry, makeHandover } from '../factories/duty-seed'
import { rosterMonth } from '../factories/roster-seed'

const TZ = 'Asia/Shanghai'
const MONTH = '2026-12'
const STAFF = [
  { name: '王管理', role: 'administrator', pin: '2580' },
  { name: '李娜', role: 'assistant', pin: '1357' },
  { name: '陈静', role: 'assistant', pin: '2468' },
  { name: '张主管', role: 'supervisor', pin: '4826' },
]
const at = (date: string, hhmm: string): number => instantAt(date, hhmm, TZ)

/**
 * December 2026: 王管理, 李娜 and 陈静 in the 白/夜/休 rotation (the 1st: 王管理 白, 李娜 夜, 陈静 休; the 2nd:
 * 陈静 白, 王管理 夜, 李娜 休). 李娜 arrives at 20:06 for the night of the 1st (21 minutes past the 15-minute
 * mark), so 王管理 waited 6 minutes; the handover after it, signed at 20:17, is no wait (篇2 4.2.8). On the 2nd 王管理 does not come for the
 * night: 陈静 records it at 19:46, and 李娜, resting, takes the night over from her at 19:48.
 */
async function seed(page: Page): Promise<void> {
  const site = await readSite(page)
  const id = (name: string): string => site.staff[name]!
  const person = (name: string): { id: string; name: string } => ({ id: id(name), name })
  const staff: RosterStaff[] = STAFF.map((s) => ({ id: id(s.name), name: s.name, role: s.role as RosterStaff['role'], active: true }))
  const [day, night] = ['白班', '夜班'].map((n) => site.shiftTypes.find((t) => t.name === n)!) as [typeof site.shiftTypes[number], typeof site.shiftTypes[number]]
  const month = rosterMonth({ siteId: site.siteId, month: MONTH, staff, shifts: [day, night], administrator: person('王管理'), supervisor: person('张主管'), manager: person('张主管'), submittedAt: at('2026-11-20', '10:00') })
  const first = makeHandover(site.siteId, { fromShiftKey: shiftKey('2026-12-01', day.id), toShiftKey: shiftKey('2026-12-01', night.id), outgoingId: id('王管理'), incomingId: id('李娜'), outgoingName: '王管理', incomingName: '李娜', shiftStartsAt: at('2026-12-01', '20:00'), arrivedBefore: -6 })
  const second = makeHandover(site.siteId, { fromShiftKey: shiftKey('2026-12-02', day.id), toShiftKey: shiftKey('2026-12-02', night.id), outgoingId: id('陈静'), incomingId: id('李娜'), outgoingName: '陈静', incomingName: '李娜', shiftStartsAt: at('2026-12-02', '20:00'), arrivedBefore: 12 })
  const noShow = makeEntry(site.siteId, { shiftKey: shiftKey('2026-12-02', day.id), at: at('2026-12-02', '19:46'), staffId: id('陈静'), kind: 'noShow', content: '王管理未到岗,已电话联系', escalation: 'supervisor' })
  await putRows(page, { rosterCells: month.cells, rosterVersions: month.versions, rosterSteps: month.steps, signatures: [...month.signatures, ...first.signatures, ...second.signatures], handovers: [first.handover, second.handover], dutyEntries: [noShow] })
}

/** The counts of a person's row, by column heading. */
async function rowOf(page: Page, name: string): Promise<Record<string, string>> {
  const heads = await page.locator('[data-testid="attendance-table"] thead th').allInnerTexts()
  const cells = await page.locator('[data-testid="attendance-table"] tbody tr', { has: page.getByRole('rowheader', { name }) }).locator('td').allInnerTexts()
  return Object.fromEntries(heads.slice(1).map((h, i) => [h.replace(/\s+/g, ''), cells[i]!]))
}

describe('attendance of a month (篇2 4.2.7–4.2.8)', () => {
  const h = useE2eHarness()
  let context: BrowserContext
  let page: Page
  beforeAll(async () => {
    context = await h.tablet()
    page = await context.newPage()
    await page.clock.install({ time: new Date('2026-12-03T04:00:00Z') }) // 12:00 on the 3rd in Shanghai
    await firstRunSetup(page, h.server.url, '翠苑小区', STAFF)
    await loginAs(page, '张主管', '4826')
    await page.waitForURL(/\/today$/)
    await seed(page)
  })

  it('shows per person the shifts stood, the late arrival, the no-show and who was kept waiting; exports the same to Excel', async () => {
    await page.goto(`${h.server.url}/roster/attendance?month=${MONTH}`)
    await page.getByTestId('attendance-table').waitFor()
    expect(await page.locator('[data-testid="attendance-table"] caption').textContent()).toMatch(/^2026年12月 考勤\(统计至 2026-12-03 12:\d\d\)$/)
    // Shifts ended by noon on the 3rd: 1 白, 1 夜, 2 白, 2 夜 (3 白 still on).
    expect(await rowOf(page, '王管理')).toMatchObject({ '排班(班)': '21', '实际值班(班)': '1', '缺勤(班)': '1', '被记未到岗(次)': '1', '等候接班(次)': '1', '等候接班(分钟)': '6' })
    expect(await rowOf(page, '李娜')).toMatchObject({ '实际值班(班)': '2', '迟到(次)': '2', '迟到(分钟)': '24', '未排班接班(班)': '1', '缺勤(班)': '0', '等候接班(次)': '0' })
    expect(await rowOf(page, '陈静')).toMatchObject({ '实际值班(班)': '1', '未排班接班(班)': '0', '缺勤(班)': '0', '等候接班(次)': '0' })
    const events = await page.locator('.attendance__events').allInnerTexts()
    expect(events.join('\n')).toContain('12-01 夜班 迟到 21 分钟')
    expect(events.join('\n')).toContain('12-02 夜班 陈静记录其未到岗')
    expect(events.join('\n')).toContain('12-02 夜班 未排班接班')
    await expectAccessible(page, 'attendance')

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('attendance-export').click()])
    expect(file.suggestedFilename()).toBe('考勤统计-2026-12.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(fs.readFileSync(await file.path()) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('考勤')!
    expect(sheet.getRow(1).getCell(1).value).toMatch(/^翠苑小区 2026年12月 考勤统计\(统计至 2026-12-03 12:\d\d\)$/)
    const heads = (sheet.getRow(2).values as unknown[]).slice(1)
    expect(heads[0]).toBe('姓名')
    expect(heads.at(-1)).toBe('明细')
    const li = (sheet.getRow(4).values as unknown[]).slice(1)
    expect(li[0]).toBe('李娜')
    expect(li[heads.indexOf('迟到 (分钟)')]).toBe(24)
    expect(String(li.at(-1))).toContain('12-01 夜班 迟到 21 分钟')
  })

  it('says when the month has no approved roster', async () => {
    await page.goto(`${h.server.url}/roster/attendance?month=2027-01`)
    await page.getByTestId('attendance-no-roster').waitFor()
    expect(await page.getByTestId('attendance-table').count()).toBe(0)
  })
})
