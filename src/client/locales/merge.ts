export type Messages = Record<string, unknown>

/**
 * The app's texts of one language, `base` plus each feature's files. A feature's files hold only its own
 * top-level keys, so features add texts without touching each other's files; a key defined twice throws.
 */
export function mergeMessages(base: Messages, files: readonly (readonly [path: string, messages: Messages])[]): Messages {
  const out: Messages = { ...base }
  for (const [path, messages] of files) {
    for (const [key, value] of Object.entries(messages)) {
      if (key in out) throw new Error(`locale key "${key}" of ${path} is already defined`)
      out[key] = value
    }
  }
  return out
}
