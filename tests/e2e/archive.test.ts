import { beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { useE2eHarness } from '../support/e2e-harness'
import { expectAccessible } from '../support/axe'
import { firstRunSetup, loginAs } from '../support/journeys'

const HEAD = ['楼栋', '单元', '房号', '业主姓名', '性别', '联系电话', '入伙日期', '身份', '备注']

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('业主信息')
  sheet.addRow(['翠苑小区业主信息表'])
  sheet.addRow(HEAD)
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer())
}

async function importFile(page: Page, baseUrl: string, name: string, buffer: Buffer): Promise<void> {
  await page.goto(`${baseUrl}/archive/import`)
  await page.getByRole('heading', { name: '导入业主信息表' }).waitFor()
  await page.locator('input[name="archive-import-file"]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer })
  await page.getByTestId('archive-import-columns').waitFor()
}

describe('customer archive', () => {
  const h = useE2eHarness()
  let page: Page
  beforeAll(async () => {
    const context = await h.tablet()
    page = await context.newPage()
    await firstRunSetup(page, h.server.url, '翠苑小区')
    await loginAs(page, '王管理', '2580')
    await page.waitForURL(/\/today$/)
  })

  it('imports a sheet, shows the room with its residents, and finds a resident by phone', async () => {
    await importFile(
      page,
      h.server.url,
      '业主信息.xlsx',
      await xlsx([
        ['3栋', '2单元', 1101, '王建国', '男', 13800138000, new Date(Date.UTC(2019, 5, 1)), '业主', ''],
        ['3栋', '2单元', 1101, '李秀英', '女', '139-0013-9000', '', '家属', ''],
        ['3栋', '2单元', 1102, '欧阳娜娜', '女', '0571-88886666', '2020/5/1', '租户', '=合同到期 2025-06'],
      ]),
    )
    expect(await page.getByLabel('第 F 列“联系电话”的内容').inputValue()).toBe('phones')
    await page.getByRole('button', { name: '检查数据' }).click()
    await expect.poll(() => page.getByTestId('archive-import-summary').textContent()).toContain('将新增 2 户房屋、3 位住户')
    await page.getByRole('button', { name: '开始导入' }).click()
    await expect.poll(() => page.getByTestId('archive-import-done').textContent()).toContain('新增 2 户房屋、3 位住户')

    await page.getByRole('button', { name: '查看客户档案' }).click()
    await page.waitForURL(/\/archive$/)
    await page.getByLabel('查找房号、姓名或电话').fill('0571 8888')
    await page.getByTestId('archive-hits').getByText('欧阳娜娜').waitFor()
    expect(await page.getByTestId('archive-hits').textContent()).not.toContain('王建国')
    await page.getByTestId('archive-hits').getByRole('link').first().click()
    await page.waitForURL(/\/archive\/rooms\/[0-9a-f-]+$/)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('3-2-1102')
    await page.getByTestId('archive-customers').waitFor()
    await expectAccessible(page, 'archive: a room')
    const residents = (await page.getByTestId('archive-customers').textContent()) ?? ''
    expect(residents).toContain('称呼:欧阳女士,您好')
    expect(residents).toContain('0571-8888 6666')
    expect(residents).toContain('=合同到期 2025-06')

    // The room typed as the desk says it finds the owner first.
    await page.getByRole('button', { name: '返回客户档案' }).click()
    await page.getByLabel('查找房号、姓名或电话').fill('3栋2单元1101')
    await expect.poll(async () => (await page.getByTestId('archive-hits').locator('li').allTextContents()).map((s) => s.slice(0, 20))).toEqual([
      expect.stringContaining('王建国'),
      expect.stringContaining('李秀英'),
    ])
  })

  it('lists each bad cell and writes nothing until the sheet is right', async () => {
    await importFile(page, h.server.url, '有错.xlsx', await xlsx([['5栋', '1单元', 101, '赵磊', '男', 1380013800, '2019-02-30', '业主', '']]))
    await page.getByRole('button', { name: '检查数据' }).click()
    const problems = page.getByTestId('archive-import-problems')
    await problems.waitFor()
    expect(await problems.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('手机号码应为 1 开头的 11 位数字'),
      expect.stringContaining('不是有效日期'),
    ])
    expect(await problems.locator('tbody tr').first().textContent()).toContain('3F 列(联系电话)1380013800')
    expect(await page.getByRole('button', { name: '开始导入' }).count()).toBe(0)
    await page.goto(`${h.server.url}/archive`)
    await page.getByLabel('查找房号、姓名或电话').fill('赵磊')
    await page.getByText('没有找到“赵磊”').waitFor()
  })

  it('lists a repeated row with both row numbers; the clerk imports the good rows, skips the listed ones and downloads them with 原因 to correct', async () => {
    await importFile(
      page,
      h.server.url,
      '新业主.xlsx',
      await xlsx([
        ['6栋', '1单元', 101, '孙丽', '女', 13600136000, '', '业主', ''],
        ['6栋', '1单元', 102, '周强', '男', 1360013600, '', '业主', ''],
        ['6栋', '1单元', 101, '孙丽', '', 13600136001, '', '', '第二个电话'],
        ['6栋', '1单元', 103, '吴敏', '女', '', '', '租户', ''],
      ]),
    )
    await page.getByRole('button', { name: '检查数据' }).click()
    const problems = page.getByTestId('archive-import-problems')
    await problems.waitFor()
    expect(await problems.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('手机号码应为 1 开头的 11 位数字'),
      expect.stringContaining('与第 3 行重复(同一房屋、同一人)'),
    ])
    expect(await problems.locator('tbody tr').nth(1).locator('td').first().textContent()).toBe('5')
    const skip = page.getByTestId('archive-import-skip')
    await expectAccessible(page, 'archive import: problems found')
    expect(await skip.textContent()).toContain('导入 2 行,跳过 2 行')
    await skip.click()
    const done = page.getByTestId('archive-import-done')
    await expect.poll(() => done.textContent()).toContain('新增 2 户房屋、2 位住户')
    expect(await page.getByTestId('archive-import-skipped').textContent()).toContain('已跳过 2 行')

    const [download] = await Promise.all([page.waitForEvent('download'), done.getByRole('button', { name: '下载有问题的 2 行(Excel)' }).click()])
    expect(download.suggestedFilename()).toBe('新业主-未导入的行.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(await download.path())
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? '')))
    expect(rows).toEqual([
      [...HEAD, '原因'],
      ['6栋', '1单元', '102', '周强', '男', '1360013600', '', '业主', '', '原表第 4 行:F 列(联系电话):手机号码应为 1 开头的 11 位数字'],
      ['6栋', '1单元', '101', '孙丽', '', '13600136001', '', '', '第二个电话', '原表第 5 行:D 列(业主姓名):与第 3 行重复(同一房屋、同一人),请合并为一行'],
    ])

    await page.goto(`${h.server.url}/archive`)
    await page.getByLabel('查找房号、姓名或电话').fill('6-1-101')
    await page.getByTestId('archive-hits').getByText('孙丽').waitFor()
    await page.getByLabel('查找房号、姓名或电话').fill('周强')
    await page.getByText('没有找到“周强”').waitFor()
  })

  it('imports 10,000 rows in the browser with progress (timings printed)', async () => {
    const rows: (string | number | Date | null)[][] = []
    for (let i = 0; i < 10_000; i++) rows.push([`${10 + Math.floor(i / 400)}栋`, `${1 + (Math.floor(i / 100) % 4)}单元`, 101 + (i % 100), `业主${i}`, i % 2 ? '女' : '男', 15000000000 + i, '', '', ''])
    const buffer = await xlsx(rows)
    const t0 = Date.now()
    await importFile(page, h.server.url, '全部业主.xlsx', buffer)
    const t1 = Date.now()
    await page.getByRole('button', { name: '检查数据' }).click()
    await page.getByTestId('archive-import-summary').waitFor({ timeout: 60_000 })
    const t2 = Date.now()
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.getByRole('progressbar').waitFor()
    await page.getByTestId('archive-import-done').waitFor({ timeout: 120_000 })
    const t3 = Date.now()
    console.log(`Chromium, 10,000-row XLSX (${(buffer.byteLength / 1024).toFixed(0)} KB): read ${t1 - t0} ms, check ${t2 - t1} ms, write 20,000 records + outbox in one transaction ${t3 - t2} ms`)
    expect(await page.getByTestId('archive-import-done').textContent()).toContain('新增 10000 户房屋、10000 位住户')
    await page.goto(`${h.server.url}/archive`)
    await page.getByLabel('查找房号、姓名或电话').fill('150 0000 9999')
    await page.getByTestId('archive-hits').getByText('业主9999').waitFor()
  })

  it('fills the register form from the archive and greets the owner by surname; the room page then shows the request', async () => {
    // The sheet of the first test is in the archive: 3-2-1101 王建国 (男) 13800138000.
    await page.goto(`${h.server.url}/register/new`)
    await page.getByLabel('联系电话').fill('1380013')
    const hits = page.getByTestId('archive-hits')
    await expect.poll(() => hits.textContent()).toContain('王建国')
    expect(await hits.textContent()).toContain('王先生,您好')
    await hits.getByRole('button', { name: '使用此业主' }).first().click()
    expect(await page.getByLabel('房号').inputValue()).toBe('3-2-1101')
    expect(await page.getByLabel('业主姓名').inputValue()).toBe('王建国')
    await expect.poll(() => page.getByTestId('greeting').textContent()).toContain('王先生,您好')
    await page.getByLabel('事由').fill('咨询物业费缴纳方式')
    await page.getByText('咨询', { exact: true }).click()
    await page.getByRole('button', { name: '登记', exact: true }).click()
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/)
    const ref = (await page.locator('h1').textContent())!.trim()
    await page.goto(`${h.server.url}/archive`)
    await page.getByLabel('查找房号、姓名或电话').fill('3-2-1101')
    await page.getByTestId('archive-hits').getByRole('link').first().click()
    await page.waitForURL(/\/archive\/rooms\/[0-9a-f-]+$/)
    await expect.poll(() => page.locator('main').textContent()).toContain(ref)
  })
})
