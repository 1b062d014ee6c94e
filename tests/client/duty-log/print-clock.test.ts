import { describe, expect, it } from 'vitest'
import { formatDateTime, formatTime, localDate, MINUTE } from '@shared/domain/time'
import { printDateTime, printTime } from '@client/features/duty-log/print/print-clock'

/** Zones with no DST, whole-hour and odd offsets, DST changes in spring and autumn (a half-hour one too). */
const ZONES = ['Asia/Shanghai', 'UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe']

/** Every 97 minutes through 2026, so each zone's changes of offset and every hour of the day are passed. */
const INSTANTS = Array.from({ length: Math.floor((365 * 24 * 60) / 97) }, (_, i) => Date.UTC(2026, 0, 1) + i * 97 * MINUTE + (i % 60) * 1000)

describe('print clock', () => {
  it.each(ZONES)('says the date and time as formatDateTime does in %s', (tz) => {
    const wrong = INSTANTS.filter((at) => printDateTime(at, tz) !== formatDateTime(at, tz))
    expect(wrong.map((at) => [new Date(at).toISOString(), printDateTime(at, tz), formatDateTime(at, tz)])).toEqual([])
  })

  it.each(ZONES)('says a time as the shift reads it in %s: HH:mm on its date, MM-DD HH:mm on another', (tz) => {
    const wrong = INSTANTS.filter((at) => {
      const shiftDate = localDate(at - 6 * 60 * MINUTE, tz)
      const expected = localDate(at, tz) === shiftDate ? formatTime(at, tz) : `${localDate(at, tz).slice(5)} ${formatTime(at, tz)}`
      return printTime(at, shiftDate, tz) !== expected
    })
    expect(wrong.map((at) => new Date(at).toISOString())).toEqual([])
  })

  it('prints midnight as 00:00, never 24:00', () => {
    const midnight = Date.UTC(2026, 10, 27, 16, 0) // 2026-11-28 00:00 in Shanghai
    expect(printTime(midnight, '2026-11-27', 'Asia/Shanghai')).toBe('11-28 00:00')
    expect(printDateTime(midnight, 'Asia/Shanghai')).toBe('2026-11-28 00:00')
  })
})
