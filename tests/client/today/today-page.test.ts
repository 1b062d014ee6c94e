import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import type { Router } from 'vue-router'
import { newId } from '@shared/domain/ids'
import { useSessionStore } from '@client/stores/session'
import { dutyStartEntry } from '@client/db/duty/duty-log'
import { makeStaff } from '../../factories/site'
import { at, dayAndNight, keyOf } from '../../factories/duty'
import { makeHandover } from '../../factories/duty-seed'
import { until } from '../mount'
import { signedInAt as signedIn, useTodayFixture } from './today-session'

const SITE = newId()
const DATE = '2026-11-26'
const { day, night, shifts } = dayAndNight(SITE)
const DAY_KEY = keyOf(day, DATE)
const NIGHT_KEY = keyOf(night, DATE)
const lina = makeStaff({ siteId: SITE, role: 'assistant', name: '李娜' })
const fang = makeStaff({ siteId: SITE, role: 'assistant', name: '王芳' })
const chen = makeStaff({ siteId: SITE, role: 'supervisor', name: '陈主管' })
const DEVICE = newId()

// 李娜 started the day shift (08:00–20:00) when she logged in that morning.
const fixture = useTodayFixture(async (db) => {
  await db.staff.bulkAdd([lina, fang, chen])
  await db.shiftTypes.bulkAdd(shifts)
  await db.dutyEntries.add(dutyStartEntry({ siteId: SITE, deviceId: DEVICE, staffId: lina.id }, DAY_KEY, at(DATE, '07:55')))
})

/** The tablet in Shanghai with 李娜 logged in at the Shanghai wall-clock time `hhmm`. */
const signedInAt = (hhmm: string): Pinia => signedIn(SITE, DEVICE, lina, at(DATE, hhmm))
const openToday = fixture.open

const endDuty = (w: VueWrapper) => w.find('[data-testid="end-duty"]')
const blocked = (w: VueWrapper) => w.find('[data-testid="end-duty-blocked"]')
const awaiting = (w: VueWrapper) => w.find('[data-testid="awaiting-handover"]')

/** The day shift handed over to 王芳, who arrived at 19:55 (both signed; arriving from another tablet by sync). */
async function handOver(): Promise<void> {
  const { handover, signatures } = makeHandover(SITE, { fromShiftKey: DAY_KEY, toShiftKey: NIGHT_KEY, outgoingId: lina.id, incomingId: fang.id, outgoingName: '李娜', incomingName: '王芳', shiftStartsAt: at(DATE, '20:00'), arrivedBefore: 5 })
  await fixture.db().signatures.bulkAdd(signatures)
  await fixture.db().handovers.add(handover)
}

describe('TodayPage — ending duty (篇2 4.2.8)', () => {
  it('at 20:10 with no handover: shows 等待接班, keeps 结束值班 disabled with the reason, and records the no-show to the supervisor', async () => {
    const w = await openToday(signedInAt('20:10'))
    expect(w.find('h1').text()).toBe('李娜,您好')
    expect(w.find('[data-testid="today-shift"]').text()).toContain('当前班次:夜班(20:00–08:00)')

    await until(() => expect(awaiting(w).exists()).toBe(true))
    expect(awaiting(w).find('h2').text()).toBe('等待接班')
    expect(awaiting(w).text()).toContain(`${DATE} 白班 已于 20:00 结束,接班人尚未签字接班`)
    expect(endDuty(w).text()).toBe('结束值班')
    expect(endDuty(w).attributes('disabled')).toBeDefined()
    expect(blocked(w).text()).toBe('接班人签字接班前不能结束值班(篇2 4.2.8)')
    // She is still on the day shift's duty: no 开始值班 for the night one.
    expect(w.findAll('button').some((b) => b.text() === '开始值班')).toBe(false)

    await awaiting(w).findAll('button').find((b) => b.text() === '记录接班人未到岗')!.trigger('click')
    await awaiting(w).find('textarea[name="noShowNote"]').setValue('  已电话联系王芳,已报告陈主管  ')
    await awaiting(w).find('form').trigger('submit')
    await until(() => expect(w.find('[data-testid="no-show-recorded"]').exists()).toBe(true))
    expect(w.find('[data-testid="no-show-recorded"]').text()).toBe('已记录接班人未到岗,并上报客服主管')

    const noShows = (await fixture.db().dutyEntries.toArray()).filter((e) => e.kind === 'noShow')
    expect(noShows).toEqual([
      expect.objectContaining({ siteId: SITE, shiftKey: DAY_KEY, staffId: lina.id, escalation: 'supervisor', content: '已电话联系王芳,已报告陈主管' }),
    ])
    // vi.waitFor moves the faked clock on by its polling interval: still the minute she pressed it.
    expect(noShows[0]!.at - at(DATE, '20:10')).toBeGreaterThanOrEqual(0)
    expect(noShows[0]!.at - at(DATE, '20:10')).toBeLessThan(60_000)
    expect(await fixture.db().outbox.toArray()).toEqual([expect.objectContaining({ table: 'dutyEntries', name: 'dutyEntry.add', recordId: noShows[0]!.id, staffId: lina.id, deviceId: DEVICE, siteId: SITE })])
    // Recording it does not let her go: the handover still has to be signed.
    expect(endDuty(w).attributes('disabled')).toBeDefined()
    expect(blocked(w).text()).toBe('接班人签字接班前不能结束值班(篇2 4.2.8)')
  })

  it('at 12:00, during her shift: 结束值班 is disabled because the shift is not over', async () => {
    const w = await openToday(signedInAt('12:00'))
    expect(w.find('[data-testid="today-shift"]').text()).toContain('当前班次:白班(08:00–20:00)')
    // Disabled while the log is read, then for the reason that holds.
    expect(endDuty(w).attributes('disabled')).toBeDefined()
    await until(() => expect(blocked(w).text()).toBe('本班尚未结束;交接班完成后才能结束值班'))
    expect(endDuty(w).attributes('disabled')).toBeDefined()
    expect(awaiting(w).exists()).toBe(false)
  })

  it('with her shift handed over before she opens the screen: 结束值班 enabled once the log is read, no waiting card', async () => {
    await handOver()
    const w = await openToday(signedInAt('20:10'))
    await until(() => expect(endDuty(w).attributes('disabled')).toBeUndefined())
    expect(awaiting(w).exists()).toBe(false)
    expect(blocked(w).exists()).toBe(false)
  })

  it('once her shift is handed over, 结束值班 is enabled and signs her out', async () => {
    const w = await openToday(signedInAt('20:10'))
    await until(() => expect(awaiting(w).exists()).toBe(true))
    expect(endDuty(w).attributes('disabled')).toBeDefined()

    await handOver()
    await until(() => expect(awaiting(w).exists()).toBe(false))
    expect(endDuty(w).attributes('disabled')).toBeUndefined()
    expect(blocked(w).exists()).toBe(false)

    await endDuty(w).trigger('click')
    const router = w.vm.$router as Router
    await until(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(useSessionStore().isLoggedIn).toBe(false)
  })
})
