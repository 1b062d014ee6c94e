/**
 * Issue 10 point 1: what a person has typed and not saved is kept on the tablet for them alone — the
 * form leaving the screen (the idle lock, a switch of user) keeps it, the same person finds the form
 * filled in again, someone else finds it empty; saving forgets it; nothing of it reaches the outbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import RegisterNewPage from '@client/features/register/pages/RegisterNewPage.vue'
import SettingsStaffEditor from '@client/features/settings/components/SettingsStaffEditor.vue'
import { newId } from '@shared/domain/ids'
import type { Staff } from '@shared/domain/staff'
import { saveResumeRoute, takeResumeRoute } from '@client/db/device/form-drafts'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { mountApp, signedIn as signedInTo, until } from '../mount'

const SITE = newId()
const signedIn = (who: Staff) => signedInTo(SITE, who)
const clerk = makeStaff({ siteId: SITE, role: 'assistant', name: '李娜' })
const other = makeStaff({ siteId: SITE, role: 'assistant', name: '王芳' })
const admin = makeStaff({ siteId: SITE, role: 'administrator', name: '王管理' })
let db: DeskbookDb
let wrapper: VueWrapper | null = null

beforeEach(async () => {
  db = freshDb()
  await db.staff.bulkAdd([clerk, other, admin])
})
afterEach(async () => {
  wrapper?.unmount()
  wrapper = null
  db.close()
  await db.delete()
})

const field = (w: VueWrapper, name: string) => w.find(`[name="${name}"]`).element as HTMLInputElement | HTMLTextAreaElement

describe('form drafts', () => {
  it('keeps a half-filled register form for its author only, and forgets it once saved', async () => {
    wrapper = mountApp(RegisterNewPage, {}, db, signedIn(clerk)).wrapper
    await wrapper.find('[name="room"]').setValue('3-1-1101')
    await wrapper.find('textarea[name="matter"]').setValue('厨房水龙头漏水')
    // The tablet locks: the page leaves the screen.
    wrapper.unmount()
    wrapper = null
    await until(async () => expect(await db.formDrafts.count()).toBe(1))
    const [row] = await db.formDrafts.toArray()
    expect(row).toMatchObject({ staffId: clerk.id, form: 'register.new', value: expect.objectContaining({ room: '3-1-1101', matter: '厨房水龙头漏水' }) })
    // A draft is never synced.
    expect(await db.outbox.count()).toBe(0)

    // Someone else logs in and opens the form: empty, no notice.
    wrapper = mountApp(RegisterNewPage, {}, db, signedIn(other)).wrapper
    await flushPromises()
    expect(field(wrapper, 'matter').value).toBe('')
    expect(wrapper.find('[data-testid="draft-restored"]').exists()).toBe(false)
    wrapper.unmount()

    // The clerk comes back: the form as she left it, and a word that it was restored.
    wrapper = mountApp(RegisterNewPage, {}, db, signedIn(clerk)).wrapper
    const w = wrapper
    await until(() => expect(field(w, 'matter').value).toBe('厨房水龙头漏水'))
    expect(field(w, 'room').value).toBe('3-1-1101')
    expect(w.find('[data-testid="draft-restored"]').text()).toContain('已恢复您上次未保存的内容')

    await w.find('form').trigger('submit')
    await until(async () => expect(await db.receptions.count()).toBe(1))
    await until(async () => expect(await db.formDrafts.count()).toBe(0))
  })

  it('清空重填 empties the form and forgets the draft', async () => {
    await db.formDrafts.put({ id: `${clerk.id}|register.new`, staffId: clerk.id, form: 'register.new', value: { matter: '电梯异响', room: '5-2-301' }, updatedAt: 1 })
    wrapper = mountApp(RegisterNewPage, {}, db, signedIn(clerk)).wrapper
    const w = wrapper
    await until(() => expect(field(w, 'matter').value).toBe('电梯异响'))
    await w.find('[data-testid="draft-restored"] button').trigger('click')
    await until(async () => expect(await db.formDrafts.count()).toBe(0))
    expect(field(w, 'matter').value).toBe('')
    expect(w.find('[data-testid="draft-restored"]').exists()).toBe(false)
  })

  it('never keeps a PIN typed in the staff editor', async () => {
    wrapper = mountApp(SettingsStaffEditor, { props: { staff: null, departments: [] } }, db, signedIn(admin)).wrapper
    await wrapper.find('[name="staff-name"]').setValue('赵敏')
    await wrapper.find('[name="staff-pin"]').setValue('4826')
    wrapper.unmount()
    wrapper = null
    await until(async () => expect(await db.formDrafts.count()).toBe(1))
    const [row] = await db.formDrafts.toArray()
    expect(row!.value).toMatchObject({ name: '赵敏' })
    expect(JSON.stringify(row!.value)).not.toContain('4826')
  })
})

describe('the page to return to after the lock', () => {
  it('is given once, to the person it was kept for', async () => {
    await saveResumeRoute(db, clerk.id, '/register/new')
    expect(await takeResumeRoute(db, other.id)).toBeNull()
    expect(await takeResumeRoute(db, clerk.id)).toBe('/register/new')
    expect(await takeResumeRoute(db, clerk.id)).toBeNull()
  })
})
