/** vue-i18n: Simplified Chinese first (the staff's language), English second. */
import { createI18n } from 'vue-i18n'
import { Locale as VantLocale } from 'vant'
import vantZh from 'vant/es/locale/lang/zh-CN'
import vantEn from 'vant/es/locale/lang/en-US'
import type zhCN from '../locales/zh-CN.json'
import { MESSAGES } from '../locales/messages'
import { reportMissingText } from '../locales/missing-text'

export const LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]
const STORAGE_KEY = 'deskbook.locale'

export type MessageSchema = typeof zhCN

function savedLocale(): AppLocale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as AppLocale) : 'zh-CN'
}

export function createAppI18n(locale: AppLocale = savedLocale()) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: MESSAGES as unknown as Record<AppLocale, MessageSchema>,
    // A key missing in the language shown is reported (and fails the tests), whatever the fallback gives.
    missing: (locale, key) => reportMissingText(locale, key),
    missingWarn: false,
    fallbackWarn: false,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

/** Switch the interface language, Vant's built-in texts and the page's lang attribute together. */
export function applyLocale(i18n: AppI18n, locale: AppLocale): void {
  i18n.global.locale.value = locale
  VantLocale.use(locale === 'en' ? 'en-US' : 'zh-CN', locale === 'en' ? vantEn : vantZh)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale)
}
