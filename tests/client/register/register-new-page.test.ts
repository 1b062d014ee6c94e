import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import RegisterNewPage from '@client/features/register/pages/RegisterNewPage.vue'
import { soleResident } from '@client/features/register/composables/useRoomAutofill'
import type { DeskbookDb } from '@client/db/database'
import { newId } from '@shared/domain/ids'
import { freshDb } from '../../factories/db'
import { makeCustomer, makeRoom } from '../../factories/archive'
import { mountApp, until as untilPasses } from '../mount'
import { signedIn } from '../archive/session'

const SITE = newId()
const sole = makeRoom({ siteId: SITE, building: '3', unit: '1', number: '1101' })
const shared = makeRoom({ siteId: SITE, building: '3', unit: '1', number: '1102' })
const chen = makeCustomer({ siteId: SITE, roomId: sole.id, name: '陈静', honorific: 'ms', phones: ['13900001111'] })
const former = makeCustomer({ siteId: SITE, roomId: sole.id, name: '李老', honorific: 'mr', phones: ['13700000000'], active: false })
const wang = makeCustomer({ siteId: SITE, roomId: shared.id, name: '王建国', honorific: 'mr', phones: ['13800138000'] })
const wife = makeCustomer({ siteId: SITE, roomId: shared.id, name: '刘芳', honorific: 'ms', relation: 'family', phones: ['13800138001'] })

let db: DeskbookDb
let wrapper: VueWrapper
beforeEach(async () => {
  db = freshDb()
  await db.rooms.bulkAdd([sole, shared])
  await db.customers.bulkAdd([chen, former, wang, wife])
  wrapper = mountApp(RegisterNewPage, {}, db, signedIn('assistant', SITE)).wrapper
})
afterEach(async () => {
  wrapper.unmount()
  db.close()
  await db.delete()
})

const field = (name: string): HTMLInputElement => wrapper.find(`input[name="${name}"]`).element as HTMLInputElement
const honorific = (): string => (wrapper.findAll('input[name="honorific"]').map((w) => w.element as HTMLInputElement).find((i) => i.checked)?.value ?? '')
const type = async (name: string, value: string): Promise<void> => {
  await wrapper.find(`input[name="${name}"]`).setValue(value)
}
/** The lookup is debounced (150 ms) and reads IndexedDB: wait for what it leads to. */
const until = (check: () => void): Promise<void> =>
  untilPasses(async () => {
    check()
  })

describe('RegisterNewPage: a room typed in full with one resident fills the form at once', () => {
  it('fills name, honorific and phone without a tap, says so, and greets the owner', async () => {
    await type('room', '3-1-1101')
    await until(() => expect(field('customerName').value).toBe('陈静'))
    expect(honorific()).toBe('ms')
    expect(field('phone').value).toBe('13900001111')
    expect(wrapper.find('[data-testid="archive-filled"]').text()).toContain('已按客户档案填入 3-1-1101 的住户 陈静')
    expect(wrapper.find('[data-testid="greeting"]').text()).toContain('陈女士,您好')
  })

  it('finds the room however it is typed (3栋1单元1101)', async () => {
    await type('room', '3栋1单元1101')
    await until(() => expect(field('customerName').value).toBe('陈静'))
  })

  it('keeps what the clerk already typed in those fields', async () => {
    await type('customerName', '陈女士')
    await type('room', '3-1-1101')
    await until(() => expect(field('phone').value).toBe('13900001111'))
    expect(field('customerName').value).toBe('陈女士')
  })

  it('leaves a room with two residents, or a room typed in part, to the clerk’s choice', async () => {
    await type('room', '3-1-1102')
    await until(() => expect(wrapper.find('[data-testid="archive-hits"]').text()).toContain('刘芳'))
    expect(field('customerName').value).toBe('')
    await type('room', '3-1-110')
    await until(() => expect(wrapper.find('[data-testid="archive-hits"]').text()).toContain('陈静'))
    expect(field('customerName').value).toBe('')
    expect(wrapper.find('[data-testid="archive-filled"]').exists()).toBe(false)
  })

  it('stays changeable: another room takes back what was filled and not edited since', async () => {
    await type('room', '3-1-1101')
    await until(() => expect(field('phone').value).toBe('13900001111'))
    await type('phone', '13900002222')
    await type('room', '3-1-1102')
    await until(() => expect(wrapper.find('[data-testid="archive-filled"]').exists()).toBe(false))
    expect(field('customerName').value).toBe('')
    expect(honorific()).toBe('none')
    expect(field('phone').value).toBe('13900002222')
  })

  it('undoes the filling on request, and does not fill the same room again', async () => {
    await type('room', '3-1-1101')
    await until(() => expect(field('customerName').value).toBe('陈静'))
    await wrapper.find('[data-testid="archive-filled"] button').trigger('click')
    await until(() => expect(wrapper.find('[data-testid="archive-hits"]').text()).toContain('陈静'))
    expect(field('customerName').value).toBe('')
    expect(field('phone').value).toBe('')
    await new Promise((r) => setTimeout(r, 300))
    await flushPromises()
    expect(field('customerName').value).toBe('')
  })
})

describe('soleResident', () => {
  const hit = (room: typeof sole, customer: typeof chen | null) => ({ room, customer })
  it('is the one active resident of the room named in full', () => {
    expect(soleResident([hit(sole, chen), hit(sole, former)], '3-1-1101')).toEqual({ room: sole, customer: chen })
    expect(soleResident([hit(sole, chen)], '3-1-1101室')).toEqual({ room: sole, customer: chen })
    expect(soleResident([hit(shared, wang), hit(shared, wife)], '3-1-1102')).toBeNull()
    expect(soleResident([hit(sole, chen)], '3-1-110')).toBeNull()
    expect(soleResident([hit(sole, null)], '3-1-1101')).toBeNull()
    expect(soleResident([hit({ ...sole, active: false }, chen)], '3-1-1101')).toBeNull()
    expect(soleResident([hit(sole, former)], '3-1-1101')).toBeNull()
  })
})
