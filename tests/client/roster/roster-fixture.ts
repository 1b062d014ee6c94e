/** The roster page mounted as one of the roster site's people, with Date standing on the 21st of November 2026 (Shanghai). */
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import type { Router } from 'vue-router'
import RosterPage from '@client/features/roster/pages/RosterPage.vue'
import { makeSite } from '@shared/domain/site'
import { defaultSettings } from '@shared/domain/settings'
import { staffCard } from '@shared/domain/staff'
import { useSessionStore } from '@client/stores/session'
import type { DeskbookDb } from '@client/db/database'
import { daysOf } from '@shared/domain/roster'
import { paintCells, submitRoster, takeStep, type Paint } from '@client/db/roster/roster-writes'
import { at, TZ } from '../../factories/duty'
import { freshDb } from '../../factories/db'
import { seedRosterSite, type RosterSite } from '../../factories/roster-site'
import { mountApp, until } from '../mount'

export const MONTH = '2026-12'
export const NOW = at('2026-11-21', '09:00')

export interface RosterFixture {
  db: DeskbookDb
  s: RosterSite
}

/** A fresh database per test with the roster site; only Date is faked, so fake-indexeddb keeps its timers. */
export function useRosterFixture(): { get: () => RosterFixture; open: (who: keyof RosterSite['staff'], path?: string) => Promise<VueWrapper> } {
  let f: RosterFixture | null = null
  let wrapper: VueWrapper | null = null
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const db = freshDb()
    f = { db, s: await seedRosterSite(db) }
  })
  afterEach(async () => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
    vi.useRealTimers()
    f!.db.close()
    await f!.db.delete()
  })
  return {
    get: () => f!,
    async open(who, path = `/roster?month=${MONTH}`) {
      const { db, s } = f!
      const pinia: Pinia = createPinia()
      setActivePinia(pinia)
      const session = useSessionStore(pinia)
      session.setSite({ site: makeSite(s.siteId, '翠苑小区'), settings: { ...defaultSettings(s.siteId), timezone: TZ }, device: { id: s.deviceId, siteId: s.siteId, letter: 'A', name: '前台平板', createdAt: 0 } })
      session.signIn(staffCard((await db.staff.get(s.staff[who].id))!), Date.now())
      wrapper = mountApp(RosterPage, {}, db, pinia).wrapper
      await (wrapper.vm.$router as Router).push(path)
      await until(() => expect(wrapper!.find('[data-testid="roster-state"]').exists()).toBe(true))
      return wrapper
    },
  }
}

/** Every day of December: the clerk on days, the colleague on nights. */
export function wholeMonth(s: RosterSite): Paint[] {
  return daysOf(MONTH).flatMap((date) => [
    { staffId: s.staff.clerk.id, date, lane: 'desk' as const, code: s.day },
    { staffId: s.staff.colleague.id, date, lane: 'desk' as const, code: s.night },
  ])
}

/** The month painted and submitted; `approved` also approves it. */
export async function submitted({ db, s }: RosterFixture, approved = false): Promise<void> {
  await paintCells(db, s.actor('administrator'), 'administrator', MONTH, wholeMonth(s), TZ, NOW)
  const v = await submitRoster(db, s.actor('administrator'), 'administrator', MONTH, '', s.sign('administrator', NOW), TZ, NOW)
  if (approved) await takeStep(db, s.actor('supervisor'), 'supervisor', v.id, 'approve', '', s.sign('supervisor', NOW + 1), NOW + 1)
}
