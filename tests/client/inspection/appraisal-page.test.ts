import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Router } from 'vue-router'
import ExcelJS from 'exceljs'
import InspectionAppraisalPage from '@client/features/inspection/pages/InspectionAppraisalPage.vue'
import { saveFile } from '@client/components/save-file'
import { appraisalCodes, trendOf } from '@client/features/inspection/appraisal/appraisal-table'
import { newId } from '@shared/domain/ids'
import type { Nonconformity } from '@shared/domain/inspection'
import { makeSite } from '@shared/domain/site'
import { defaultSettings } from '@shared/domain/settings'
import { staffCard, type Staff } from '@shared/domain/staff'
import { instantAt } from '@shared/domain/time'
import type { Role } from '@shared/domain/role'
import { useSessionStore } from '@client/stores/session'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { mountApp, until as untilPasses } from '../mount'

vi.mock('@client/components/save-file', () => ({ saveFile: vi.fn() }))

const SITE = newId()
const TZ = 'Asia/Shanghai'
let db: DeskbookDb
afterEach(async () => {
  vi.mocked(saveFile).mockClear()
  db.close()
  await db.delete()
})

const person = (name: string, role: Role, active = true): Staff => makeStaff({ siteId: SITE, name, role, active })
const supervisor = person('张主管', 'supervisor')
const lina = person('李娜', 'assistant')
const wang = person('王管理', 'administrator')
const fang = person('周芳', 'assistant')
const gone = person('陈旧', 'assistant', false)
const goneQuiet = person('刘走', 'assistant', false)

function nc(staff: Staff, itemCode: string, date: string, hhmm = '10:00'): Nonconformity {
  const at = instantAt(date, hhmm, TZ)
  return { id: newId(), siteId: SITE, inspectionId: newId(), itemCode, standardId: '', staffId: staff.id, finding: '不合格', correction: '', cause: '原因', measure: '措施', dueDate: date, at, createdAt: at }
}

/** A set-up tablet with `who` logged in, the site's staff and their nonconformities in the database. */
async function signedIn(who: Staff): Promise<Pinia> {
  db = freshDb()
  await db.staff.bulkAdd([supervisor, lina, wang, fang, gone, goneQuiet])
  await db.nonconformities.bulkAdd([
    nc(lina, 'a', '2026-11-03'),
    nc(lina, 'a', '2026-11-20'),
    nc(lina, 'd', '2026-11-30', '23:30'), // still November in Shanghai, December in UTC
    nc(lina, 'a', '2026-10-10'),
    nc(wang, 'e', '2026-11-12'),
    nc(wang, 'e', '2026-08-05'),
    nc(wang, 'b', '2026-09-05'),
    nc(wang, 'c', '2026-10-05'),
    nc(wang, 'c', '2026-10-06'),
    nc(gone, 'h', '2026-09-15'),
    nc(lina, 'a', '2026-12-01'), // next month: not counted
    nc(fang, 'b', '2026-07-31'), // before the three months: not counted
    { ...nc(lina, 'a', '2026-11-05'), siteId: newId() }, // another site
  ])
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore(pinia)
  session.setSite({ site: makeSite(SITE, '翠苑小区'), settings: defaultSettings(SITE), device: { id: newId(), siteId: SITE, letter: 'A', name: '前台平板', createdAt: 0 } })
  session.signIn(staffCard(who), Date.now())
  return pinia
}

async function openAt(pinia: Pinia, path: string): Promise<VueWrapper> {
  const { wrapper } = mountApp(InspectionAppraisalPage, {}, db, pinia)
  await (wrapper.vm.$router as Router).push(path)
  await flushPromises()
  return wrapper
}

async function until(wrapper: VueWrapper, check: () => void): Promise<void> {
  await untilPasses(async () => {
    check()
  })
}

const rowOf = (wrapper: VueWrapper, staff: Staff): string[] => wrapper.find(`tr[data-staff="${staff.id}"]`).findAll('th, td').map((c) => c.text())

describe('InspectionAppraisalPage', () => {
  it('sums each person’s nonconformities of the month by item a–j, with the three months before and the trend', async () => {
    const wrapper = await openAt(await signedIn(supervisor), '/inspection/appraisal?month=2026-11')
    await until(wrapper, () => expect(wrapper.find('[data-testid="appraisal-table"]').exists()).toBe(true))
    await until(wrapper, () => expect(wrapper.findAll('tbody tr')).toHaveLength(4))
    const head = wrapper.findAll('thead th').map((c) => c.text())
    expect(head).toEqual(['姓名', '岗位', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', '合计', '2026-08', '2026-09', '2026-10', '趋势'])
    expect(wrapper.find('caption').text()).toContain('2026-11')
    // Most first: 李娜 3 (a 2, d 1), 1 in October → more than the average before.
    expect(wrapper.findAll('tbody tr').map((r) => r.find('th').text())).toEqual(['李娜', '王管理', '陈旧', '周芳'])
    expect(rowOf(wrapper, lina)).toEqual(['李娜', '客服助理', '2', '0', '0', '1', '0', '0', '0', '0', '0', '0', '3', '0', '0', '1', '↑'])
    // 王管理: 1 this month against 1, 1, 2 before → fewer than their average.
    expect(rowOf(wrapper, wang)).toEqual(['王管理', '客服管理员', '0', '0', '0', '0', '1', '0', '0', '0', '0', '0', '1', '1', '1', '2', '↓'])
    // Inactive, but found in September: still appraised; the inactive one with nothing is not listed.
    expect(rowOf(wrapper, gone).slice(-5)).toEqual(['0', '0', '1', '0', '↓'])
    expect(rowOf(wrapper, fang).slice(-5)).toEqual(['0', '0', '0', '0', '→'])
    expect(wrapper.text()).not.toContain('刘走')
    expect(wrapper.text()).not.toContain('张主管')
    expect(wrapper.find(`tr[data-staff="${lina.id}"] td:last-child`).attributes('aria-label')).toBe('多于前三个月平均')
  })

  it('moves to another month from the month field', async () => {
    const wrapper = await openAt(await signedIn(supervisor), '/inspection/appraisal?month=2026-11')
    await until(wrapper, () => expect(wrapper.findAll('tbody tr')).toHaveLength(4))
    await wrapper.find('input[name="appraisal-month"]').setValue('2026-10')
    await until(wrapper, () => expect(wrapper.find('caption').text()).toContain('2026-10'))
    await until(wrapper, () => expect(rowOf(wrapper, wang).slice(2, 13)).toEqual(['0', '0', '2', '0', '0', '0', '0', '0', '0', '0', '2']))
    expect((wrapper.vm.$router as Router).currentRoute.value.query.month).toBe('2026-10')
    expect(wrapper.findAll('thead th').map((c) => c.text()).slice(13, 16)).toEqual(['2026-07', '2026-08', '2026-09'])
  })

  it('exports the same table to an XLSX file with a title row, Chinese headers and numbers', async () => {
    const wrapper = await openAt(await signedIn(wang), '/inspection/appraisal?month=2026-11')
    await until(wrapper, () => expect(wrapper.findAll('tbody tr')).toHaveLength(4))
    await wrapper.find('[data-testid="appraisal-export"]').trigger('click')
    await until(wrapper, () => expect(saveFile).toHaveBeenCalledOnce())
    const [bytes, name, type] = vi.mocked(saveFile).mock.calls[0]!
    expect(name).toBe('质量检查考核_2026-11.xlsx')
    expect(type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const sheet = book.getWorksheet('考核汇总')!
    expect(sheet.getRow(1).getCell(1).value).toBe('翠苑小区 质量检查不合格项汇总 2026-11')
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['姓名', '岗位', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', '合计', '2026-08', '2026-09', '2026-10', '趋势'])
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['李娜', '客服助理', 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 1, '↑'])
    expect(sheet.rowCount).toBe(6)
  })

  it('writes a name that looks like a formula as text: a string cell, never a formula, no apostrophe (issue 10 point 16)', async () => {
    const pinia = await signedIn(supervisor)
    await db.staff.put({ ...lina, name: '=HYPERLINK("x")' })
    const wrapper = await openAt(pinia, '/inspection/appraisal?month=2026-11')
    await until(wrapper, () => expect(wrapper.findAll('tbody tr')).toHaveLength(4))
    await wrapper.find('[data-testid="appraisal-export"]').trigger('click')
    await until(wrapper, () => expect(saveFile).toHaveBeenCalledOnce())
    const book = new ExcelJS.Workbook()
    const bytes = vi.mocked(saveFile).mock.calls[0]![0]
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const cell = book.getWorksheet('考核汇总')!.getRow(3).getCell(1)
    expect(cell.type).toBe(ExcelJS.ValueType.String)
    expect(cell.value).toBe('=HYPERLINK("x")')
    expect(cell.formula).toBeUndefined()
  })

  it('tells an assistant the appraisal is not theirs to see', async () => {
    const wrapper = await openAt(await signedIn(lina), '/inspection/appraisal?month=2026-11')
    expect(wrapper.find('[role="alert"]').text()).toContain('只有客服主管、客服管理员和经理可以查看考核汇总')
    expect(wrapper.find('[data-testid="appraisal-table"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="appraisal-export"]').exists()).toBe(false)
  })
})

describe('appraisal table helpers', () => {
  it.each([
    [3, [0, 0, 1], 'up'],
    [1, [1, 1, 2], 'down'],
    [1, [1, 1, 1], 'flat'],
    [0, [0, 0, 0], 'flat'],
  ] as const)('total %i after %j is %s', (total, before, want) => {
    expect(trendOf({ total, before: [...before] })).toBe(want)
  })

  it('adds the codes of a site’s own checklist after a–j', () => {
    expect(appraisalCodes([{ byItem: { a: 1, k: 2 } }, { byItem: { z1: 1 } }])).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'z1'])
  })
})
