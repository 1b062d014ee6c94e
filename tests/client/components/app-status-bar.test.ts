/**
 * Issue 10 point 14: the status bar names a clerk on duty 当班人员 with her shift; a supervisor or a
 * manager, who do not stand the desk (篇2 4.1.2), is 登录人员 with no shift. With an approved roster the
 * roster names 值班人 and a clerk not rostered is only logged in (issue 13 point 4).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import AppStatusBar from '@client/components/AppStatusBar.vue'
import { newId } from '@shared/domain/ids'
import type { Role } from '@shared/domain/role'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'
import { makeStaff } from '../../factories/site'
import { mountApp, signedIn, until } from '../mount'
import { at, TZ } from '../../factories/duty'
import { seedRosterSite, type RosterSite } from '../../factories/roster-site'
import { approveRoster, usualMonth } from '../../factories/roster-duty'

const SITE = newId()
let db: DeskbookDb | null = null
let wrapper: VueWrapper | null = null
afterEach(async () => {
  wrapper?.unmount()
  db?.close()
  await db?.delete()
})

describe('AppStatusBar', () => {
  it.each([
    { role: 'assistant', name: '李娜', label: '当班人员', shift: true },
    { role: 'administrator', name: '王管理', label: '当班人员', shift: true },
    { role: 'supervisor', name: '张主管', label: '登录人员', shift: false },
    { role: 'manager', name: '孙经理', label: '登录人员', shift: false },
  ] as { role: Role; name: string; label: string; shift: boolean }[])('shows a $role as $label (a shift: $shift)', ({ role, name, label, shift }) => {
    db = freshDb()
    const who = makeStaff({ siteId: SITE, role, name })
    wrapper = mountApp(AppStatusBar, {}, db, signedIn(SITE, who)).wrapper
    // A desk clerk by name (the shift says the rest); a supervisor or manager with their post.
    expect(wrapper.find('[data-testid="status-staff"]').text()).toMatch(new RegExp(`^${label}\\s*${name}${shift ? '$' : '\\('}`))
    expect(wrapper.find('[data-testid="status-shift"]').exists()).toBe(shift)
  })
})

describe('AppStatusBar with the roster (issue 13 point 4)', () => {
  let s: RosterSite
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    db = freshDb()
    s = await seedRosterSite(db)
    await approveRoster(db, s, '2026-12', usualMonth(s, '2026-12'), at('2026-11-21', '09:00'))
  })
  afterEach(() => {
    vi.useRealTimers()
  })
  const open = async (who: keyof RosterSite['staff'], when: number): Promise<VueWrapper> => {
    vi.setSystemTime(when)
    const staff = (await db!.staff.get(s.staff[who].id))!
    const w = mountApp(AppStatusBar, {}, db!, signedIn(s.siteId, staff, { timezone: TZ })).wrapper
    await until(() => expect(w.find('[data-testid="status-on-duty"]').exists() || w.find('[data-testid="status-no-roster"]').exists()).toBe(true))
    return w
  }

  it('names the rostered clerk of the shift 值班人; she is 当班人员, rostered now', async () => {
    wrapper = await open('clerk', at('2026-12-10', '12:00'))
    expect(wrapper.find('[data-testid="status-on-duty"]').text()).toBe('值班人 李娜')
    expect(wrapper.find('[data-testid="status-staff"]').text()).toMatch(/^当班人员\s*李娜/)
    expect(wrapper.find('[data-testid="status-rostered"]').text()).toBe('本班排班')
  })

  it('shows a clerk not rostered who logs in at 15:00 as just logged in, not as 值班人', async () => {
    wrapper = await open('colleague', at('2026-12-10', '15:00'))
    expect(wrapper.find('[data-testid="status-on-duty"]').text()).toBe('值班人 李娜')
    expect(wrapper.find('[data-testid="status-staff"]').text()).toMatch(/^登录人员\s*张敏/)
    expect(wrapper.find('[data-testid="status-rostered"]').text()).toBe('未排班')
  })

  it('without an approved roster for the month: as before, and says so', async () => {
    wrapper = await open('colleague', at('2026-11-25', '15:00'))
    expect(wrapper.find('[data-testid="status-no-roster"]').text()).toBe('排班表未批准')
    expect(wrapper.find('[data-testid="status-staff"]').text()).toMatch(/^当班人员\s*张敏/)
    expect(wrapper.find('[data-testid="status-rostered"]').exists()).toBe(false)
  })
})
