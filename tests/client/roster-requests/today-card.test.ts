import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import TodayRosterRequests from '@client/features/today/components/TodayRosterRequests.vue'
import { DAY } from '@shared/domain/time'
import { answerRequest, askForChange, type RequestInput } from '@client/db/roster/roster-requests'
import { at, TZ } from '../../factories/duty'
import { until } from '../mount'
import { useRequestsFixture } from './requests-session'

const f = useRequestsFixture()
const ASKED = at('2026-12-08', '09:00')
const ANSWERED = at('2026-12-08', '11:00')
const LATER = at('2026-12-09', '08:00')
const leave: RequestInput = { kind: 'leave', date: '2026-12-10', toDate: '2026-12-10', swapWithId: null, swapDate: null, reason: '孩子生病' }

async function ask(input: RequestInput = leave, when = ASKED): Promise<string> {
  return (await askForChange(f.db(), f.site().actor('clerk'), 'assistant', input, TZ, when)).id
}
async function answer(id: string, decision: 'approve' | 'refuse', coverId: string | null, reason = ''): Promise<void> {
  await answerRequest(f.db(), f.site().actor('supervisor'), 'supervisor', id, { decision, coverId, reason, signature: decision === 'approve' ? f.site().sign('supervisor', ANSWERED) : null }, TZ, ANSWERED)
}
const news = (w: VueWrapper): string[] => w.findAll('[data-testid="today-requests-news"]').map((l) => l.text())

describe('the today card of leave and swaps', () => {
  it('shows the supervisor how many requests wait and the oldest, linking to the requests', async () => {
    await ask()
    await ask({ ...leave, kind: 'timeOff', date: '2026-12-20', toDate: '2026-12-20' }, ASKED + 60_000)
    const w = await f.open(TodayRosterRequests, 'supervisor', LATER)
    await until(() => expect(w.find('[data-testid="today-requests-waiting"]').exists()).toBe(true))
    const link = w.find('[data-testid="today-requests-waiting"]')
    expect(link.text()).toContain('2 项申请待你审批')
    expect(link.text()).toContain('最早一项:李娜 请假 12月10日')
    expect(link.attributes('href')).toBe('/roster/requests?month=2026-12')
  }, 20_000)

  it('no longer counts a request whose shift has begun as waiting', async () => {
    await ask()
    await ask({ ...leave, kind: 'timeOff', date: '2026-12-20', toDate: '2026-12-20' }, ASKED + 60_000)
    const w = await f.open(TodayRosterRequests, 'supervisor', at('2026-12-10', '08:00'))
    await until(() => expect(w.find('[data-testid="today-requests-waiting"]').exists()).toBe(true))
    expect(w.find('[data-testid="today-requests-waiting"]').text()).toContain('1 项申请待你审批')
    expect(w.find('[data-testid="today-requests-waiting"]').text()).toContain('最早一项:李娜 调休 12月20日')
  }, 20_000)

  it('tells the asker the answer and the cover their shift, until they say 知道了', async () => {
    await answer(await ask(), 'approve', f.site().staff.administrator.id)
    let w = await f.open(TodayRosterRequests, 'clerk', LATER)
    await until(() => expect(news(w)).toEqual(['你的请假申请(12月10日)已批准,替班:王管理']))
    w = await f.open(TodayRosterRequests, 'administrator', LATER)
    await until(() => expect(news(w)).toEqual(['你被安排替班:12月10日 白班(替李娜)']))
    await w.find('[data-testid="today-requests-seen"]').trigger('click')
    await until(() => expect(w.find('[data-testid="today-roster-requests"]').exists()).toBe(false))
    // Seen by the cover, not by the asker; and a week later it is gone for everyone.
    w = await f.open(TodayRosterRequests, 'clerk', LATER)
    await until(() => expect(news(w)).toHaveLength(1))
    w = await f.open(TodayRosterRequests, 'clerk', ANSWERED + 7 * DAY + 1)
    await until(() => expect(w.find('[data-testid="today-roster-requests"]').exists()).toBe(false))
  }, 30_000)

  it('still tells an answer given offline that arrives after the asker said 知道了 to another', async () => {
    const [first, second] = [await ask(), await ask({ ...leave, date: '2026-12-20', toDate: '2026-12-20' }, ASKED + 60_000)]
    await answer(first, 'refuse', null, '人手不足')
    let w = await f.open(TodayRosterRequests, 'clerk', LATER)
    await until(() => expect(news(w)).toHaveLength(1))
    await w.find('[data-testid="today-requests-seen"]').trigger('click')
    await until(() => expect(w.find('[data-testid="today-roster-requests"]').exists()).toBe(false))
    // The supervisor's tablet answered the second before that 知道了 (its clock), and it reaches this tablet after.
    await answer(second, 'refuse', null, '年底人手紧')
    w = await f.open(TodayRosterRequests, 'clerk', LATER)
    await until(() => expect(news(w)).toEqual(['你的请假申请(12月20日)未批准:年底人手紧']))
  }, 30_000)

  it('tells the asker a refusal with its reason', async () => {
    await answer(await ask(), 'refuse', null, '12月10日人手不足')
    const w = await f.open(TodayRosterRequests, 'clerk', LATER)
    await until(() => expect(news(w)).toEqual(['你的请假申请(12月10日)未批准:12月10日人手不足']))
    expect(w.find('[data-testid="today-requests-waiting"]').exists()).toBe(false)
  }, 20_000)

  it('tells the swap partner which shift they now stand', async () => {
    const s = f.site()
    await answer(await ask({ kind: 'swap', date: '2026-12-11', toDate: '2026-12-11', swapWithId: s.staff.colleague.id, swapDate: '2026-12-12', reason: '家中有事' }), 'approve', null)
    let w = await f.open(TodayRosterRequests, 'colleague', LATER)
    await until(() => expect(news(w)).toEqual(['你与李娜换班已批准:你替李娜上12月11日 白班,李娜替你上12月12日 夜班']))
    w = await f.open(TodayRosterRequests, 'clerk', LATER)
    await until(() => expect(news(w)).toEqual(['你的换班申请(12月11日 ↔ 12月12日)已批准']))
  }, 20_000)
})
