/**
 * All interface texts, merged eagerly: the app's own (`locales/zh-CN.json`, `en.json`) plus each feature's
 * (`features/<feature>/locales/zh-CN.json`, `en.json`, or a part of a feature its own
 * `features/<feature>/<part>/locales/…`). For tests and tools that want every text at once; the app loads
 * them in parts (`load.ts`) so the first screen carries only its own.
 */
import zhCN from './zh-CN.json'
import en from './en.json'
import { mergeMessages, type Messages } from './merge'

const featureFiles = import.meta.glob<Messages>(['../features/*/locales/*.json', '../features/*/*/locales/*.json'], { eager: true, import: 'default' })

const of = (locale: string): (readonly [string, Messages])[] => Object.entries(featureFiles).filter(([path]) => path.endsWith(`/${locale}.json`))

export const MESSAGES = { 'zh-CN': mergeMessages(zhCN, of('zh-CN')), en: mergeMessages(en, of('en')) } as const
