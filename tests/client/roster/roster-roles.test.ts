import { describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { hashPin } from '@shared/domain/pin'
import { until } from '../mount'
import { paintCells } from '@client/db/roster/roster-writes'
import { TZ } from '../../factories/duty'
import { MONTH, NOW, submitted, useRosterFixture } from './roster-fixture'

vi.mock('@client/components/BaseSignaturePad.vue', () => import('../signature-pad-stub'))

const f = useRosterFixture()
const actions = (w: VueWrapper): string[] => w.findAll('[data-testid="roster-status"] button[data-action]').map((b) => b.text())
const note = (w: VueWrapper): string => w.find('[data-testid="roster-note"]').text()

describe('the roster page by role (issue 13 points 1–2)', () => {
  it('offers the administrator the palette and 提交审核; once submitted the grid is read-only with the reason', async () => {
    let w = await f.open('administrator')
    await until(() => expect(actions(w)).toEqual(['提交审核']))
    expect(w.find('[data-testid="roster-palette"]').exists()).toBe(true)
    expect(w.find('[data-testid="roster-state"]').text()).toBe('尚未编排排班表')
    w.unmount()

    await submitted(f.get())
    w = await f.open('administrator')
    await until(() => expect(w.find('[data-testid="roster-state"]').text()).toBe('待客服主管审核'))
    expect(note(w)).toBe('排班表正在等待客服主管审核,审核完成前不能修改。')
    expect(w.find('[data-testid="roster-palette"]').exists()).toBe(false)
    expect(w.findAll('[data-testid="roster-grid"] button')).toHaveLength(0)
    expect(w.find('[role="img"][aria-label="李娜 12月1日 白班"]').exists()).toBe(true)
    expect(actions(w)).toEqual([])
  })

  it('shows the supervisor the draft under review, read-only, with 审核通过 and 退回修改 and the days short of staff', async () => {
    await submitted(f.get())
    const w = await f.open('supervisor')
    await until(() => expect(note(w)).toBe('显示的是待您审核的排班表草稿;排班表由客服管理员编排。'))
    expect(w.find('[role="img"][aria-label="张敏 12月31日 夜班"]').exists()).toBe(true)
    expect(w.findAll('[data-testid="roster-grid"] button')).toHaveLength(0)
    expect(actions(w)).toEqual(['审核通过', '退回修改'])

    // 退回 with a comment, signed, the supervisor's PIN checked first.
    const { db, s } = f.get()
    await db.staff.update(s.staff.supervisor.id, { pin: await hashPin('4826', 1000) })
    await w.find('button[data-action="return"]').trigger('click')
    await until(() => expect(w.find('[data-testid="roster-sign"]').exists()).toBe(true))
    const form = w.find('[data-testid="roster-sign"]')
    expect(form.text()).toContain('退回意见(必填)')
    await form.find('textarea').setValue('12月24日白班只有一人')
    await form.find('input[name="roster-pin"]').setValue('1111')
    await form.find('[data-testid="sign-confirm"]').trigger('click')
    await until(() => expect(w.find('[data-testid="roster-sign"] [role="alert"]').text()).toBe('PIN 不正确'))
    expect(await db.rosterSteps.count()).toBe(0)
    await w.find('[data-testid="roster-sign"] input[name="roster-pin"]').setValue('4826')
    await w.find('[data-testid="roster-sign"] [data-testid="sign-confirm"]').trigger('click')
    await until(() => expect(w.find('[data-testid="roster-state"]').text()).toBe('已退回修改'))
    expect(w.find('[data-testid="roster-sign"]').exists()).toBe(false)
    expect(w.find('[data-testid="roster-return-comment"]').text()).toBe('主管意见:12月24日白班只有一人')
    expect((await db.rosterSteps.toArray()).map((x) => [x.step, x.comment, x.staffId])).toEqual([['return', '12月24日白班只有一人', s.staff.supervisor.id]])
    expect(await db.signatures.count()).toBe(2)
  })

  it('keeps a return comment half-typed through the idle lock: the step opens again with it for the supervisor', async () => {
    await submitted(f.get())
    let w = await f.open('supervisor')
    await until(() => expect(actions(w)).toEqual(['审核通过', '退回修改']))
    await w.find('button[data-action="return"]').trigger('click')
    await until(() => expect(w.find('[data-testid="roster-sign"]').exists()).toBe(true))
    await w.find('[data-testid="roster-sign"] textarea').setValue('夜班连续排了七天')
    const { db } = f.get()
    await until(async () => expect((await db.formDrafts.toArray()).map((d) => d.form)).toEqual(['roster.sign:2026-12:return']))
    w.unmount() // the idle lock leaves the page
    w = await f.open('supervisor')
    await until(() => expect((w.find('[data-testid="roster-sign"] textarea').element as HTMLTextAreaElement | undefined)?.value).toBe('夜班连续排了七天'))
    expect(w.find('[data-testid="roster-sign"]').attributes('data-action')).toBe('return')
    // Cancelled, it is forgotten.
    await w.findAll('[data-testid="roster-sign"] button').find((b) => b.text() === '取消')!.trigger('click')
    await until(async () => expect(await db.formDrafts.count()).toBe(0))
  })

  it('lists the days short of staff before the supervisor approves', async () => {
    await submitted(f.get())
    const w = await f.open('supervisor')
    await until(() => expect(actions(w)).toEqual(['审核通过', '退回修改']))
    await w.find('button[data-action="approve"]').trigger('click')
    await until(() => expect(w.find('[data-testid="roster-sign"] [data-testid="roster-short"]').exists()).toBe(true))
    // Nobody but the two clerks is painted: every day has its day and night shift, so none is short.
    expect(w.find('[data-testid="roster-sign"] [data-testid="roster-short"]').text()).toBe('每天每个班次的前台人数都已达到最少值班人数')
    expect(w.find('[data-testid="roster-sign"] textarea').exists()).toBe(false)
  })

  it('shows the manager the version in force with 确认收到, and a clerk the same without any action', async () => {
    await submitted(f.get(), true)
    let w = await f.open('manager')
    await until(() => expect(w.find('[data-testid="roster-state"]').text()).toBe('已批准 第1版,待物业服务中心经理确认'))
    expect(note(w)).toBe('显示的是正在执行的第1版排班表;排班表由客服管理员编排。')
    expect(actions(w)).toEqual(['确认收到'])
    w.unmount()

    w = await f.open('clerk')
    await until(() => expect(w.find('[role="img"][aria-label="李娜 12月1日 白班"]').exists()).toBe(true))
    expect(actions(w)).toEqual([])
    expect(w.find('[data-testid="roster-palette"]').exists()).toBe(false)
  })

  it('tells a clerk when the month has no approved roster, and shows no grid', async () => {
    await submitted(f.get())
    const w = await f.open('clerk')
    await until(() => expect(note(w)).toBe('本月还没有已批准的排班表。'))
    expect(w.find('[data-testid="roster-grid"]').exists()).toBe(false)
    expect(actions(w)).toEqual([])
  })

  it('asks the administrator for 变更原因 when changing an approved roster', async () => {
    await submitted(f.get(), true)
    const w = await f.open('administrator')
    await until(() => expect(actions(w)).toEqual(['提交审核']))
    await w.find('button[data-action="submit"]').trigger('click')
    await until(() => expect(w.find('[data-testid="roster-sign"]').text()).toContain('变更原因(必填)'))
    // Without the reason (and with nothing changed) the submit is refused in words and nothing is written.
    await f.get().db.staff.update(f.get().s.staff.administrator.id, { pin: await hashPin('2580', 1000) })
    await w.find('[data-testid="roster-sign"] input[name="roster-pin"]').setValue('2580')
    await w.find('[data-testid="roster-sign"] [data-testid="sign-confirm"]').trigger('click')
    await until(() => expect(w.find('[data-testid="roster-sign"] [role="alert"]').text()).toBe('请写明原因。与正在执行的版本相比没有任何改动。'))
    expect(await f.get().db.rosterVersions.count()).toBe(1)
    expect(w.find('[data-testid="roster-note"]').exists()).toBe(false)
    // A cell changed: the page says the change is not in force until it is submitted and approved.
    const { db, s } = f.get()
    await paintCells(db, s.actor('administrator'), 'administrator', MONTH, [{ staffId: s.staff.clerk.id, date: `${MONTH}-05`, lane: 'desk', code: 'rest' }], TZ, NOW)
    await until(() => expect(note(w)).toBe('这里的修改尚未生效:正在执行的仍是第1版,修改提交审核并经客服主管批准后才执行。'))
  })
})
