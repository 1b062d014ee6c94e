/**
 * The console's contact retention card (issue 14 point 3): the dry run — how many closed requests are due with
 * the site's period, which, and what would shrink, in words and never a name or phone — and 立即缩减, asked
 * first: cancelling sends nothing; confirming reduces and reads the dry run again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { shallowRef } from 'vue'
import type { RetentionPlanView } from '@shared/sync/admin-api'
import ConsoleContactRetention from '@client/features/console/components/ConsoleContactRetention.vue'
import { mountApp, until } from '../mount'

const due: RetentionPlanView = { years: 3, due: 2, items: [
  { ref: '20230601-A001', closedAt: Date.UTC(2023, 5, 2, 2), fields: ['customerName', 'phone', 'matter', 'events'] },
  { ref: '20230702-B003', closedAt: Date.UTC(2023, 6, 1, 17), fields: ['phone'] },
] }

afterEach(() => {
  document.body.innerHTML = ''
})

function open(plans: RetentionPlanView[]) {
  const call = vi.fn(async (method: string): Promise<unknown> => (method === 'GET' ? plans.shift() : { reduced: 2 }))
  const state = { selected: shallowRef({ id: 's1', name: '翠苑小区', timezone: 'Asia/Shanghai', createdAt: 0, devices: 1 }), call }
  const { wrapper } = mountApp(ConsoleContactRetention, { props: { state } })
  return { wrapper, call }
}

describe('ConsoleContactRetention', () => {
  it('lists what is due with what would shrink, in the site’s dates', async () => {
    const { wrapper } = open([due])
    await flushPromises()
    expect(wrapper.get('[data-testid="contact-retention-due"]').text()).toBe('按 3 年计,现有 2 条已结案登记到期。')
    const rows = wrapper.findAll('tbody tr').map((r) => r.text())
    expect(rows).toEqual(['20230601-A0012023-06-02姓名、电话、事由中的电话、处理经过中的电话或更正', '20230702-B0032023-07-02电话'])
  })

  it('asks before reducing: cancel sends nothing, confirm reduces and reads the dry run again', async () => {
    const { wrapper, call } = open([due, { years: 3, due: 0, items: [] }])
    await flushPromises()
    const reduce = () => wrapper.findAll('button').find((b) => b.text() === '立即缩减')!.trigger('click')
    await reduce()
    await until(() => expect(document.body.querySelector('.van-dialog__cancel')).not.toBeNull())
    expect(document.body.querySelector('.van-dialog')!.textContent).toContain('立即缩减 2 条已结案登记的业主姓名和电话(保留 3 年)?不能恢复。')
    ;(document.body.querySelector('.van-dialog__cancel') as HTMLElement).click()
    await flushPromises()
    expect(call).not.toHaveBeenCalledWith('POST', expect.any(String))
    await reduce()
    await until(() => expect(document.body.querySelectorAll('.van-dialog__confirm').length).toBeGreaterThan(0))
    ;([...document.body.querySelectorAll('.van-dialog__confirm')].at(-1) as HTMLElement).click()
    await until(() => expect(wrapper.text()).toContain('已缩减 2 条,各平板同步后也随之更新。'))
    expect(call).toHaveBeenCalledWith('POST', '/api/admin/sites/s1/contact-retention')
    await until(() => expect(wrapper.get('[data-testid="contact-retention-due"]').text()).toBe('按 3 年计,现在没有到期的已结案登记。'))
  })
})
