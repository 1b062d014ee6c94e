import { afterEach, describe, expect, it } from 'vitest'
import { type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Router } from 'vue-router'
import InspectionChecklistPage from '@client/features/inspection/pages/InspectionChecklistPage.vue'
import { newId } from '@shared/domain/ids'
import { makeSite } from '@shared/domain/site'
import { defaultSettings } from '@shared/domain/settings'
import { staffCard, type Staff } from '@shared/domain/staff'
import { DEFAULT_CHECKLIST } from '@shared/domain/inspection-template'
import type { Role } from '@shared/domain/role'
import { useSessionStore } from '@client/stores/session'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { makeTemplate } from '../../factories/inspection'
import { mountApp, until as untilPasses } from '../mount'

const SITE = newId()
let db: DeskbookDb
let wrapper: VueWrapper | null = null
afterEach(async () => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  db.close()
  await db.delete()
})

/** A set-up tablet with a `role` logged in. */
async function signedIn(role: Role): Promise<{ pinia: Pinia; staff: Staff }> {
  db = freshDb()
  const staff = makeStaff({ siteId: SITE, role, name: role === 'supervisor' ? '陈主管' : '李娜' })
  await db.staff.add(staff)
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore(pinia)
  session.setSite({ site: makeSite(SITE, '翠苑小区'), settings: defaultSettings(SITE), device: { id: newId(), siteId: SITE, letter: 'A', name: '前台平板', createdAt: 0 } })
  session.signIn(staffCard(staff), Date.now())
  return { pinia, staff }
}

async function until(w: VueWrapper, check: () => void | Promise<void>): Promise<void> {
  await untilPasses(async () => {
    await check()
  })
}

async function openPage(pinia: Pinia): Promise<VueWrapper> {
  wrapper = mountApp(InspectionChecklistPage, {}, db, pinia).wrapper
  await (wrapper.vm.$router as Router).push('/inspection/checklist')
  await until(wrapper, () => expect(wrapper!.find('[data-testid="checklist-version"]').exists()).toBe(true))
  return wrapper
}

const items = (w: VueWrapper) => w.findAll('[data-testid="checklist-item"]')
const button = (w: VueWrapper, text: string) => w.findAll('button').find((b) => b.text() === text)

/** Add a standard under the first item (a) and type its text. */
async function addStandardToA(w: VueWrapper, text: string): Promise<void> {
  await items(w)[0]!.findAll('button').find((b) => b.text() === '添加标准')!.trigger('click')
  const inputs = items(w)[0]!.findAll('input[name^="standard-0-"]')
  await inputs.at(-1)!.setValue(text)
}

describe('InspectionChecklistPage', () => {
  it('saves the regulations’ checklist with a new standard under a as version 1, with its outbox entry', async () => {
    const { pinia, staff } = await signedIn('supervisor')
    const w = await openPage(pinia)
    expect(w.find('[data-testid="checklist-version"]').text()).toBe('尚未修改:使用规程原文(篇2 4.4.1)')
    await until(w, () => expect(items(w)).toHaveLength(DEFAULT_CHECKLIST.length))
    expect(button(w, '保存为新版本')!.attributes('disabled')).toBeDefined()

    await addStandardToA(w, '交接班前整理仪容')
    expect(button(w, '保存为新版本')!.attributes('disabled')).toBeUndefined()
    await w.find('[data-testid="checklist-form"]').trigger('submit')
    await until(w, async () => expect(await db.inspectionTemplates.count()).toBe(1))

    const [saved] = await db.inspectionTemplates.toArray()
    expect(saved).toEqual(expect.objectContaining({ siteId: SITE, version: 1, staffId: staff.id }))
    expect(saved!.items.map((i) => i.code)).toEqual(DEFAULT_CHECKLIST.map((i) => i.code))
    const a = saved!.items[0]!
    expect(a.standards).toHaveLength(DEFAULT_CHECKLIST[0]!.standards.length + 1)
    expect(a.standards.at(-1)!.text).toBe('交接班前整理仪容')
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ table: 'inspectionTemplates', name: 'inspectionTemplate.add', recordId: saved!.id, siteId: SITE, staffId: staff.id }),
    ])
    await until(w, () => expect(w.find('[data-testid="checklist-version"]').text()).toBe('当前为第 1 版'))
    await until(w, () => expect(document.body.textContent).toContain('已保存为第 1 版'))
  })

  it('saves the next version after a saved one; the old version stays as it was', async () => {
    const { pinia, staff } = await signedIn('supervisor')
    const first = makeTemplate({ siteId: SITE, version: 1 })
    await db.inspectionTemplates.add(first)
    const w = await openPage(pinia)
    expect(w.find('[data-testid="checklist-version"]').text()).toBe('当前为第 1 版')
    await until(w, () => expect(items(w)).toHaveLength(2))
    expect((items(w)[0]!.find('input[name="item-title-0"]').element as HTMLInputElement).value).toBe('仪容仪表')

    await addStandardToA(w, '佩戴胸卡')
    await w.find('[data-testid="checklist-form"]').trigger('submit')
    await until(w, async () => expect(await db.inspectionTemplates.count()).toBe(2))

    const next = (await db.inspectionTemplates.toArray()).find((t) => t.id !== first.id)!
    expect(next).toEqual(expect.objectContaining({ siteId: SITE, version: 2, staffId: staff.id }))
    expect(next.items[0]!.standards.map((s) => s.text)).toEqual(['按规定着工装', '站立服务', '佩戴胸卡'])
    expect(next.items[1]).toEqual({ code: 'j', title: '其它临时性事项', standards: [] })
    expect(await db.inspectionTemplates.get(first.id)).toEqual(first)
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ table: 'inspectionTemplates', name: 'inspectionTemplate.add', recordId: next.id })])
    await until(w, () => expect(w.find('[data-testid="checklist-version"]').text()).toBe('当前为第 2 版'))
  })

  it('refuses an item without a title, says so in Chinese next to it, and writes nothing', async () => {
    const { pinia } = await signedIn('supervisor')
    await db.inspectionTemplates.add(makeTemplate({ siteId: SITE, version: 1 }))
    const w = await openPage(pinia)
    await until(w, () => expect(items(w)).toHaveLength(2))

    await button(w, '添加项目')!.trigger('click')
    expect(items(w)).toHaveLength(3)
    // The next free code is proposed; the title is left empty.
    expect((w.find('input[name="item-code-2"]').element as HTMLInputElement).value).toBe('b')
    await w.find('[data-testid="checklist-form"]').trigger('submit')
    await until(w, () => expect(items(w)[2]!.find('[role="alert"]').text()).toBe('请填写项目名称'))
    expect(items(w)[0]!.find('[role="alert"]').exists()).toBe(false)

    expect(await db.inspectionTemplates.count()).toBe(1)
    expect(await db.outbox.count()).toBe(0)
    expect(w.find('[data-testid="checklist-version"]').text()).toBe('当前为第 1 版')
  })

  it('shows an assistant the checklist read-only, without a save button', async () => {
    const { pinia } = await signedIn('assistant')
    await db.inspectionTemplates.add(makeTemplate({ siteId: SITE, version: 3 }))
    const w = await openPage(pinia)
    await until(w, () => expect(w.find('[data-testid="checklist-version"]').text()).toBe('当前为第 3 版'))
    await until(w, () => expect(w.findAll('h2').map((h) => h.text())).toEqual(['a. 仪容仪表', 'j. 其它临时性事项']))
    expect(w.text()).toContain('按规定着工装')
    expect(w.text()).toContain('站立服务')
    expect(w.find('[data-testid="checklist-form"]').exists()).toBe(false)
    expect(w.find('input').exists()).toBe(false)
    expect(button(w, '保存为新版本')).toBeUndefined()
    expect(button(w, '添加项目')).toBeUndefined()
  })
})
