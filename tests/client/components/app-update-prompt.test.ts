import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import AppUpdatePrompt from '@client/components/AppUpdatePrompt.vue'
import { useUiStore } from '@client/stores/ui'
import { mountApp } from '../mount'

describe('AppUpdatePrompt', () => {
  it('is hidden until an update waits', () => {
    const { wrapper } = mountApp(AppUpdatePrompt)
    expect(wrapper.find('[data-testid="update-prompt"]').exists()).toBe(false)
  })

  it('refuses to reload while a form is unsaved, and reloads once it is saved', async () => {
    const { wrapper } = mountApp(AppUpdatePrompt)
    const ui = useUiStore()
    const reload = vi.fn()
    ui.offerUpdate(reload)
    ui.markDirty('form-a', true)
    await nextTick()
    expect(wrapper.text()).toContain('新版本已下载')
    expect(wrapper.text()).toContain('有未保存的表单')
    const button = wrapper.findAll('button').find((b) => b.text() === '立即更新')!
    expect(button.attributes('disabled')).toBeDefined()
    expect(ui.applyUpdate()).toBe(false)
    expect(reload).not.toHaveBeenCalled()

    ui.markDirty('form-a', false)
    await nextTick()
    await button.trigger('click')
    expect(reload).toHaveBeenCalledOnce()
    await nextTick()
    expect(wrapper.find('[data-testid="update-prompt"]').exists()).toBe(false)
  })
})
