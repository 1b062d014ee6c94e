import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Router } from 'vue-router'
import DeskServicesPage from '@client/features/desk-services/pages/DeskServicesPage.vue'
import { newId } from '@shared/domain/ids'
import { makeSite } from '@shared/domain/site'
import { defaultSettings } from '@shared/domain/settings'
import { staffCard, type Staff } from '@shared/domain/staff'
import { HOUR } from '@shared/domain/time'
import type { Role } from '@shared/domain/role'
import { useSessionStore } from '@client/stores/session'
import type { DeskbookDb } from '@client/db/database'
import { addPaidService, lendItem } from '@client/db/duty/desk-services'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { makeLoanInput, makePaidServiceInput } from '../../factories/desk-services'
import { mountApp, until as untilPasses } from '../mount'

const SITE = newId()
let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

/** A set-up tablet with `role` logged in; the staff member is in the database (names in the lists). */
async function signedIn(role: Role): Promise<{ pinia: Pinia; staff: Staff }> {
  db = freshDb()
  const staff = makeStaff({ siteId: SITE, role, name: role === 'manager' ? '赵经理' : '李娜' })
  await db.staff.add(staff)
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore(pinia)
  session.setSite({ site: makeSite(SITE, '翠苑小区'), settings: defaultSettings(SITE), device: { id: newId(), siteId: SITE, letter: 'A', name: '前台平板', createdAt: 0 } })
  session.signIn(staffCard(staff), Date.now())
  return { pinia, staff }
}

async function openAt(pinia: Pinia, path: string): Promise<VueWrapper> {
  const { wrapper } = mountApp(DeskServicesPage, {}, db, pinia)
  await (wrapper.vm.$router as Router).push(path)
  await flushPromises()
  return wrapper
}

async function until(wrapper: VueWrapper, check: () => void): Promise<void> {
  await untilPasses(async () => {
    check()
  })
}

const button = (wrapper: VueWrapper, text: string) => wrapper.findAll('button').find((b) => b.text() === text)

describe('DeskServicesPage — lent items', () => {
  it('lends an umbrella picked with one touch, shows it open, and records its return', async () => {
    const { pinia, staff } = await signedIn('assistant')
    const wrapper = await openAt(pinia, '/duty-log/services?tab=loans')
    await button(wrapper, '雨伞')!.trigger('click')
    expect((wrapper.find('input[name="loan-item"]').element as HTMLInputElement).value).toBe('雨伞')
    await wrapper.find('input[name="loan-borrower"]').setValue('王建国')
    await wrapper.find('input[name="loan-room"]').setValue('3-2-1101')
    await wrapper.find('[data-testid="loan-form"]').trigger('submit')
    await until(wrapper, () => expect(wrapper.find('[data-testid="open-loan"]').exists()).toBe(true))
    const row = wrapper.find('[data-testid="open-loan"]').text()
    expect(row).toContain('雨伞')
    expect(row).toContain('王建国')
    expect(row).toContain('3-2-1101')
    expect(row).not.toContain('已借出超过 24 小时')
    expect(wrapper.find('[data-testid="open-loans"]').text()).toContain('共 1 件未归还')
    expect(await db.loans.toArray()).toEqual([expect.objectContaining({ item: '雨伞', borrower: '王建国', room: '3-2-1101', staffId: staff.id })])

    await wrapper.find('[data-testid="open-loan"] button').trigger('click')
    await wrapper.find('input[name="loan-return-note"]').setValue('完好')
    await wrapper.find('[data-testid="loan-return"]').trigger('submit')
    await until(wrapper, () => expect(wrapper.find('[data-testid="open-loans"]').text()).toContain('没有未归还的物品'))
    await until(wrapper, () => expect(wrapper.find('[data-testid="loan-history"] tbody').text()).toContain('完好'))
    expect(wrapper.find('[data-testid="loan-history"] tbody').text()).toContain('李娜')
  })

  it('marks a loan out for more than 24 hours and says why in words', async () => {
    const { pinia, staff } = await signedIn('assistant')
    await lendItem(db, { siteId: SITE, deviceId: newId(), staffId: staff.id }, 'assistant', makeLoanInput({ item: '手推车', lentAt: Date.now() - 25 * HOUR }))
    const wrapper = await openAt(pinia, '/duty-log/services?tab=loans')
    await until(wrapper, () => expect(wrapper.find('[data-testid="open-loan"]').text()).toContain('已借出超过 24 小时'))
    expect(wrapper.find('[data-testid="open-loan"]').classes()).toContain('open-loans__overdue')
  })

  it('shows the refusal in Chinese when the borrower is missing', async () => {
    const { pinia } = await signedIn('assistant')
    const wrapper = await openAt(pinia, '/duty-log/services?tab=loans')
    await wrapper.find('input[name="loan-item"]').setValue('梯子')
    await wrapper.find('[data-testid="loan-form"]').trigger('submit')
    await until(wrapper, () => expect(wrapper.find('[role="alert"]').text()).toContain('请填写借用人'))
    expect(await db.loans.count()).toBe(0)
  })
})

describe('DeskServicesPage — paid services', () => {
  it('prefills the receipt after the last one, records 12.5 yuan as ¥12.50 and totals the day', async () => {
    const { pinia, staff } = await signedIn('assistant')
    await addPaidService(db, { siteId: SITE, deviceId: newId(), staffId: staff.id }, 'assistant', makePaidServiceInput({ receiptNo: 'A000123', amount: '20', at: Date.now() }))
    const wrapper = await openAt(pinia, '/duty-log/services?tab=paid')
    const receipt = (): string => (wrapper.find('input[name="paid-receipt"]').element as HTMLInputElement).value
    await until(wrapper, () => expect(receipt()).toBe('A000124'))
    expect(wrapper.text()).toContain('已填入上一张收据之后的号码')

    await wrapper.find('input[name="paid-service"]').setValue('钥匙复制')
    await wrapper.find('input[name="paid-amount"]').setValue('abc')
    await wrapper.find('[data-testid="paid-form"]').trigger('submit')
    await until(wrapper, () => expect(wrapper.find('[role="alert"]').text()).toContain('金额格式不正确'))

    await wrapper.find('input[name="paid-amount"]').setValue('12.5')
    await wrapper.find('[data-testid="paid-form"]').trigger('submit')
    await until(wrapper, () => expect(wrapper.find('[data-testid="paid-total"]').text()).toContain('合计 ¥32.50'))
    expect(wrapper.find('[data-testid="paid-list"] tbody').text()).toContain('A000124')
    expect(wrapper.find('[data-testid="paid-list"] tbody').text()).toContain('12.50')
    await until(wrapper, () => expect(receipt()).toBe('A000125'))
    expect((wrapper.find('input[name="paid-amount"]').element as HTMLInputElement).value).toBe('')
  })

  it('refuses a receipt number already used', async () => {
    const { pinia, staff } = await signedIn('assistant')
    await addPaidService(db, { siteId: SITE, deviceId: newId(), staffId: staff.id }, 'assistant', makePaidServiceInput({ receiptNo: 'A000123', at: Date.now() }))
    const wrapper = await openAt(pinia, '/duty-log/services?tab=paid')
    await wrapper.find('input[name="paid-service"]').setValue('开锁')
    await wrapper.find('input[name="paid-amount"]').setValue('50')
    await wrapper.find('input[name="paid-receipt"]').setValue('A000123')
    await wrapper.find('[data-testid="paid-form"]').trigger('submit')
    await until(wrapper, () => expect(wrapper.find('[role="alert"]').text()).toContain('这个收据号已经登记过'))
    expect(await db.paidServices.count()).toBe(1)
  })
})

describe('DeskServicesPage — periodicals and roles', () => {
  it('records a periodical with its filed tick and lists it for the month', async () => {
    const { pinia } = await signedIn('assistant')
    const wrapper = await openAt(pinia, '/duty-log/services')
    await wrapper.find('input[name="periodical-title"]').setValue('人民日报')
    await wrapper.find('input[name="periodical-issue"]').setValue('第 327 期')
    await wrapper.find('input[name="periodical-copies"]').setValue('2')
    await wrapper.find('input[name="periodical-filed"]').setValue(false)
    await wrapper.find('[data-testid="periodical-form"]').trigger('submit')
    await until(wrapper, () => expect(wrapper.find('[data-testid="periodical-list"] tbody').text()).toContain('人民日报'))
    const row = wrapper.find('[data-testid="periodical-list"] tbody tr').text()
    expect(row).toContain('第 327 期')
    expect(row).toContain('未装夹')
    expect(wrapper.find('[data-testid="periodical-list"]').text()).toContain('共 1 条,2 份')
  })

  it('lets the manager read the lists but offers no form and no return', async () => {
    const { pinia } = await signedIn('manager')
    const staff = makeStaff({ siteId: SITE })
    await lendItem(db, { siteId: SITE, deviceId: newId(), staffId: staff.id }, 'assistant', makeLoanInput({ lentAt: Date.now() - HOUR }))
    const wrapper = await openAt(pinia, '/duty-log/services?tab=loans')
    await until(wrapper, () => expect(wrapper.find('[data-testid="open-loan"]').exists()).toBe(true))
    expect(wrapper.text()).toContain('您的岗位只能查看这些记录')
    expect(wrapper.find('[data-testid="loan-form"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="open-loan"] button').exists()).toBe(false)
    // The manager has no customer.contact: the borrower's phone is masked.
    expect(wrapper.find('[data-testid="open-loan"]').text()).toContain('138****8000')
  })

  it('belongs to the duty log section, which a department never reaches', async () => {
    const { pinia } = await signedIn('department')
    const wrapper = await openAt(pinia, '/duty-log/services')
    const router = wrapper.vm.$router as Router
    expect(router.resolve('/duty-log/services').meta.section).toBe('dutyLog')
    expect(router.currentRoute.value.name).toBe('today')
    expect(router.currentRoute.value.query).toEqual({ denied: 'dutyLog' })
  })
})
