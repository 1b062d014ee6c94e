/**
 * vue-i18n: Simplified Chinese first (the staff's language), English second. The first screens' texts
 * (zh-CN) are in the entry; every other text is loaded before the first route that needs it
 * (`loadTextsBeforeRoutes`) or when the language is switched (`applyLocale`) — issue 17.
 */
import { createI18n } from 'vue-i18n'
import type { Router } from 'vue-router'
import { Locale as VantLocale } from 'vant'
import vantZh from 'vant/es/locale/lang/zh-CN'
import type zhCN from '../locales/zh-CN.json'
import { FIRST_SCREEN_MESSAGES, loadMessages } from '../locales/load'
import type { Messages } from '../locales/merge'
import { reportMissingText } from '../locales/missing-text'

export const LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]
const STORAGE_KEY = 'deskbook.locale'

export type MessageSchema = typeof zhCN

/** The routes whose screens show only the app's own texts (`locales/zh-CN.json`): they open before any feature's texts load. */
export const FIRST_SCREEN_ROUTES: readonly string[] = ['setup', 'enrol', 'login']

export function savedLocale(): AppLocale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as AppLocale) : 'zh-CN'
}

/** `messages`: the texts there are at first; the app starts with the first screens' (tests pass all, `locales/messages.ts`). */
export function createAppI18n(locale: AppLocale = savedLocale(), messages: Partial<Record<AppLocale, Messages>> = { 'zh-CN': FIRST_SCREEN_MESSAGES }) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: messages as unknown as Record<AppLocale, MessageSchema>,
    // A key missing in the language shown is reported (and fails the tests), whatever the fallback gives.
    missing: (locale, key) => reportMissingText(locale, key),
    missingWarn: false,
    fallbackWarn: false,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>
type Composer = AppI18n['global']

/** The languages whose every text is loaded into a composer. */
const complete = new WeakMap<Composer, Set<AppLocale>>()

/** Every text of `locale` — the app's own and all features' — loaded into the composer (once). */
export async function loadLocale(i18n: AppI18n, locale: AppLocale): Promise<void> {
  const done = complete.get(i18n.global) ?? new Set<AppLocale>()
  complete.set(i18n.global, done)
  if (done.has(locale)) return
  i18n.global.setLocaleMessage(locale, (await loadMessages(locale)) as unknown as MessageSchema)
  done.add(locale)
}

/**
 * Before a route other than the first screens resolves, the texts of the language shown are all there
 * (a chunk each from the service worker's cache; the screen shows no raw key meanwhile).
 */
export function loadTextsBeforeRoutes(router: Router, i18n: AppI18n): void {
  router.beforeResolve(async (to) => {
    if (!FIRST_SCREEN_ROUTES.includes(String(to.name))) await loadLocale(i18n, i18n.global.locale.value)
  })
}

/**
 * Switch the interface language, Vant's built-in texts and the page's lang attribute together, once the
 * language's texts are loaded. `all: false` (the start in Chinese) loads none: the first screens' are there.
 */
export async function applyLocale(i18n: AppI18n, locale: AppLocale, { all = true } = {}): Promise<void> {
  if (all) await loadLocale(i18n, locale)
  const vant = locale === 'en' ? ((await import('vant/es/locale/lang/en-US')).default) : vantZh
  i18n.global.locale.value = locale
  VantLocale.use(locale === 'en' ? 'en-US' : 'zh-CN', vant)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale)
}
