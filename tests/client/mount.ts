/**
 * Mounting a component as the app would: Pinia, zh-CN i18n with every text loaded, a memory router with the app's
 * routes, and a fresh real (fake-indexeddb) database.
 */
import { vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import { createAppI18n } from '@client/modules/i18n'
import { MESSAGES } from '@client/locales/messages'
import { DB_KEY } from '@client/modules/db'
import { createAppRouter } from '@client/router'
import type { DeskbookDb } from '@client/db/database'
import { newId } from '@shared/domain/ids'
import { makeSite } from '@shared/domain/site'
import { defaultSettings, type Settings } from '@shared/domain/settings'
import { staffCard, type Staff } from '@shared/domain/staff'
import { useSessionStore } from '@client/stores/session'
import { freshDb } from '../factories/db'

export interface Mounted {
  wrapper: VueWrapper
  pinia: Pinia
  db: DeskbookDb
}

export function mountApp(component: Component, options: { props?: Record<string, unknown>; slots?: Record<string, () => unknown> } = {}, db = freshDb(), pinia = createPinia()): Mounted {
  setActivePinia(pinia)
  const i18n = createAppI18n('zh-CN', MESSAGES)
  const router = createAppRouter(pinia, true)
  const wrapper = mount(component, {
    props: options.props,
    slots: options.slots,
    global: { plugins: [pinia, i18n, router], provide: { [DB_KEY as symbol]: db } },
  }) as VueWrapper
  return { wrapper, pinia, db }
}

/** Pinia with the tablet set up for `siteId` and `who` logged in, as after a PIN login. */
export function signedIn(siteId: string, who: Staff, settings: Partial<Settings> = {}): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore(pinia)
  session.setSite({ site: makeSite(siteId, '翠苑小区'), settings: { ...defaultSettings(siteId), ...settings }, device: { id: newId(), siteId, letter: 'A', name: '前台平板', createdAt: 0 } })
  session.signIn(staffCard(who), Date.now())
  return pinia
}

/**
 * Wait until `check` passes, letting the database and Vue settle between tries. Up to 5 s: on a busy
 * machine a save through fake-indexeddb can take over a second; this waits for an outcome, it times nothing.
 */
export async function until(check: () => void | Promise<void>): Promise<void> {
  await vi.waitFor(
    async () => {
      await flushPromises()
      await check()
    },
    { timeout: 5_000 },
  )
}
