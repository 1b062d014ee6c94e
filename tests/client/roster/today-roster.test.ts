import { describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, type Component } from 'vue'
import TodayRosterDue from '@client/features/today/components/TodayRosterDue.vue'
import { useTodayRoster } from '@client/features/today/composables/useTodayRoster'
import { takeStep } from '@client/db/roster/roster-writes'
import { makeSite } from '@shared/domain/site'
import { defaultSettings } from '@shared/domain/settings'
import { staffCard } from '@shared/domain/staff'
import { useSessionStore } from '@client/stores/session'
import type { RosterSite } from '../../factories/roster-site'
import { at, TZ } from '../../factories/duty'
import { mountApp, until } from '../mount'
import { submitted, useRosterFixture } from './roster-fixture'

const f = useRosterFixture()

async function open(who: keyof RosterSite['staff'], now: number, component: Component = TodayRosterDue): Promise<VueWrapper> {
  vi.setSystemTime(now)
  const { db, s } = f.get()
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore(pinia)
  session.setSite({ site: makeSite(s.siteId, '翠苑小区'), settings: { ...defaultSettings(s.siteId), timezone: TZ }, device: { id: s.deviceId, siteId: s.siteId, letter: 'A', name: '前台平板', createdAt: 0 } })
  session.signIn(staffCard((await db.staff.get(s.staff[who].id))!), now)
  return mountApp(component, {}, db, pinia).wrapper
}
/** The card's lines once read ('' before): a card with no line shows nothing, so its absence is read here. */
const Probe = defineComponent({
  setup() {
    const { lines, loaded } = useTodayRoster()
    return () => h('pre', loaded.value ? lines.value.map((l) => l.kind).join(',') || 'none' : '')
  },
})
const kindsFor = async (who: keyof RosterSite['staff'], now: number, kinds: string): Promise<void> => {
  const w = await open(who, now, Probe)
  await until(() => expect(w.text()).toBe(kinds))
  w.unmount()
}
const nothingFor = (who: keyof RosterSite['staff'], now: number): Promise<void> => kindsFor(who, now, 'none')
/** November began with no roster: the administrator and the supervisor are told so all month. */
const NOVEMBER_MISSING = '本月(2026年11月)还没有排班表:请尽快编排并提交审核'
const lines = (w: VueWrapper): string[] => w.findAll('[data-testid="today-roster-due"] li').map((li) => li.text())

describe('the roster on the today screen (篇2 4.1.1)', () => {
  it('reminds the administrator and the supervisor from the 20th, and says 已逾期 after the 25th', async () => {
    await kindsFor('administrator', at('2026-11-19', '09:00'), 'missing')
    let w = await open('administrator', at('2026-11-20', '09:00'))
    await until(() => expect(lines(w)).toEqual([NOVEMBER_MISSING, '下月(2026年12月)排班表须在11月25日前提交审核']))
    expect(w.findAll('a').map((a) => a.attributes('href'))).toEqual(['/roster?month=2026-11', '/roster?month=2026-12'])
    w.unmount()
    w = await open('supervisor', at('2026-11-26', '09:00'))
    await until(() => expect(lines(w)).toEqual([NOVEMBER_MISSING, '下月(2026年12月)排班表已逾期:应在11月25日前提交审核']))
    w.unmount()
    // The manager is not reminded of the draft (篇2 4.1.1: the administrator drafts, the supervisor reviews).
    await nothingFor('manager', at('2026-11-26', '09:00'))
  })

  it('shows the supervisor the roster to review and the manager the approved one to acknowledge', async () => {
    await submitted(f.get())
    let w = await open('supervisor', at('2026-11-21', '10:00'))
    await until(() => expect(lines(w)).toEqual([NOVEMBER_MISSING, '待审核的排班表:2026年12月']))
    w.unmount()
    // Submitted: the administrator is reminded of December no more.
    await kindsFor('administrator', at('2026-11-21', '10:00'), 'missing')


    const { db, s } = f.get()
    const [version] = await db.rosterVersions.toArray()
    await takeStep(db, s.actor('supervisor'), 'supervisor', version!.id, 'approve', '', s.sign('supervisor', Date.now()), Date.now())
    w = await open('manager', at('2026-11-21', '10:00'))
    await until(() => expect(lines(w)).toEqual(['待确认的排班表:2026年12月 第1版']))
    expect(w.find('a').attributes('href')).toBe('/roster?month=2026-12')
    w.unmount()
    await takeStep(db, s.actor('manager'), 'manager', version!.id, 'acknowledge', '', s.sign('manager', Date.now()), Date.now())
    await nothingFor('manager', at('2026-11-21', '10:00'))
    await kindsFor('supervisor', at('2026-11-21', '10:00'), 'missing')
    await nothingFor('supervisor', at('2026-12-01', '10:00'))
    await nothingFor('administrator', at('2026-12-01', '10:00'))
  })
})
