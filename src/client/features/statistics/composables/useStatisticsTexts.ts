/**
 * 统计's texts are merged into the app's when its page or print opens (and travel in its chunk), not at
 * start: the first screen does not grow with a screen most staff never open (issue 16 point 2). Call it first
 * in each of its routes' components.
 */
import { useI18n } from 'vue-i18n'
import zhCN from '../texts/zh-CN.json'
import en from '../texts/en.json'

const TEXTS = { 'zh-CN': zhCN, en } as const

export function useStatisticsTexts(): void {
  const i18n = useI18n({ useScope: 'global' })
  for (const [locale, messages] of Object.entries(TEXTS)) if (!i18n.te('statistics.title', locale)) i18n.mergeLocaleMessage(locale, messages)
}
