import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import RosterRequestsPage from '@client/features/roster/requests/pages/RosterRequestsPage.vue'
import { at } from '../../factories/duty'
import { until } from '../mount'
import { useRequestsFixture } from './requests-session'

const f = useRequestsFixture()
const TODAY = at('2026-12-09', '09:00')

/** The chip of a radio group `name` whose text is `text`. */
async function pick(w: VueWrapper, name: string, text: string): Promise<void> {
  const label = w.findAll(`input[name="${name}"]`).map((i) => i.element.parentElement!).find((l) => l.textContent?.trim() === text)
  expect(label, `${name}: ${text}`).toBeTruthy()
  await w.find(`input[name="${name}"][value="${(label!.querySelector('input') as HTMLInputElement).value}"]`).setValue(true)
}
const mineRow = (w: VueWrapper): string[] => w.findAll('[data-testid="request-mine"] li > *').map((e) => e.text())
const chips = (w: VueWrapper, name: string): string[] => w.findAll(`input[name="${name}"]`).map((i) => i.element.parentElement!.textContent!.trim())

describe('the clerk asks for leave, time off or a swap', () => {
  it('offers the days the roster in force has them working, from tomorrow (篇2 4.2.6 提前一天)', async () => {
    const w = await f.open(RosterRequestsPage, 'clerk', TODAY)
    await until(() => expect(w.find('[data-testid="request-ask"]').exists()).toBe(true))
    expect(w.text()).toContain('按现行排班表 第1版')
    expect(w.text()).toContain('任何值班人员不得擅自安排替值、换值班')
    expect(w.text()).toContain('从明天起(须提前一天申请)')
    // Today (the 9th) she stands the day shift too, but a request for it is always too late: not offered.
    const days = chips(w, 'request-day')
    expect(days[0]).toBe('12月10日 白班')
    expect(days.at(-1)).toBe('12月31日 白班')
    expect(days).toHaveLength(22)

    await pick(w, 'request-day', '12月11日 白班')
    await w.find('textarea[name="request-reason"]').setValue('孩子生病')
    // The reason typed is kept on the tablet (the idle lock, a reload), and forgotten once the request is sent.
    await until(async () => expect((await f.db().formDrafts.toArray()).map((d) => d.form)).toEqual(['roster.request:2026-12']))

    await pick(w, 'request-day', '12月10日 白班')
    expect(w.find('[data-testid="request-takes"]').text()).toBe('涉及班次:12月10日 白班')
    await w.find('input[name="request-to"]').setValue('2026-12-11')
    expect(w.find('[data-testid="request-takes"]').text()).toBe('涉及班次:12月10日 白班、12月11日 白班')
    await w.find('form').trigger('submit')
    await until(() => expect(mineRow(w)).toEqual(['请假 12月10日至12月11日', '待主管审批']))
    expect(await f.db().rosterRequests.toArray()).toMatchObject([{ kind: 'leave', date: '2026-12-10', toDate: '2026-12-11', reason: '孩子生病' }])
    await until(async () => expect(await f.db().formDrafts.count()).toBe(0))
  }, 20_000)

  it('a swap: picks the colleague from those rostered and shows their shift on the day', async () => {
    const w = await f.open(RosterRequestsPage, 'clerk', TODAY)
    await until(() => expect(w.find('[data-testid="request-ask"]').exists()).toBe(true))
    await pick(w, 'request-kind', '换班')
    // Only colleagues with shifts this month: 王管理 is on the desk roster but has none.
    expect(chips(w, 'request-partner')).toEqual(['张敏'])
    await pick(w, 'request-day', '12月11日 白班')
    await pick(w, 'request-partner', '张敏')
    expect(w.find('[data-testid="request-partner-days"] legend').text()).toBe('张敏的班次(选择你替张敏上的一天)')
    await pick(w, 'request-partner-day', '12月12日 夜班')
    expect(w.find('[data-testid="request-swap-summary"]').text()).toBe('我 12月11日 白班 ↔ 张敏 12月12日 夜班')
    // Both work both days: the swap exchanges their codes on each.
    expect(w.findAll('[data-testid="request-after-swap"]').map((p) => p.text())).toEqual(['换班后 12月11日:我 夜班,张敏 白班', '换班后 12月12日:我 夜班,张敏 白班'])
    await w.find('form').trigger('submit')
    await until(() => expect(w.find('[role="alert"]').text()).toContain('请写明原因。'))
    await w.find('textarea[name="request-reason"]').setValue('家中有事')
    await w.find('form').trigger('submit')
    await until(() => expect(mineRow(w)).toEqual(['换班 12月11日 ↔ 12月12日', '张敏', '待主管审批']))
  })
})

describe('without an approved roster', () => {
  const g = useRequestsFixture(false)
  it('says the month has none, and offers no form', async () => {
    const w = await g.open(RosterRequestsPage, 'clerk', TODAY)
    await until(() => expect(w.find('[data-testid="request-no-roster"]').text()).toBe('2026-12 的排班表尚未批准:批准后才能申请或审批调休、请假和换班。'))
    expect(w.find('[data-testid="request-ask"]').exists()).toBe(false)
  })
})
