import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import RegisterDetailPage from '@client/features/register/pages/RegisterDetailPage.vue'
import RegisterRowItem from '@client/features/register/components/RegisterRowItem.vue'
import ReceptionRecordPrint from '@client/features/register/print/ReceptionRecordPrint.vue'
import type { DeskbookDb } from '@client/db/database'
import { indexRow } from '@client/db/register/index-row'
import { REGISTER_DERIVED, refreshReceptionIndex } from '@client/db/register/reception-index'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { HOUR } from '@shared/domain/time'
import { freshDb } from '../../factories/db'
import { makeEvent, makeReception, SITE, T0 } from '../../factories/register-print'
import { mountApp, until as untilPasses } from '../mount'
import { signedIn } from '../archive/session'

let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

async function seed(reception: Reception, events: ReceptionEvent[] = []): Promise<void> {
  db = freshDb()
  await db.transaction('rw', [...REGISTER_DERIVED, 'meta'], async () => {
    await db.receptions.add(reception)
    if (events.length) await db.receptionEvents.bulkAdd(events)
    await refreshReceptionIndex(db, [reception.id])
  })
}

async function open(reception: Reception): Promise<VueWrapper> {
  const { wrapper } = mountApp(RegisterDetailPage, {}, db, signedIn('assistant', SITE))
  await (wrapper.vm.$router as Router).push(`/register/${reception.id}`)
  await untilPasses(async () => {
    expect(wrapper.find('h1').text()).toBe(reception.ref)
  })
  return wrapper
}

describe('RegisterDetailPage', () => {
  it('names the customer with the honorific, as the prints do', async () => {
    const r = makeReception({ customerName: '陈', honorific: 'ms', receivedAt: T0 })
    await seed(r)
    const wrapper = await open(r)
    expect(wrapper.find('[data-testid="detail-customer"]').text()).toBe('陈女士')
  })
})

describe('RegisterDetailPage: a complaint answered late', () => {
  it('keeps 逾期答复 on the request once it is answered and resolved (篇3 五)', async () => {
    const r = makeReception({ category: 'complaint', receivedAt: T0 })
    await seed(r, [makeEvent(r, 'answered', T0 + 26 * HOUR, { note: '已电话致歉' }), makeEvent(r, 'result', T0 + 30 * HOUR, { note: '已调解' })])
    const wrapper = await open(r)
    expect(wrapper.find('[data-testid="answered-late-tag"]').text()).toBe('逾期答复(超过 24 小时)')
    expect(wrapper.find('[data-testid="overdue-tag"]').exists()).toBe(false)
  })

  it('says nothing of the kind for a complaint answered in time', async () => {
    const r = makeReception({ category: 'complaint', receivedAt: T0 })
    await seed(r, [makeEvent(r, 'answered', T0 + 23 * HOUR, { note: '已电话致歉' })])
    const wrapper = await open(r)
    expect(wrapper.find('[data-testid="answered-late-tag"]').exists()).toBe(false)
  })
})

describe('RegisterRowItem', () => {
  it('names the customer with the honorific in the register list', async () => {
    db = freshDb()
    const r = makeReception({ customerName: '陈', honorific: 'ms' })
    const row = { ...indexRow(r, []), level: 'desk' as const, overdue: false, answeredLate: false }
    const { wrapper } = mountApp(RegisterRowItem, { props: { row } }, db, signedIn('assistant', SITE))
    await flushPromises()
    expect(wrapper.text()).toContain('陈女士')
  })

  it('shows 逾期答复 in the register list', async () => {
    db = freshDb()
    const r = makeReception({ category: 'complaint' })
    const row = { ...indexRow(r, [makeEvent(r, 'answered', T0 + 25 * HOUR, { note: '已答复' })]), level: 'desk' as const, overdue: false, answeredLate: true }
    const { wrapper } = mountApp(RegisterRowItem, { props: { row } }, db, signedIn('assistant', SITE))
    await flushPromises()
    expect(wrapper.find('[data-testid="answered-late-tag"]').exists()).toBe(true)
  })
})

describe('RegisterDetailPage: an owner’s phone (issue 4 point 5, issue 14 point 2)', () => {
  const openAs = async (role: 'assistant' | 'manager', reception: Reception): Promise<VueWrapper> => {
    const { wrapper } = mountApp(RegisterDetailPage, {}, db, signedIn(role, SITE))
    await (wrapper.vm.$router as Router).push(`/register/${reception.id}`)
    await untilPasses(async () => expect(wrapper.find('h1').text()).toBe(reception.ref))
    return wrapper
  }

  it('shows the clerk the phone in full, with nothing to ask and nothing recorded', async () => {
    const r = makeReception({ phone: '13800138000', receivedAt: T0 })
    await seed(r)
    const wrapper = await openAs('assistant', r)
    expect(wrapper.find('[data-testid="phone-text"]').text()).toBe('138 0013 8000')
    expect(wrapper.find('[data-testid="reveal-phone"]').exists()).toBe(false)
    expect(await db.accessTrail.count()).toBe(0)
  })

  it('shows the manager the phone masked; 显示完整号码 records it in the trail first, then shows it in full', async () => {
    const r = makeReception({ phone: '13800138000', receivedAt: T0 })
    await seed(r)
    const wrapper = await openAs('manager', r)
    expect(wrapper.find('[data-testid="phone-text"]').text()).toBe('138****8000')
    await wrapper.find('[data-testid="reveal-phone"]').trigger('click')
    await untilPasses(async () => expect(wrapper.find('[data-testid="phone-text"]').text()).toBe('138 0013 8000'))
    expect(wrapper.find('[data-testid="reveal-phone"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('已记入个人信息查阅记录')
    const [entry] = await db.accessTrail.toArray()
    expect(entry).toMatchObject({ kind: 'revealPhone', subjectTable: 'receptions', subjectId: r.id, what: `接待登记 ${r.ref}` })
    expect(JSON.stringify(entry)).not.toContain('13800138000')
    expect((await db.outbox.toArray()).map((m) => m.name)).toEqual(['accessEntry.add'])
    await flushPromises()
  })
  it.each(['assistant', 'manager'] as const)('shows a phone masked after its retention period as it is to the %s, with nothing to reveal (issue 14 point 3)', async (role) => {
    const r = makeReception({ phone: '138****8000', customerName: '王', receivedAt: T0 })
    await seed(r)
    const wrapper = await openAs(role, r)
    expect(wrapper.find('[data-testid="phone-text"]').text()).toBe('138****8000')
    expect(wrapper.find('[data-testid="reveal-phone"]').exists()).toBe(false)
  })
})

describe('ReceptionRecordPrint: an owner’s full phone printed is recorded (issue 14 point 2)', () => {
  const printAs = async (role: 'assistant' | 'manager', reception: Reception): Promise<VueWrapper> => {
    const { wrapper } = mountApp(ReceptionRecordPrint, {}, db, signedIn(role, SITE))
    await (wrapper.vm.$router as Router).push(`/print/register/${reception.id}`)
    await untilPasses(async () => expect(wrapper.find('section.print-page').text()).toContain(reception.ref))
    return wrapper
  }
  const print = async (): Promise<void> => {
    window.dispatchEvent(new Event('beforeprint'))
    await flushPromises()
  }

  it('records the clerk’s print of the request when the page prints: which request, never the phone', async () => {
    const r = makeReception({ phone: '13800138000', receivedAt: T0 })
    await seed(r)
    const wrapper = await printAs('assistant', r)
    expect(wrapper.find('section.print-page').text()).toContain('13800138000')
    expect(await db.accessTrail.count()).toBe(0)
    await print()
    await untilPasses(async () => expect(await db.accessTrail.count()).toBe(1))
    const [entry] = await db.accessTrail.toArray()
    expect(entry).toMatchObject({ kind: 'printPhones', subjectTable: 'receptions', subjectId: r.id, what: `接待登记 ${r.ref}` })
    expect(JSON.stringify(entry)).not.toContain('13800138000')
    wrapper.unmount()
  })

  it('records nothing when the phone is printed masked (the manager) or the request has none', async () => {
    const r = makeReception({ phone: '13800138000', receivedAt: T0 })
    await seed(r)
    const masked = await printAs('manager', r)
    expect(masked.find('section.print-page').text()).toContain('138****8000')
    await print()
    masked.unmount()
    const none = makeReception({ phone: '', receivedAt: T0 + HOUR })
    await db.receptions.add(none)
    await refreshReceptionIndex(db, [none.id])
    const clerk = await printAs('assistant', none)
    await print()
    clerk.unmount()
    expect(await db.accessTrail.count()).toBe(0)
  })
})
