import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { newId } from '@shared/domain/ids'
import DutyEntryForm from '@client/features/duty-log/components/DutyEntryForm.vue'
import type { DutyEntryInput } from '@client/db/duty/duty-log'
import { makeEntry } from '../../factories/duty-seed'
import { at, dayAndNight, keyOf } from '../../factories/duty'
import { mountApp } from '../mount'

const SITE = newId()
const KEY = keyOf(dayAndNight(SITE).day, '2026-11-27')
const props = { shiftKey: KEY, target: null, tz: 'Asia/Shanghai', busy: false, problems: [] as string[] }
/** The page's save: records what the form hands it, writes nothing, reports no problem. */
function saving(): { save: (input: DutyEntryInput) => Promise<string[]>; saved: DutyEntryInput[] } {
  const saved: DutyEntryInput[] = []
  return { save: vi.fn(async (input: DutyEntryInput) => (saved.push(input), [])), saved }
}

describe('DutyEntryForm', () => {
  it('assumes no source: saving without one says so and keeps what was typed; once chosen it saves (issue 10 point 15)', async () => {
    const { save, saved } = saving()
    const { wrapper } = mountApp(DutyEntryForm, { props: { ...props, save, mode: 'new' } })
    expect(wrapper.findAll('input[name="source"]').map((r) => (r.element as HTMLInputElement).checked)).toEqual([false, false, false, false, false])
    await wrapper.get('textarea[name="content"]').setValue('巡查发现5栋门禁故障')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(saved).toEqual([])
    expect(wrapper.get('[role="alert"]').text()).toBe('请选择来源:来电、来访、巡查、系统或其他')
    expect(wrapper.get('[role="radiogroup"]').attributes('aria-invalid')).toBe('true')
    expect((wrapper.get('textarea[name="content"]').element as HTMLTextAreaElement).value).toBe('巡查发现5栋门禁故障')

    await wrapper.get('input[name="source"][value="patrol"]').setValue(true)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const [input] = saved
    expect(input).toMatchObject({ source: 'patrol', content: '巡查发现5栋门禁故障', correctsId: null })
    expect(wrapper.emitted('done')).toHaveLength(1)
    expect(input).not.toHaveProperty('afterHandoverId')
  })

  it('corrects an entry of a locked log as a correction naming the handover, keeping the follow-up and escalation it was handed over with (issue 10 point 3)', async () => {
    const target = makeEntry(SITE, { shiftKey: KEY, at: at('2026-11-27', '13:10'), staffId: newId(), source: 'patrol', content: '巡查发现车库积水', followUp: true, escalation: 'administrator' })
    const handoverId = newId()
    const { save, saved } = saving()
    const { wrapper } = mountApp(DutyEntryForm, { props: { ...props, save, mode: 'correct', target, lockedBy: handoverId } })
    expect(wrapper.get('[data-testid="duty-late-hint"]').text()).toContain('原记录和交接班签字保持不变')
    expect(wrapper.find('input[name="followUp"]').exists()).toBe(false)
    expect(wrapper.find('input[name="escalation"]').exists()).toBe(false)
    await wrapper.get('textarea[name="content"]').setValue('巡查发现地下车库B区积水')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const [input] = saved
    expect(input).toMatchObject({ source: 'patrol', content: '巡查发现地下车库B区积水', correctsId: target.id, afterHandoverId: handoverId, followUp: true, escalation: 'administrator', resolvesFollowUp: false, at: target.at })
  })

  it('records a follow-up’s result with the source of the matter it closes', async () => {
    const target = makeEntry(SITE, { shiftKey: KEY, at: at('2026-11-27', '13:10'), staffId: newId(), source: 'visit', followUp: true })
    const { save, saved } = saving()
    const { wrapper } = mountApp(DutyEntryForm, { props: { ...props, save, mode: 'resolve', target } })
    await wrapper.get('textarea[name="content"]').setValue('工程部已修复')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(saved[0]).toMatchObject({ source: 'visit', resolvesFollowUp: true, correctsId: target.id })
  })
})
