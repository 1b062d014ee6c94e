/**
 * Mounting a component as the app would: Pinia, zh-CN i18n, a memory router with the app's
 * routes, and a fresh real (fake-indexeddb) database.
 */
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import { createAppI18n } from '@client/modules/i18n'
import { DB_KEY } from '@client/modules/db'
import { createAppRouter } from '@client/router'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../factories/db'

export interface Mounted {
  wrapper: VueWrapper
  pinia: Pinia
  db: DeskbookDb
}

export function mountApp(component: Component, options: { props?: Record<string, unknown>; slots?: Record<string, () => unknown> } = {}, db = freshDb(), pinia = createPinia()): Mounted {
  setActivePinia(pinia)
  const i18n = createAppI18n('zh-CN')
  const router = createAppRouter(pinia, true)
  const wrapper = mount(component, {
    props: options.props,
    slots: options.slots,
    global: { plugins: [pinia, i18n, router], provide: { [DB_KEY as symbol]: db } },
  }) as VueWrapper
  return { wrapper, pinia, db }
}
