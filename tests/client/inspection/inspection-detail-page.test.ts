import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent, h, type Component } from 'vue'
import type { Router } from 'vue-router'
import InspectionListPage from '@client/features/inspection/pages/InspectionListPage.vue'
import InspectionDetailPage from '@client/features/inspection/pages/InspectionDetailPage.vue'
import { newId } from '@shared/domain/ids'
import { makeSite } from '@shared/domain/site'
import { defaultSettings } from '@shared/domain/settings'
import { staffCard, type Staff } from '@shared/domain/staff'
import { shiftKey } from '@shared/domain/duty-log'
import { addDays, localDate } from '@shared/domain/time'
import { checklistRows, type Inspection } from '@shared/domain/inspection'
import { DEFAULT_CHECKLIST } from '@shared/domain/inspection-template'
import { useSessionStore } from '@client/stores/session'
import type { DeskbookDb } from '@client/db/database'
import { checklistOf, saveInspection } from '@client/db/inspection/inspections'
import { freshDb } from '../../factories/db'
import { makeShiftType, makeStaff } from '../../factories/site'
import { mountApp, until as untilPasses } from '../mount'

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
const TZ = 'Asia/Shanghai'
let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

/** The supervisor inspected `inspected`; a1 failed with `inspected[0]` responsible. */
async function inspect(supervisor: Staff, inspected: Staff[], shiftTypeId: string, finding: string): Promise<Inspection> {
  const now = Date.now()
  const rows = checklistRows({ items: [...DEFAULT_CHECKLIST] })
  return saveInspection(
    db,
    { siteId: SITE, deviceId: newId(), staffId: supervisor.id },
    'supervisor',
    {
      templateId: (await checklistOf(db, SITE)).template.id,
      shiftKey: shiftKey(localDate(now, TZ), shiftTypeId),
      inspectedIds: inspected.map((s) => s.id),
      at: now,
      results: rows.map((r) => ({ itemCode: r.itemCode, standardId: r.standardId, result: r.standardId === 'a1' ? 'fail' : 'pass', note: '', photoIds: [] })),
      summary: '',
      nonconformities: [{ itemCode: 'a', standardId: 'a1', staffId: inspected[0]!.id, finding, correction: '', cause: '遗忘', measure: '互相检查', dueDate: addDays(localDate(now, TZ), 7) }],
      photos: [],
      signature: { image: 'data:image/png;base64,iVBORw0KGgo=', name: supervisor.name, signedAt: now },
    },
    TZ,
    now,
  )
}

async function seeded(): Promise<{ pinia: Pinia; clerk: Staff; mine: Inspection; theirs: Inspection }> {
  db = freshDb()
  const supervisor = makeStaff({ siteId: SITE, role: 'supervisor', name: '陈主管' })
  const clerk = makeStaff({ siteId: SITE, role: 'assistant', name: '李娜' })
  const other = makeStaff({ siteId: SITE, role: 'assistant', name: '王芳' })
  const shift = makeShiftType({ siteId: SITE, start: '00:00', end: '00:00', name: '全天班' })
  await db.staff.bulkAdd([supervisor, clerk, other])
  await db.shiftTypes.add(shift)
  const mine = await inspect(supervisor, [clerk], shift.id, '未佩戴胸卡')
  const theirs = await inspect(supervisor, [other], shift.id, '坐姿服务')
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore(pinia)
  session.setSite({ site: makeSite(SITE, '翠苑小区'), settings: defaultSettings(SITE), device: { id: newId(), siteId: SITE, letter: 'A', name: '前台平板', createdAt: 0 } })
  session.signIn(staffCard(clerk), Date.now())
  return { pinia, clerk, mine, theirs }
}

async function openAt(component: Component, pinia: Pinia, path: string): Promise<VueWrapper> {
  const { wrapper } = mountApp(component, {}, db, pinia)
  await (wrapper.vm.$router as Router).push(path)
  await flushPromises()
  return wrapper
}

async function until(wrapper: VueWrapper, check: () => void | Promise<void>): Promise<void> {
  await untilPasses(async () => {
    await check()
  })
}

describe('Inspection pages — an assistant', () => {
  it('lists only the inspection where she was inspected, with her nonconformity, and offers no inspector controls', async () => {
    const { pinia } = await seeded()
    const wrapper = await openAt(InspectionListPage, pinia, '/inspection')
    await until(wrapper, () => expect(wrapper.find('[data-testid="inspection-row"]').text()).toContain('全天班'))
    await until(wrapper, () => expect(wrapper.find('[data-testid="inspection-row"]').text()).toContain('陈主管'))
    expect(wrapper.findAll('[data-testid="inspection-row"]')).toHaveLength(1)
    const row = wrapper.find('[data-testid="inspection-row"]').text()
    expect(row).toContain('全天班')
    expect(row).toContain('主管抽查')
    expect(row).toContain('陈主管')
    expect(row).toContain('李娜')
    expect(row).not.toContain('王芳')
    const open = wrapper.find('[data-testid="open-nonconformities"]').text()
    expect(open).toContain('未佩戴胸卡')
    expect(open).not.toContain('坐姿服务')
    expect(open).toContain('待整改')
    expect(wrapper.find('[data-testid="inspection-new"]').exists()).toBe(false)
    expect(wrapper.findAll('button, a').some((b) => b.text() === '验证')).toBe(false)
  })

  it('reads her inspection, cannot verify, and responds with a comment and her signature', async () => {
    const { pinia, clerk, mine } = await seeded()
    const wrapper = await openAt(InspectionDetailPage, pinia, `/inspection/${mine.id}`)
    await until(wrapper, () => expect(wrapper.find('[data-testid="nonconformity"]').text()).toContain('未佩戴胸卡'))
    expect(wrapper.find('[data-testid="inspection-results"]').text()).toContain('按规定着工装')
    expect(wrapper.find('[data-testid="verify-form"]').exists()).toBe(false)
    // Findings are shown, never as fields she could change.
    expect(wrapper.find('[data-testid="inspection-results"] input').exists()).toBe(false)
    await wrapper.find('textarea[name="response-comment"]').setValue('已知悉,今后注意')
    await wrapper.find('[data-testid="response-form"]').trigger('submit')
    await until(wrapper, async () => expect(await db.inspectionResponses.count()).toBe(1))
    const [response] = await db.inspectionResponses.toArray()
    expect(response).toEqual(expect.objectContaining({ inspectionId: mine.id, staffId: clerk.id, comment: '已知悉,今后注意' }))
    expect(await db.signatures.get(response!.signatureId!)).toEqual(expect.objectContaining({ subjectType: 'inspectionResponse', signerStaffId: clerk.id }))
    await until(wrapper, () => expect(wrapper.find('[data-testid="inspection-responses"]').text()).toContain('已知悉,今后注意'))
    expect(await db.nonconformities.where('inspectionId').equals(mine.id).first()).toEqual(expect.objectContaining({ finding: '未佩戴胸卡' }))
  })

  it('does not show an inspection where she was not inspected', async () => {
    const { pinia, theirs } = await seeded()
    const wrapper = await openAt(InspectionDetailPage, pinia, `/inspection/${theirs.id}`)
    await until(wrapper, () => expect(wrapper.text()).toContain('找不到这条检查记录'))
    expect(wrapper.text()).not.toContain('坐姿服务')
    expect(wrapper.find('[data-testid="response-form"]').exists()).toBe(false)
  })
})

describe('Inspection pages — an inspector', () => {
  it('verifies an open nonconformity as effective, which closes it', async () => {
    const { pinia, mine } = await seeded()
    const supervisor = (await db.staff.toArray()).find((s) => s.role === 'supervisor')!
    useSessionStore(pinia).signIn(staffCard(supervisor), Date.now())
    const wrapper = await openAt(InspectionDetailPage, pinia, `/inspection/${mine.id}`)
    await until(wrapper, () => expect(wrapper.find('[data-testid="verify-form"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="response-form"]').exists()).toBe(false)
    await wrapper.find('[data-testid="verify-form"] input[value="yes"]').setValue(true)
    await wrapper.find('[data-testid="verify-form"]').trigger('submit')
    await until(wrapper, () => expect(wrapper.find('[data-testid="nonconformity"]').text()).toContain('已关闭'))
    expect(await db.verifications.toArray()).toEqual([expect.objectContaining({ staffId: supervisor.id, effective: true })])
    expect(wrapper.find('[data-testid="verify-form"]').exists()).toBe(false)
  })
})
