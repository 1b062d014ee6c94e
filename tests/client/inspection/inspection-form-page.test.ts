import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent, h } from 'vue'
import type { Router } from 'vue-router'
import InspectionNewPage from '@client/features/inspection/pages/InspectionNewPage.vue'
import { newId } from '@shared/domain/ids'
import { makeSite } from '@shared/domain/site'
import { defaultSettings } from '@shared/domain/settings'
import { staffCard, type Staff } from '@shared/domain/staff'
import { shiftKey } from '@shared/domain/duty-log'
import { localDate } from '@shared/domain/time'
import { checklistRows } from '@shared/domain/inspection'
import { DEFAULT_CHECKLIST } from '@shared/domain/inspection-template'
import type { Role } from '@shared/domain/role'
import { useSessionStore } from '@client/stores/session'
import type { DeskbookDb } from '@client/db/database'
import { dutyStartEntry } from '@client/db/duty/duty-log'
import { freshDb } from '../../factories/db'
import { makeShiftType, makeStaff } from '../../factories/site'
import { mountApp, until as untilPasses } from '../mount'

// happy-dom draws nothing on a canvas: the pad stands in for a signature already drawn.
vi.mock('@client/components/BaseSignaturePad.vue', () => ({
  default: defineComponent({
    props: { label: { type: String, default: '' } },
    emits: ['change'],
    setup(props, { expose }) {
      expose({ image: () => 'data:image/png;base64,iVBORw0KGgo=', clear: () => undefined })
      return () => h('canvas', { 'aria-label': props.label })
    },
  }),
}))

const SITE = newId()
let db: DeskbookDb
// A page left mounted keeps its live queries running into the next test: unmount it first.
let mounted: VueWrapper | null = null
afterEach(async () => {
  mounted?.unmount()
  mounted = null
  db.close()
  await db.delete()
})

/** A supervisor logged in on a 24-hour shift that 李娜 (assistant) started; 王芳 is also on the staff. */
async function supervisorOnShift(): Promise<{ pinia: Pinia; inspector: Staff; clerk: Staff; other: Staff }> {
  db = freshDb()
  const inspector = makeStaff({ siteId: SITE, role: 'supervisor' as Role, name: '陈主管' })
  const clerk = makeStaff({ siteId: SITE, role: 'assistant', name: '李娜' })
  const other = makeStaff({ siteId: SITE, role: 'assistant', name: '王芳' })
  const shift = makeShiftType({ siteId: SITE, start: '00:00', end: '00:00', name: '全天班' })
  await db.staff.bulkAdd([inspector, clerk, other])
  await db.shiftTypes.add(shift)
  const key = shiftKey(localDate(Date.now(), 'Asia/Shanghai'), shift.id)
  await db.dutyEntries.add(dutyStartEntry({ siteId: SITE, deviceId: newId(), staffId: clerk.id }, key, Date.now()))
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore(pinia)
  session.setSite({ site: makeSite(SITE, '翠苑小区'), settings: defaultSettings(SITE), device: { id: newId(), siteId: SITE, letter: 'A', name: '前台平板', createdAt: 0 } })
  session.signIn(staffCard(inspector), Date.now())
  return { pinia, inspector, clerk, other }
}

const until = (_wrapper: VueWrapper, check: () => void): Promise<void> => untilPasses(check)

async function openForm(pinia: Pinia): Promise<VueWrapper> {
  const { wrapper } = mountApp(InspectionNewPage, {}, db, pinia)
  mounted = wrapper
  await (wrapper.vm.$router as Router).push('/inspection/new')
  await until(wrapper, () => expect(wrapper.findAll('[data-testid="inspection-row"]').length).toBe(checklistRows({ items: [...DEFAULT_CHECKLIST] }).length))
  return wrapper
}

/** Everything passes, except a1 which fails with `fields` filled in. */
async function answer(wrapper: VueWrapper, fields: Record<string, string>): Promise<void> {
  for (const b of wrapper.findAll('button').filter((x) => x.text() === '全部符合')) await b.trigger('click')
  await wrapper.find('input[name="row-a-a1"][value="fail"]').setValue(true)
  for (const [field, value] of Object.entries(fields)) await wrapper.find(`[name="row-a-a1-${field}"]`).setValue(value)
}

describe('InspectionNewPage', () => {
  it('offers who is on duty in the shift first, then the other desk staff; the manager and the other supervisor only behind 其他人员', async () => {
    const { pinia, clerk, other } = await supervisorOnShift()
    const admin = makeStaff({ siteId: SITE, role: 'administrator', name: '王管理' })
    const manager = makeStaff({ siteId: SITE, role: 'manager', name: '孙经理' })
    const supervisor = makeStaff({ siteId: SITE, role: 'supervisor', name: '周主管' })
    await db.staff.bulkAdd([manager, supervisor, admin])
    const wrapper = await openForm(pinia)
    const names = (testid: string) => wrapper.find(`[data-testid="${testid}"]`).findAll('label').map((l) => l.text())
    await until(wrapper, () => expect(names('inspected-desk')).toHaveLength(2))
    expect(wrapper.find('[data-testid="inspected-shift"]').text()).toContain('本班值班人员')
    expect(names('inspected-shift')).toEqual([clerk.name])
    expect(names('inspected-desk').sort()).toEqual([admin.name, other.name].sort())
    expect(wrapper.find('[data-testid="inspected-others"]').exists()).toBe(false)
    expect(wrapper.find(`input[name="inspected"][value="${manager.id}"]`).exists()).toBe(false)
    const more = wrapper.find('[data-testid="inspected-show-others"]')
    expect(more.text()).toBe('其他人员(2 人)')
    await more.trigger('click')
    expect(names('inspected-others').sort()).toEqual(['周主管(客服主管)', '孙经理(物业服务中心经理)'].sort())
    expect(wrapper.find('[data-testid="inspected-show-others"]').exists()).toBe(false)
    // Chosen on purpose, the manager is inspected with the clerk on duty.
    await wrapper.find(`input[name="inspected"][value="${manager.id}"]`).setValue(true)
    expect((wrapper.find(`input[name="inspected"][value="${clerk.id}"]`).element as HTMLInputElement).checked).toBe(true)
    expect((wrapper.find(`input[name="inspected"][value="${manager.id}"]`).element as HTMLInputElement).checked).toBe(true)
  })

  it('defaults to the shift on duty and who started it, never the inspector', async () => {
    const { pinia, clerk, other, inspector } = await supervisorOnShift()
    const wrapper = await openForm(pinia)
    await until(wrapper, () => expect((wrapper.find(`input[name="inspected"][value="${clerk.id}"]`).element as HTMLInputElement).checked).toBe(true))
    expect((wrapper.find(`input[name="inspected"][value="${other.id}"]`).element as HTMLInputElement).checked).toBe(false)
    expect(wrapper.find(`input[name="inspected"][value="${inspector.id}"]`).exists()).toBe(false)
    expect(wrapper.find('select[name="inspection-shift"]').text()).toContain('全天班')
    expect(wrapper.text()).toContain('主管抽查')
  })

  it('refuses a failure without cause and measure, says so next to the row, and writes nothing', async () => {
    const { pinia } = await supervisorOnShift()
    const wrapper = await openForm(pinia)
    await answer(wrapper, { finding: '未佩戴胸卡' })
    await wrapper.find('[data-testid="inspection-form"]').trigger('submit')
    const row = () => wrapper.find('[data-row="a/a1"]')
    await until(wrapper, () => expect(row().find('[role="alert"]').text()).toContain('请填写原因分析'))
    expect(row().find('[role="alert"]').text()).toContain('请填写改进措施')
    expect(wrapper.find('[data-testid="inspection-problems"]').text()).toContain('未保存')
    // Nothing typed is lost, nothing is written.
    expect((wrapper.find('[name="row-a-a1-finding"]').element as HTMLTextAreaElement).value).toBe('未佩戴胸卡')
    expect(await db.inspections.count()).toBe(0)
    expect(await db.nonconformities.count()).toBe(0)
    expect(await db.signatures.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('saves the inspection with its nonconformity, signature and checklist version', async () => {
    const { pinia, inspector, clerk } = await supervisorOnShift()
    const wrapper = await openForm(pinia)
    await until(wrapper, () => expect((wrapper.find(`input[name="inspected"][value="${clerk.id}"]`).element as HTMLInputElement).checked).toBe(true))
    await answer(wrapper, { finding: '未佩戴胸卡', correction: '当场佩戴', cause: '胸卡遗忘在更衣室', measure: '交接班时互相检查仪容' })
    await wrapper.find('textarea[name="inspection-summary"]').setValue('总体良好')
    await wrapper.find('[data-testid="inspection-form"]').trigger('submit')
    await until(wrapper, async () => expect(await db.inspections.count()).toBe(1))
    const [inspection] = await db.inspections.toArray()
    expect(inspection).toEqual(expect.objectContaining({ siteId: SITE, kind: 'spot', inspectorId: inspector.id, inspectedIds: [clerk.id], summary: '总体良好' }))
    expect(inspection!.results).toHaveLength(checklistRows({ items: [...DEFAULT_CHECKLIST] }).length)
    expect(inspection!.results.find((r) => r.standardId === 'a1')!.result).toBe('fail')
    expect(await db.nonconformities.toArray()).toEqual([
      expect.objectContaining({ inspectionId: inspection!.id, itemCode: 'a', standardId: 'a1', staffId: clerk.id, finding: '未佩戴胸卡', correction: '当场佩戴', cause: '胸卡遗忘在更衣室', measure: '交接班时互相检查仪容' }),
    ])
    expect(await db.signatures.toArray()).toEqual([expect.objectContaining({ subjectType: 'inspection', subjectId: inspection!.id, signerStaffId: inspector.id })])
    expect((await db.inspectionTemplates.toArray()).map((t) => t.version)).toEqual([1])
    await until(wrapper, () => expect((wrapper.vm.$router as Router).currentRoute.value.fullPath).toBe(`/inspection/${inspection!.id}`))
  })
})
