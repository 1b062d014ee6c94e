/**
 * The duty log's header and the handover once the month's roster is approved (issue 13 point 4): 值班人 are
 * the rostered clerks (a takeover off the roster marked 非排班接班), nobody starts duty with a button, and
 * the handover names who is due to take over; without a roster the log says so and offers 开始值班.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { shiftKey } from '@shared/domain/duty-log'
import type { Staff } from '@shared/domain/staff'
import DutyLogPage from '@client/features/duty-log/pages/DutyLogPage.vue'
import HandoverPage from '@client/features/handover/pages/HandoverPage.vue'
import type { RosterSite } from '../../factories/roster-site'
import { seedRosterSite } from '../../factories/roster-site'
import { approveRoster, usualMonth } from '../../factories/roster-duty'
import { at } from '../../factories/duty'
import { makeDutyStart, makeHandover } from '../../factories/duty-seed'
import { mountApp, until } from '../mount'
import { signedInAt, useTodayFixture } from '../today/today-session'

const D = '2026-12-10'
let s: RosterSite
const fixture = useTodayFixture(async (db) => {
  s = await seedRosterSite(db)
  await approveRoster(db, s, '2026-12', usualMonth(s, '2026-12'), at('2026-11-21', '09:00'))
})
async function mountAt(page: typeof DutyLogPage, path: string, who: keyof RosterSite['staff'], when: number): Promise<VueWrapper> {
  const staff = (await fixture.db().staff.get(s.staff[who].id)) as Staff
  const w = mountApp(page, {}, fixture.db(), signedInAt(s.siteId, s.deviceId, staff, when)).wrapper
  await (w.vm.$router as Router).push(path)
  return w
}
const onDutyLine = (w: VueWrapper) => w.find('[data-testid="duty-on-duty"]')
const button = (w: VueWrapper, label: string) => w.findAll('button').find((b) => b.text() === label)

describe('DutyLogPage with the roster', () => {
  it('names the rostered clerk, not the colleague who logged in at 15:00, and a takeover off the roster as 非排班接班; no 开始值班', async () => {
    const db = fixture.db()
    await db.dutyEntries.put(makeDutyStart(s.siteId, shiftKey(D, s.day), s.staff.colleague.id, at(D, '15:00')))
    const { handover, signatures } = makeHandover(s.siteId, { fromShiftKey: shiftKey('2026-12-09', s.night), toShiftKey: shiftKey(D, s.day), outgoingId: s.staff.colleague.id, incomingId: s.staff.administrator.id, outgoingName: '张敏', incomingName: '王管理', shiftStartsAt: at(D, '08:00') })
    await db.handovers.put(handover)
    await db.signatures.bulkPut(signatures)
    const w = await mountAt(DutyLogPage, '/duty-log', 'colleague', at(D, '15:05'))
    await until(() => expect(onDutyLine(w).text()).toBe('值班人 李娜、王管理(非排班接班) 按排班表(第1版)'))
    expect(button(w, '开始值班')).toBeUndefined()
  })

  it('without a roster for the month: who started duty, the note, and 开始值班 for one not on it', async () => {
    const w = await mountAt(DutyLogPage, '/duty-log', 'clerk', at('2026-11-25', '12:00'))
    await until(() => expect(onDutyLine(w).text()).toBe('值班人 尚无人开始值班 本月排班表尚未批准,值班人按登录记录'))
    expect(button(w, '开始值班')).toBeDefined()
  })
})

describe('HandoverPage with the roster', () => {
  // The night before was handed over in the morning: the day shift is the one to hand over now.
  beforeEach(async () => {
    const { handover, signatures } = makeHandover(s.siteId, { fromShiftKey: shiftKey('2026-12-09', s.night), toShiftKey: shiftKey(D, s.day), outgoingId: s.staff.colleague.id, incomingId: s.staff.clerk.id, outgoingName: '张敏', incomingName: '李娜', shiftStartsAt: at(D, '08:00') })
    await fixture.db().handovers.put(handover)
    await fixture.db().signatures.bulkPut(signatures)
  })

  it('names the rostered incoming (应接班) and tells a clerk not rostered she takes over off the roster', async () => {
    const w = await mountAt(HandoverPage, '/handover', 'administrator', at(D, '19:45'))
    await until(() => expect(w.find('[data-testid="handover-expected"]').text()).toBe('应接班:张敏'))
    expect(w.find('[data-testid="handover-off-roster"]').text()).toBe('你不在本班排班表上:仍可接班,将记为非排班接班')
    // The outgoing clerk offered first is the rostered one of the shift handed over.
    expect((w.find('select[name="outgoing"]').element as HTMLSelectElement).value).toBe(s.staff.clerk.id)
  })

  it('does not warn the rostered incoming clerk', async () => {
    const w = await mountAt(HandoverPage, '/handover', 'colleague', at(D, '19:45'))
    await until(() => expect(w.find('[data-testid="handover-expected"]').text()).toBe('应接班:张敏'))
    expect(w.find('[data-testid="handover-off-roster"]').exists()).toBe(false)
  })
})
