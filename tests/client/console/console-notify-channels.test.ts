/**
 * The console's notification channels (issue 15): the list shows each channel's masked secrets and the
 * reason it fails, and 发送测试消息 shows the platform's answer in words.
 */
import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { shallowRef } from 'vue'
import type { ChannelTestAnswer, ChannelView } from '@shared/sync/notify-api'
import ConsoleNotifyChannels from '@client/features/console/components/ConsoleNotifyChannels.vue'
import { mountApp } from '../mount'

const channel: ChannelView = {
  id: 'c1', siteId: 's1', kind: 'dingtalk', name: '经理群', hints: { token: '••••9f3a', secret: '••••7b1c' },
  rules: ['complaintOverdue'], levels: ['manager'], quietStart: '22:00', quietEnd: '07:00', digestAt: '08:30', enabled: true,
  failing: '钉钉安全设置校验未通过:加签密钥不对', retryAt: Date.UTC(2026, 10, 27, 2, 15), pending: 2, dead: 1,
}

describe('ConsoleNotifyChannels', () => {
  it('lists a channel with its secrets masked and its failure in words, and shows a test message’s answer', async () => {
    const answer: ChannelTestAnswer = { ok: false, errcode: 310000, errmsg: 'sign not match', message: '钉钉安全设置校验未通过:加签密钥不对' }
    const call = vi.fn(async (method: string, path: string): Promise<unknown> => {
      if (path.endsWith('/notify-channels')) return [channel]
      if (path.endsWith('/notify-failures')) return []
      if (method === 'POST' && path.endsWith('/test')) return answer
      throw new Error(`unexpected ${method} ${path}`)
    })
    const state = { selected: shallowRef({ id: 's1', name: '翠苑小区', timezone: 'Asia/Shanghai', createdAt: 0, devices: 1 }), call }
    const { wrapper } = mountApp(ConsoleNotifyChannels, { props: { state } })
    await flushPromises()
    const text = wrapper.text()
    expect(text).toContain('经理群')
    expect(text).toContain('••••9f3a')
    expect(text).toContain('免打扰 22:00–07:00')
    expect(text).toContain('配置有误:钉钉安全设置校验未通过:加签密钥不对(将于 2026-11-27 10:15 再试')
    expect(text).toContain('等待 2 · 失败 1')
    await wrapper.findAll('button').find((b) => b.text() === '发送测试消息')!.trigger('click')
    await flushPromises()
    expect(call).toHaveBeenCalledWith('POST', '/api/admin/notify-channels/c1/test')
    expect(wrapper.get('[data-testid="console-notify-answer"]').text()).toBe('发送失败:钉钉安全设置校验未通过:加签密钥不对 — 平台返回:错误码 310000 sign not match')
  })
})
