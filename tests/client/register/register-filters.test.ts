import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import RegisterFilters from '@client/features/register/components/RegisterFilters.vue'
import { emptyFilter, type RegisterListFilter } from '@client/features/register/composables/useRegisterList'
import { mountApp } from '../mount'

describe('RegisterFilters: the channel and the escalation level (statistics’ bars open the list so)', () => {
  it('sets them by chips in Chinese, shows them as tags, and a tag clears its own', async () => {
    let model: RegisterListFilter = emptyFilter()
    const { wrapper } = mountApp(RegisterFilters, {
      props: { departments: [], modelValue: model, 'onUpdate:modelValue': (v: RegisterListFilter) => { model = v; void wrapper.setProps({ modelValue: v }) } },
    })
    await wrapper.find('[data-testid="register-filters-open"]').trigger('click')
    await flushPromises()
    const chip = (sel: string): HTMLElement => wrapper.find(sel).element as HTMLElement
    expect(chip('[data-channel="phone"]').textContent?.trim()).toBe('来电')
    expect(chip('[data-level="supervisor"]').textContent?.trim()).toBe('客服主管')
    chip('[data-channel="phone"]').click()
    await flushPromises()
    chip('[data-level="supervisor"]').click()
    await flushPromises()
    expect(model).toMatchObject({ channels: ['phone'], levels: ['supervisor'] })
    expect(chip('[data-channel="phone"]').getAttribute('aria-pressed')).toBe('true')
    expect(wrapper.find('[data-filter="channel"]').text()).toBe('来访方式:来电')
    expect(wrapper.find('[data-filter="level"]').text()).toBe('处理层级:客服主管')
    expect(wrapper.find('[data-testid="register-filters-open"]').text()).toBe('筛选(2)')
    await wrapper.find('[data-filter="channel"] .van-tag__close').trigger('click')
    await flushPromises()
    expect(model).toMatchObject({ channels: [], levels: ['supervisor'] })
    wrapper.unmount()
  })
})
