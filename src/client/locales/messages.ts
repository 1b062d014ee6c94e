/**
 * All interface texts: the app's own (`locales/zh-CN.json`, `en.json`) plus each feature's
 * (`features/<feature>/locales/zh-CN.json`, `en.json`, or a part of a feature its own
 * `features/<feature>/<part>/locales/…`), merged. A feature's files hold only its own
 * top-level keys, so features add texts without touching each other's files.
 */
import zhCN from './zh-CN.json'
import en from './en.json'

type Messages = Record<string, unknown>

const featureFiles = import.meta.glob<Messages>(['../features/*/locales/*.json', '../features/*/*/locales/*.json'], { eager: true, import: 'default' })

/** `base` with the texts of `files` (path → messages) of `locale` added; a key defined twice fails. */
export function mergeTexts(base: Messages, files: Record<string, Messages>, locale: string): Messages {
  const out: Messages = { ...base }
  for (const [path, messages] of Object.entries(files)) {
    if (!path.endsWith(`/${locale}.json`)) continue
    for (const [key, value] of Object.entries(messages)) {
      if (key in out) throw new Error(`locale key "${key}" of ${path} is already defined`)
      out[key] = value
    }
  }
  return out
}

export const MESSAGES = { 'zh-CN': mergeTexts(zhCN, featureFiles, 'zh-CN'), en: mergeTexts(en, featureFiles, 'en') } as const
