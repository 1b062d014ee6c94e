import type { Translate } from '@client/locales/translate'

/** "3 小时 20 分" / "3 h 20 min" from milliseconds, for time left in a shift. */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h ? t('time.hoursMinutes', { h, m }) : t('time.minutes', { m })
}
