/**
 * The today screen once the month's roster is approved (issue 13 point 4): who is rostered now and next,
 * 你本班值班 for a rostered clerk, no 开始值班, and the rostered incoming named when they do not come
 * (篇2 4.2.7–4.2.8); without a roster it says so and offers 开始值班 as before.
 */
import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { shiftKey } from '@shared/domain/duty-log'
import type { Staff } from '@shared/domain/staff'
import type { RosterSite } from '../../factories/roster-site'
import { seedRosterSite } from '../../factories/roster-site'
import { approveRoster, usualMonth } from '../../factories/roster-duty'
import { at } from '../../factories/duty'
import { until } from '../mount'
import { signedInAt, useTodayFixture } from './today-session'

const D = '2026-12-10'
let s: RosterSite
const fixture = useTodayFixture(async (db) => {
  s = await seedRosterSite(db)
  await approveRoster(db, s, '2026-12', usualMonth(s, '2026-12', [D]), at('2026-11-21', '09:00'))
})
const open = async (who: keyof RosterSite['staff'], when: number): Promise<VueWrapper> => {
  const staff = (await fixture.db().staff.get(s.staff[who].id)) as Staff
  const w = await fixture.open(signedInAt(s.siteId, s.deviceId, staff, when))
  await until(() => expect(w.find('[data-testid="today-roster"]').exists()).toBe(true))
  return w
}
const text = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`).text()
const button = (w: VueWrapper, label: string) => w.findAll('button').find((b) => b.text() === label)

describe('TodayPage with an approved roster', () => {
  it('shows the rostered clerks of the shift now and next; a rostered clerk is told 你本班值班; no 开始值班', async () => {
    const w = await open('clerk', at(D, '12:00'))
    expect(text(w, 'today-roster-current')).toBe('本班值班人 李娜、王管理')
    expect(text(w, 'today-roster-next')).toBe('下一班 张敏')
    expect(text(w, 'today-roster-mine')).toBe('你本班值班')
    expect(button(w, '开始值班')).toBeUndefined()
    expect(await fixture.db().dutyEntries.count()).toBe(0)
  })

  it('tells a clerk not rostered now so, and offers her no 开始值班 (logging in made her nobody’s 值班人)', async () => {
    const w = await open('colleague', at(D, '15:00'))
    expect(text(w, 'today-roster-mine')).toBe('你下一班值班')
    expect(button(w, '开始值班')).toBeUndefined()
  })

  it('names the rostered incoming who has not come to the waiting outgoing clerk, and the no-show names her', async () => {
    const w = await open('clerk', at(D, '20:10'))
    await until(() => expect(w.find('[data-testid="awaiting-expected"]').exists()).toBe(true))
    expect(text(w, 'awaiting-expected')).toBe('应接班人张敏未到岗')
    const card = w.find('[data-testid="awaiting-handover"]')
    await card.findAll('button').find((b) => b.text() === '记录接班人未到岗')!.trigger('click')
    await card.find('textarea[name="noShowNote"]').setValue('已电话联系')
    await card.find('form').trigger('submit')
    await until(() => expect(w.find('[data-testid="no-show-recorded"]').exists()).toBe(true))
    const noShows = (await fixture.db().dutyEntries.toArray()).filter((e) => e.kind === 'noShow')
    expect(noShows.map((e) => [e.shiftKey, e.staffId, e.content])).toEqual([[shiftKey(D, s.day), s.staff.clerk.id, '应接班人张敏未到岗。已电话联系']])
  })
})

describe('TodayInspectionQuota with the roster (篇2 4.4.4)', () => {
  it('owes the administrator only the days rostered: off Monday to Wednesday, Thursday is due today, nothing missed', async () => {
    const w = await open('supervisor', at(D, '20:00'))
    const admin = () => w.findAll('[data-testid="today-inspection-quota"] li').find((li) => li.text().startsWith('王管理'))
    await until(() => expect(admin()?.text()).toContain('0 / 1'))
    expect(admin()!.attributes('data-status')).toBe('dueToday')
    expect(admin()!.text()).not.toContain('漏查')
  })
})

describe('TodayRoster at a month’s end (the next shift opens another month)', () => {
  it('the last night of December, January not approved: says the next shift goes by who logs in', async () => {
    const w = await open('clerk', at('2026-12-31', '21:00'))
    expect(text(w, 'today-roster-current')).toBe('本班值班人 张敏')
    expect(text(w, 'today-roster-next')).toBe('下一班 2027年1月排班表尚未批准,值班人按登录记录。')
  })

  it('the last night of November without a roster: says so, and names who is rostered on the 1st', async () => {
    const w = await open('clerk', at('2026-11-30', '21:00'))
    expect(text(w, 'today-roster-none')).toBe('本月排班表尚未批准,值班人按登录记录。')
    expect(text(w, 'today-roster-next')).toBe('下一班 李娜')
  })
})

describe('TodayPage without an approved roster', () => {
  it('says so and offers the administrator 开始值班 as before', async () => {
    const w = await open('administrator', at('2026-11-25', '12:00'))
    expect(text(w, 'today-roster-none')).toBe('本月排班表尚未批准,值班人按登录记录。')
    await until(() => expect(button(w, '开始值班')).toBeDefined())
  })
})
