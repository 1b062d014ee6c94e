/** The today screen as a tablet in Shanghai shows it: someone signed in at a given instant, the page mounted and read. */
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import type { Router } from 'vue-router'
import TodayPage from '@client/features/today/pages/TodayPage.vue'
import { makeSite } from '@shared/domain/site'
import { defaultSettings } from '@shared/domain/settings'
import { staffCard, type Staff } from '@shared/domain/staff'
import { useSessionStore } from '@client/stores/session'
import type { DeskbookDb } from '@client/db/database'
import { TZ } from '../../factories/duty'
import { freshDb } from '../../factories/db'
import { mountApp, until } from '../mount'

/** `who` signed in on the site's tablet with the clock at `when` (only Date is faked by the tests). */
export function signedInAt(siteId: string, deviceId: string, who: Staff, when: number): Pinia {
  vi.setSystemTime(when)
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore(pinia)
  session.setSite({ site: makeSite(siteId, '翠苑小区'), settings: { ...defaultSettings(siteId), timezone: TZ }, device: { id: deviceId, siteId, letter: 'A', name: '前台平板', createdAt: 0 } })
  session.signIn(staffCard(who), Date.now())
  return pinia
}

/** The today page mounted at /today, once its shift card is there. */
export async function mountToday(db: DeskbookDb, pinia: Pinia): Promise<VueWrapper> {
  const wrapper = mountApp(TodayPage, {}, db, pinia).wrapper
  await (wrapper.vm.$router as Router).push('/today')
  await until(() => expect(wrapper.find('[data-testid="today-shift"]').text()).toContain('当前班次'))
  return wrapper
}

/**
 * A fresh database per test, seeded by `seed`, with only Date faked: "now" stands where a test puts
 * it, while fake-indexeddb and Dexie's live queries keep their real timers. `open` mounts the page.
 */
export function useTodayFixture(seed: (db: DeskbookDb) => Promise<void>): { db: () => DeskbookDb; open: (pinia: Pinia) => Promise<VueWrapper> } {
  let db: DeskbookDb | null = null
  let wrapper: VueWrapper | null = null
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    db = freshDb()
    await seed(db)
  })
  afterEach(async () => {
    wrapper?.unmount()
    wrapper = null
    vi.useRealTimers()
    db?.close()
    await db?.delete()
  })
  const current = (): DeskbookDb => {
    if (!db) throw new Error('no database: use inside a test')
    return db
  }
  return {
    db: current,
    async open(pinia) {
      wrapper?.unmount()
      wrapper = await mountToday(current(), pinia)
      return wrapper
    },
  }
}

