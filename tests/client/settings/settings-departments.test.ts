/**
 * Departments in settings (issue 10 point 11): added, renamed, deactivated and reactivated by whoever
 * manages the site's settings, each a `department.put` in the outbox; never deleted; a deactivated one
 * is no longer offered for new work but keeps its name where records already name it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { newId } from '@shared/domain/ids'
import type { Role } from '@shared/domain/role'
import type { Department } from '@shared/domain/department'
import { makeReception } from '../../factories/register-print'
import SettingsDepartments from '@client/features/settings/components/SettingsDepartments.vue'
import SettingsStaffEditor from '@client/features/settings/components/SettingsStaffEditor.vue'
import RegisterEventForm from '@client/features/register/components/RegisterEventForm.vue'
import type { DeskbookDb } from '@client/db/database'
import { saveDepartment } from '@client/db/site/departments'
import { RecordInvalidError } from '@client/db/errors'
import { freshDb } from '../../factories/db'
import { makeActor, makeStaff } from '../../factories/site'
import { signedIn } from '../archive/session'
import { mountApp, until } from '../mount'

const SITE = newId()
const engineering: Department = { id: newId(), siteId: SITE, name: '工程部', active: true }
const finance: Department = { id: newId(), siteId: SITE, name: '财务部', active: false }
const security: Department = { id: newId(), siteId: SITE, name: '秩序部', active: true }

let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

async function open(role: Role): Promise<VueWrapper> {
  db = freshDb()
  await db.departments.bulkAdd([engineering, finance, security])
  const { wrapper } = mountApp(SettingsDepartments, {}, db, signedIn(role, SITE))
  await until(() => expect(rows(wrapper)).toHaveLength(3))
  return wrapper
}

const rows = (wrapper: VueWrapper) => wrapper.findAll('[data-row]')
const row = (wrapper: VueWrapper, name: string) => wrapper.find(`[data-row="${name}"]`)
const button = (wrapper: VueWrapper, text: string) => wrapper.findAll('button').find((b) => b.text() === text)
const editor = (wrapper: VueWrapper) => wrapper.find('[data-testid="department-editor"]')
const outbox = async () => (await db.outbox.toArray()).map((m) => ({ name: m.name, recordId: m.recordId, fields: m.fields }))

async function edit(wrapper: VueWrapper, name: string, change: { name?: string; active?: boolean }, saved = true): Promise<void> {
  await until(() => expect(editor(wrapper).exists()).toBe(false))
  await row(wrapper, name).trigger('click')
  await until(() => expect(editor(wrapper).exists()).toBe(true))
  if (change.name !== undefined) await editor(wrapper).find('input[name="department-name"]').setValue(change.name)
  if (change.active !== undefined) await editor(wrapper).find('input[name="department-active"]').setValue(change.active)
  await editor(wrapper).trigger('submit')
  await flushPromises()
  if (saved) await until(() => expect(editor(wrapper).exists()).toBe(false))
}

describe('SettingsDepartments', () => {
  it('lists active departments first and marks the deactivated ones', async () => {
    const wrapper = await open('administrator')
    expect(wrapper.text()).toContain('责任部门')
    expect(rows(wrapper).map((r) => r.text())).toEqual(['工程部', '秩序部', '财务部已停用'])
  })

  it('adds, renames, deactivates and reactivates, each a department.put of what changed', async () => {
    const wrapper = await open('administrator')
    await button(wrapper, '添加部门')!.trigger('click')
    await until(() => expect(editor(wrapper).exists()).toBe(true))
    await editor(wrapper).find('input[name="department-name"]').setValue(' 绿化部 ')
    await editor(wrapper).trigger('submit')
    await until(() => expect(editor(wrapper).exists()).toBe(false))
    await until(() => expect(row(wrapper, '绿化部').exists()).toBe(true))
    const added = (await db.departments.toArray()).find((d) => d.name === '绿化部')!
    expect(added).toEqual({ id: expect.any(String), siteId: SITE, name: '绿化部', active: true })

    await edit(wrapper, '工程部', { name: '工程维修部' })
    await until(() => expect(row(wrapper, '工程维修部').exists()).toBe(true))
    await edit(wrapper, '秩序部', { active: false })
    await edit(wrapper, '财务部', { active: true })
    await until(() => expect(rows(wrapper).map((r) => r.text())).toEqual(['财务部', '工程维修部', '绿化部', '秩序部已停用']))

    expect(await outbox()).toEqual([
      { name: 'department.put', recordId: added.id, fields: added },
      { name: 'department.put', recordId: engineering.id, fields: { name: '工程维修部' } },
      { name: 'department.put', recordId: security.id, fields: { active: false } },
      { name: 'department.put', recordId: finance.id, fields: { active: true } },
    ])
    // Nothing is ever deleted.
    expect(await db.departments.count()).toBe(4)
  })

  it('says in Chinese what is wrong with the name and writes nothing', async () => {
    const wrapper = await open('administrator')
    await edit(wrapper, '工程部', { name: ' 秩序部' }, false)
    expect(editor(wrapper).find('[role="alert"]').text()).toBe('已有同名的启用部门')
    await editor(wrapper).find('input[name="department-name"]').setValue('  ')
    await editor(wrapper).trigger('submit')
    await until(() => expect(editor(wrapper).find('[role="alert"]').text()).toBe('请填写部门名称'))
    // A deactivated department's name is free for a new one.
    await button(editor(wrapper) as unknown as VueWrapper, '取消')!.trigger('click')
    await until(() => expect(editor(wrapper).exists()).toBe(false))
    await button(wrapper, '添加部门')!.trigger('click')
    await until(() => expect(editor(wrapper).exists()).toBe(true))
    await editor(wrapper).find('input[name="department-name"]').setValue('财务部')
    await editor(wrapper).trigger('submit')
    await until(() => expect(editor(wrapper).exists()).toBe(false))
    expect((await outbox()).map((m) => m.fields.name)).toEqual(['财务部'])
  })

  it('keeps a half-typed department as its author’s draft: the editor opens again filled in (issue 10 point 1)', async () => {
    db = freshDb()
    await db.departments.bulkAdd([engineering, finance, security])
    const pinia = signedIn('administrator', SITE)
    const first = mountApp(SettingsDepartments, {}, db, pinia).wrapper
    await until(() => expect(rows(first)).toHaveLength(3))
    await row(first, '工程部').trigger('click')
    await until(() => expect(editor(first).exists()).toBe(true))
    await editor(first).find('input[name="department-name"]').setValue('工程维修部')
    // The screen goes (the idle lock): the list and its editor leave.
    first.unmount()
    await until(async () => expect(await db.formDrafts.count()).toBe(1))
    const again = mountApp(SettingsDepartments, {}, db, pinia).wrapper
    await until(() => expect((editor(again).find('input[name="department-name"]').element as HTMLInputElement | undefined)?.value).toBe('工程维修部'))
    expect(again.find('[data-testid="draft-restored"]').exists()).toBe(true)
    await editor(again).trigger('submit')
    await until(() => expect(editor(again).exists()).toBe(false))
    expect((await db.departments.get(engineering.id))!.name).toBe('工程维修部')
    expect(await db.formDrafts.count()).toBe(0)
    again.unmount()
  })

  it.each<Role>(['assistant', 'supervisor', 'manager', 'department'])('shows the %s the list without editing', async (role) => {
    const wrapper = await open(role)
    expect(button(wrapper, '添加部门')).toBeUndefined()
    await row(wrapper, '工程部').trigger('click')
    await flushPromises()
    expect(editor(wrapper).exists()).toBe(false)
  })
})

describe('saveDepartment', () => {
  it('refuses a role that may not manage the site’s settings, and writes nothing', async () => {
    db = freshDb()
    const actor = makeActor({ siteId: SITE })
    await expect(saveDepartment(db, actor, 'supervisor', { id: null, name: '绿化部', active: true })).rejects.toEqual(new RecordInvalidError(['notAllowed']))
    expect(await db.outbox.count()).toBe(0)
    expect(await db.departments.count()).toBe(0)
  })

  it('queues nothing when nothing changed', async () => {
    db = freshDb()
    await db.departments.add(engineering)
    await saveDepartment(db, makeActor({ siteId: SITE }), 'administrator', { id: engineering.id, name: ' 工程部 ', active: true })
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('where departments are picked', () => {
  it('offers no deactivated department for a hand-over', async () => {
    db = freshDb()
    const { wrapper } = mountApp(
      RegisterEventForm,
      { props: { type: 'handedOver', current: makeReception({ siteId: SITE }), departments: [engineering, finance, security], role: 'assistant', busy: false, problems: [] } },
      db,
      signedIn('assistant', SITE),
    )
    expect(wrapper.findAll('select[name="departmentId"] option').map((o) => o.text())).toEqual(['—', '工程部', '秩序部'])
  })

  it('offers a staff member’s own deactivated department, marked, but no other', async () => {
    db = freshDb()
    const member = makeStaff({ siteId: SITE, name: '钱会计', role: 'department', departmentId: finance.id })
    const options = (staff: typeof member | null): string[] => {
      const { wrapper } = mountApp(SettingsStaffEditor, { props: { staff, departments: [engineering, finance, security] } }, db, signedIn('administrator', SITE))
      return wrapper.findAll('select[name="staff-department"] option').map((o) => o.text())
    }
    expect(options(member)).toEqual(['—', '工程部', '财务部(已停用)', '秩序部'])
    expect(options({ ...member, departmentId: engineering.id })).toEqual(['—', '工程部', '秩序部'])
  })
})
