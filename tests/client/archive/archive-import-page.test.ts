import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import ArchiveImportPage from '@client/features/archive/pages/ArchiveImportPage.vue'
import { newId } from '@shared/domain/ids'
import type { DeskbookDb } from '@client/db/database'
import { mountApp, until as untilPasses } from '../mount'
import { signedIn } from './session'
import { csvText, utf8, xlsxBytes } from './sheets'

const HEAD = ['楼栋', '单元', '房号', '业主姓名', '性别', '联系电话', '入伙日期', '身份', '备注']

let db: DeskbookDb | undefined
afterEach(async () => {
  db?.close()
  await db?.delete()
})

async function mountAs(role: 'administrator' | 'manager' = 'administrator'): Promise<VueWrapper> {
  const mounted = mountApp(ArchiveImportPage, {}, undefined, signedIn(role, newId()))
  db = mounted.db
  await flushPromises()
  return mounted.wrapper
}

async function choose(wrapper: VueWrapper, bytes: Uint8Array, name: string): Promise<void> {
  const input = wrapper.find('input[name="archive-import-file"]')
  const file = new File([new Uint8Array(bytes)], name)
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await untilPasses(async () => {
    expect(wrapper.text()).not.toContain('正在读取')
  })
}

/** Press the button labelled `label` and wait until `testid` shows. */
async function press(wrapper: VueWrapper, label: string, testid: string): Promise<void> {
  await wrapper.findAll('button').find((b) => b.text() === label)!.trigger('click')
  await untilPasses(async () => {
    expect(wrapper.find(`[data-testid="${testid}"]`).exists()).toBe(true)
  })
}

const rowsOf = (wrapper: VueWrapper, testid: string): string[][] => wrapper.findAll(`[data-testid="${testid}"] tbody tr`).map((tr) => tr.findAll('th, td').map((c) => c.text()))

describe('ArchiveImportPage', () => {
  it('previews the sheet with columns matched from Chinese headers, then lists each bad cell in Chinese before anything is written', async () => {
    const wrapper = await mountAs()
    await choose(
      wrapper,
      await xlsxBytes([['翠苑小区业主信息表'], HEAD, ['3栋', '2单元', '1101', '王建国', '男', '13800138000', '2019-06-01', '业主', ''], ['3栋', '2单元', '1102', '李秀英', '女', '1380013800', '2019-02-30', '', '']]),
      '业主信息.xlsx',
    )
    expect(wrapper.find('[data-testid="archive-import-sheet"]').text()).toContain('业主信息.xlsx:工作表“业主信息”,共 2 行数据,第 2 行是表头')
    const selects = wrapper.findAll('[data-testid="archive-import-columns"] select')
    expect(selects.map((s) => (s.element as HTMLSelectElement).value)).toEqual(['building', 'unit', 'number', 'name', 'honorific', 'phones', 'moveInDate', 'relation', 'note'])
    expect(selects[5]!.attributes('aria-label')).toBe('第 F 列“联系电话”的内容')
    expect(rowsOf(wrapper, 'archive-import-columns')[0]!.slice(0, 5)).toEqual(['3', '3栋', '2单元', '1101', '王建国'])

    await press(wrapper, '检查数据', 'archive-import-problems')
    expect(wrapper.text()).toContain('发现 2 处问题')
    expect(rowsOf(wrapper, 'archive-import-problems')).toEqual([
      ['4', 'F 列(联系电话)', '1380013800', '手机号码应为 1 开头的 11 位数字'],
      ['4', 'G 列(入伙日期)', '2019-02-30', '不是有效日期(如 2020-05-01)'],
    ])
    expect(wrapper.findAll('button').some((b) => b.text() === '开始导入')).toBe(false)
    expect(await db!.rooms.count()).toBe(0)
  })

  it('says a file that is not a spreadsheet cannot be read', async () => {
    const wrapper = await mountAs()
    await choose(wrapper, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]), '照片.png')
    expect(wrapper.find('[data-testid="archive-import-read-error"]').text()).toBe('这个文件不是表格。请选择 Excel(.xlsx)或 CSV 文件。')
    expect(wrapper.find('[data-testid="archive-import-columns"]').exists()).toBe(false)
  })

  it('asks for the missing name column and lets the clerk point at it', async () => {
    const wrapper = await mountAs()
    await choose(wrapper, utf8(csvText([['房号', '客户', '电话'], ['3-2-1101', '王建国', '13800138000']])), '住户.csv')
    expect(wrapper.find('[data-testid="archive-import-mapping-problems"]').text()).toBe('还没有指定“姓名”在哪一列')
    const check = wrapper.findAll('button').find((b) => b.text() === '检查数据')!
    expect(check.attributes('disabled')).toBeDefined()
    await wrapper.find('select[name="archive-import-column-1"]').setValue('name')
    expect(wrapper.find('[data-testid="archive-import-mapping-problems"]').exists()).toBe(false)
    expect(check.attributes('disabled')).toBeUndefined()
  })

  it('imports a clean sheet after the check and says what was added', async () => {
    const wrapper = await mountAs()
    await choose(wrapper, utf8(csvText([HEAD, ['3', '2', '1101', '王建国', '男', '13800138000', '', '', ''], ['3', '2', '1101', '李秀英', '女', '', '', '家属', ''], ['3', '2', '1102', '赵磊', '', '', '', '租户', '']]), true), '住户.csv')
    await press(wrapper, '检查数据', 'archive-import-summary')
    expect(wrapper.find('[data-testid="archive-import-summary"]').text()).toContain('将新增 2 户房屋、3 位住户')
    await press(wrapper, '开始导入', 'archive-import-done')
    expect(wrapper.find('[data-testid="archive-import-done"]').text()).toContain('新增 2 户房屋、3 位住户')
    expect(await db!.rooms.count()).toBe(2)
    expect(await db!.customers.count()).toBe(3)
  })

  it('lists a repeated row with both row numbers, and on the clerk\'s choice imports the good rows and says how many were skipped', async () => {
    const wrapper = await mountAs()
    await choose(wrapper, utf8(csvText([HEAD, ['3', '2', '1101', '王建国', '男', '13800138000', '', '', ''], ['3', '2', '1102', '赵磊', '', '1380013', '', '', ''], ['3', '2', '1101', '王建国', '', '13900139000', '', '', ''], ['3', '2', '1103', '李秀英', '女', '', '', '', '']])), '住户.csv')
    await press(wrapper, '检查数据', 'archive-import-problems')
    expect(wrapper.text()).toContain('发现 2 处问题,涉及 2 行')
    expect(rowsOf(wrapper, 'archive-import-problems')).toEqual([
      ['3', 'F 列(联系电话)', '1380013', '手机号码应为 1 开头的 11 位数字'],
      ['4', 'D 列(业主姓名)', '王建国', '与第 2 行重复(同一房屋、同一人),请合并为一行'],
    ])
    expect(wrapper.find('[data-testid="archive-import-skip-hint"]').text()).toContain('导入没有问题的 2 行(新增 2 户房屋、2 位住户),跳过上面列出的 2 行')
    expect(await db!.customers.count()).toBe(0)
    const skip = wrapper.find('[data-testid="archive-import-skip"]')
    expect(skip.text()).toBe('导入 2 行,跳过 2 行')
    expect(wrapper.findAll('button').some((b) => b.text() === '下载有问题的 2 行(Excel)')).toBe(true)
    await press(wrapper, '导入 2 行,跳过 2 行', 'archive-import-done')
    expect(wrapper.find('[data-testid="archive-import-skipped"]').text()).toBe('已跳过 2 行有问题的数据,没有写入。请下载这些行,改正后再导入。')
    expect(wrapper.find('[data-testid="archive-import-done"]').findAll('button').some((b) => b.text() === '下载有问题的 2 行(Excel)')).toBe(true)
    expect((await db!.customers.toArray()).map((c) => [c.name, c.phones]).sort()).toEqual([
      ['李秀英', []],
      ['王建国', ['13800138000']],
    ])
  })

  it('tells a role that may not edit the archive so, with no file picker', async () => {
    const wrapper = await mountAs('manager')
    expect(wrapper.text()).toContain('您的岗位不能修改客户档案。')
    expect(wrapper.find('input[type="file"]').exists()).toBe(false)
  })
})
