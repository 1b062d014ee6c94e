/**
 * The texts as the app loads them (issue 17): the app's own zh-CN texts — everything the first screens
 * (setup, enrolment, login, the wiped notice, the update prompt) show — are in the entry; the features'
 * texts, and English, come as their own chunks when a screen needs them (precached by the service worker
 * like every chunk, so this works offline). `messages.ts` merges the same files eagerly, for tests and tools.
 */
import zhCN from './zh-CN.json'
import { mergeMessages, type Messages } from './merge'

/** What the first screens show in the language they open in. */
export const FIRST_SCREEN_MESSAGES: Messages = zhCN

const appFiles = import.meta.glob<Messages>(['./*.json', '!./zh-CN.json'], { import: 'default' })
const featureFiles = import.meta.glob<Messages>(['../features/*/locales/*.json', '../features/*/*/locales/*.json'], { import: 'default' })

const loaded = new Map<string, Promise<Messages>>()

/** Every text of `locale`: the app's own and each feature's, merged (a key defined twice throws). */
export function loadMessages(locale: string): Promise<Messages> {
  let messages = loaded.get(locale)
  if (!messages) {
    const own = locale === 'zh-CN' ? Promise.resolve(zhCN) : appFiles[`./${locale}.json`]!()
    const features = Object.entries(featureFiles)
      .filter(([path]) => path.endsWith(`/${locale}.json`))
      .map(async ([path, load]) => [path, await load()] as const)
    messages = Promise.all([own, Promise.all(features)]).then(([base, files]) => mergeMessages(base, files))
    // A chunk that failed to load (an update half applied) is tried again next time.
    messages.catch(() => loaded.delete(locale))
    loaded.set(locale, messages)
  }
  return messages
}
