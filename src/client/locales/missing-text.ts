/**
 * A text key with no message (issue 10 point 7): vue-i18n would show the raw key on screen. Every
 * miss is reported on the console with one prefix, so the end-to-end tests fail on it in the browser,
 * and kept in `missingTexts`, so the unit tests fail on it after each test.
 */
export const MISSING_TEXT_PREFIX = '[deskbook] missing text'

/** The misses since the last `takeMissingTexts()` (bounded: one screen's worth is plenty to report). */
const missing: string[] = []

export function reportMissingText(locale: string, key: string): void {
  const line = `${MISSING_TEXT_PREFIX} "${key}" (${locale})`
  if (missing.length < 100 && !missing.includes(line)) missing.push(line)
  console.warn(line)
}

/** The misses reported so far, and forget them. */
export function takeMissingTexts(): string[] {
  return missing.splice(0)
}
