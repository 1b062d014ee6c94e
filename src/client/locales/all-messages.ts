/**
 * Every interface text, those merged at start (`MESSAGES`) and those a lazily loaded feature merges when it
 * opens (`features/<feature>/texts/*.json`, e.g. 统计: its texts travel in its own chunk so the first screen does
 * not grow). For the checks of the texts (parity, keys used): the app itself imports `messages.ts` only.
 */
import { MESSAGES, mergeTexts } from './messages'

const lazyFiles = import.meta.glob<Record<string, unknown>>('../features/*/texts/*.json', { eager: true, import: 'default' })

export const ALL_MESSAGES = { 'zh-CN': mergeTexts(MESSAGES['zh-CN'], lazyFiles, 'zh-CN'), en: mergeTexts(MESSAGES.en, lazyFiles, 'en') } as const
