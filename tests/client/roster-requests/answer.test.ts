import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import RosterRequestsPage from '@client/features/roster/requests/pages/RosterRequestsPage.vue'
import { hashPin } from '@shared/domain/pin'
import { askForChange } from '@client/db/roster/roster-requests'
import { loadRosterMonth, monthRequests } from '@client/db/roster/roster-month'
import { paintCells, submitRoster, takeStep } from '@client/db/roster/roster-writes'
import { codeOn } from '@shared/domain/roster'
import { at, TZ } from '../../factories/duty'
import { until } from '../mount'
import { MONTH, useRequestsFixture } from './requests-session'

vi.mock('@client/components/BaseSignaturePad.vue', () => import('./signature-pad-stub'))

const f = useRequestsFixture()
const ASKED = at('2026-12-09', '08:30')
const NOW = at('2026-12-09', '10:00')
beforeEach(async () => {
  const s = f.site()
  await f.db().staff.update(s.staff.supervisor.id, { pin: await hashPin('2580', 100_000) })
  await askForChange(f.db(), s.actor('clerk'), 'assistant', { kind: 'leave', date: '2026-12-10', toDate: '2026-12-10', swapWithId: null, swapDate: null, reason: '孩子生病' }, TZ, ASKED)
})

const card = (w: VueWrapper): ReturnType<VueWrapper['find']> => w.find('[data-testid="request-open"] li.request-answer')
async function choose(w: VueWrapper, text: string): Promise<void> {
  const label = w.findAll('[data-testid="request-cover"] label').find((l) => l.text() === text)
  expect(label, text).toBeTruthy()
  await label!.find('input').setValue(true)
}

describe('the supervisor answers a request', () => {
  it('approves a leave with a cover who is free: the outcome is previewed, a shift left empty is warned of, signed with the PIN', async () => {
    const w = await f.open(RosterRequestsPage, 'supervisor', NOW)
    await until(() => expect(card(w).exists()).toBe(true))
    expect(w.find('[data-testid="request-ask"]').exists()).toBe(false)
    expect(card(w).text()).toContain('请假 12月10日')
    expect(card(w).text()).toContain('李娜 · 2026-12-09 08:30 申请')
    expect(card(w).find('[data-testid="request-shifts"]').text()).toBe('12月10日 白班')
    expect(card(w).text()).toContain('原因:孩子生病')

    await card(w).find('[data-testid="request-approve"]').trigger('click')
    // 张敏 stands the night: not offered as the cover, said why; 王管理 has no shift that day.
    expect(w.findAll('[data-testid="request-cover"] label').map((l) => l.text())).toEqual(['不安排替班', '王管理(空闲)'])
    expect(card(w).text()).toContain('张敏 已排 12月10日 夜班,不能替班')
    expect(w.find('[data-testid="request-understaffed"]').text()).toBe('12月10日白班将只有0人,少于最少1人')
    expect(w.find('[data-testid="request-outcome"] ul').text()).toContain('12月10日白班:无人')

    await choose(w, '王管理(空闲)')
    expect(w.find('[data-testid="request-understaffed"]').exists()).toBe(false)
    expect(w.find('[data-testid="request-outcome"]').text()).toContain('12月10日白班:王管理')
    expect(w.find('[data-testid="request-outcome"]').text()).toContain('12月10日夜班:张敏')

    await w.find('input[name="sign-pin"]').setValue('1111')
    await w.find('[data-testid="sign-confirm"]').trigger('click')
    await until(() => expect(card(w).text()).toContain('PIN 不正确'))
    await w.find('input[name="sign-pin"]').setValue('2580')
    await w.find('[data-testid="sign-confirm"]').trigger('click')
    await until(() => expect(w.find('[data-testid="request-open"]').text()).toContain('没有待审批的申请'))

    const s = f.site()
    const [item] = await monthRequests(f.db(), s.siteId, MONTH)
    expect(item!.answer).toMatchObject({ decision: 'approve', coverId: s.staff.administrator.id })
    const month = await loadRosterMonth(f.db(), s.siteId, MONTH)
    expect(month.inForce!.number).toBe(2)
    expect(codeOn(month.inForce!.version, s.staff.clerk.id, '2026-12-10')).toBe('leave')
    expect(codeOn(month.inForce!.version, s.staff.administrator.id, '2026-12-10')).toBe(s.day)
    expect(w.text()).toContain('按现行排班表 第2版')
  }, 30_000)

  it('refuses with a reason, which is required', async () => {
    const w = await f.open(RosterRequestsPage, 'supervisor', NOW)
    await until(() => expect(card(w).exists()).toBe(true))
    await card(w).find('[data-testid="request-refuse"]').trigger('click')
    await card(w).find('[data-testid="request-confirm-refuse"]').trigger('click')
    await until(() => expect(card(w).find('[role="alert"]').text()).toBe('请写明原因。'))
    await card(w).find('textarea').setValue('12月10日人手不足')
    await card(w).find('[data-testid="request-confirm-refuse"]').trigger('click')
    await until(() => expect(w.find('[data-testid="request-open"]').text()).toContain('没有待审批的申请'))
    const [item] = await monthRequests(f.db(), f.site().siteId, MONTH)
    expect(item!.answer).toMatchObject({ decision: 'refuse', reason: '12月10日人手不足', versionId: null })
  }, 20_000)

  it('does not offer a colleague just off the night shift as the cover of the 08:00 day shift', async () => {
    const s = f.site()
    const when = at('2026-12-08', '09:00')
    await paintCells(f.db(), s.actor('administrator'), 'administrator', MONTH, [{ staffId: s.staff.administrator.id, date: '2026-12-09', lane: 'desk', code: s.night }], TZ, when)
    const v = await submitRoster(f.db(), s.actor('administrator'), 'administrator', MONTH, '加夜班', s.sign('administrator', when), TZ, when)
    await takeStep(f.db(), s.actor('supervisor'), 'supervisor', v.id, 'approve', '', s.sign('supervisor', when + 1), when + 1)
    const w = await f.open(RosterRequestsPage, 'supervisor', NOW)
    await until(() => expect(card(w).exists()).toBe(true))
    await card(w).find('[data-testid="request-approve"]').trigger('click')
    expect(w.findAll('[data-testid="request-cover"] label').map((l) => l.text())).toEqual(['不安排替班'])
    expect(card(w).text()).toContain('王管理 12月9日 夜班刚下班,不能替班')
  }, 20_000)

  it('lets a request lapse once its shift has begun: no longer to approve, and the asker is told', async () => {
    let w = await f.open(RosterRequestsPage, 'supervisor', at('2026-12-10', '07:59'))
    await until(() => expect(card(w).exists()).toBe(true))
    w = await f.open(RosterRequestsPage, 'supervisor', at('2026-12-10', '08:00'))
    await until(() => expect(w.find('[data-testid="request-lapsed"]').text()).toBe('有 1 项申请在班次开始前没有答复,已失效,不能再批准。'))
    expect(card(w).exists()).toBe(false)
    expect(w.find('[data-testid="request-open"]').text()).toContain('没有待审批的申请')
    w = await f.open(RosterRequestsPage, 'clerk', at('2026-12-10', '08:00'))
    await until(() => expect(w.find('[data-testid="request-mine"] li').text()).toContain('班次开始前未获批准,申请已失效'))
  }, 20_000)

  it('is not offered to the manager, who neither asks nor answers', async () => {
    const w = await f.open(RosterRequestsPage, 'manager', NOW)
    await until(() => expect(w.text()).toContain('按现行排班表 第1版'))
    expect(w.find('[data-testid="request-ask"]').exists()).toBe(false)
    expect(w.find('[data-testid="request-open"]').exists()).toBe(false)
  }, 20_000)
})
