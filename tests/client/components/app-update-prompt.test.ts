import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { flushPromises } from '@vue/test-utils'
import AppUpdatePrompt from '@client/components/AppUpdatePrompt.vue'
import AppShell from '@client/components/AppShell.vue'
import SettingsGeneral from '@client/features/settings/components/SettingsGeneral.vue'
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

  it('is a banner of the shell between the status bar and the page, never a layer over the page', async () => {
    const { wrapper } = mountApp(AppShell)
    useUiStore().offerUpdate(() => undefined)
    await nextTick()
    const body = wrapper.find('.app-shell__body').element
    expect([...body.children].map((el) => el.getAttribute('data-testid') ?? el.tagName.toLowerCase())).toEqual(['header', 'update-prompt', 'main'])
  })

  it('检查更新 always answers: 检查失败 when the new version cannot be asked for (offline, no service worker)', async () => {
    const { wrapper } = mountApp(SettingsGeneral)
    expect(wrapper.find('[data-testid="update-check-result"]').text()).toBe('')
    await wrapper.findAll('button').find((b) => b.text() === '检查更新')!.trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="update-check-result"]').text()).toBe('检查失败:无法连接服务器,请联网后再试')
  })
})
