/**
 * Keeping owners' contact details no longer than needed (issue 14 point 3): the period's edges in the site's
 * timezone, requests still open, leap days; what stays of a name and a phone, the same when reduced again.
 */
import { describe, expect, it } from 'vitest'
import { instantAt } from '@shared/domain/time'
import { contactsDue, contactsExpireAt, needsReduction, reducedContact, reducedName } from '@shared/domain/retention'

const SH = 'Asia/Shanghai'
const at = (date: string, time: string, tz = SH): number => instantAt(date, time, tz)

describe('contactsExpireAt / contactsDue', () => {
  it.each<{ name: string; closedAt: number | null; years: number; now: number; tz?: string; due: boolean }>([
    { name: 'closed three years ago to the day: due from that day’s start', closedAt: at('2023-12-03', '10:00'), years: 3, now: at('2026-12-03', '00:00'), due: true },
    { name: 'the last millisecond before it: kept', closedAt: at('2023-12-03', '10:00'), years: 3, now: at('2026-12-03', '00:00') - 1, due: false },
    { name: 'closed at 23:59 Shanghai: the Shanghai day counts, not the UTC one', closedAt: at('2023-12-03', '23:59'), years: 3, now: at('2026-12-03', '00:00'), due: true },
    { name: 'closed at 00:30 Shanghai (16:30 UTC the day before): its Shanghai day', closedAt: at('2023-12-04', '00:30'), years: 3, now: at('2026-12-03', '23:59'), due: false },
    { name: 'the same instant in another site’s timezone (UTC: still the 3rd)', closedAt: at('2023-12-04', '00:30'), years: 3, now: at('2026-12-03', '23:59'), tz: 'UTC', due: true },
    { name: 'a request still open is never touched', closedAt: null, years: 1, now: at('2040-01-01', '00:00'), due: false },
    { name: 'one year', closedAt: at('2025-12-03', '09:00'), years: 1, now: at('2026-12-03', '08:00'), due: true },
    { name: 'closed on 29 February: kept through 28 February of a year without one', closedAt: at('2024-02-29', '12:00'), years: 1, now: at('2025-02-28', '23:59'), due: false },
    { name: 'closed on 29 February: due on 1 March', closedAt: at('2024-02-29', '12:00'), years: 1, now: at('2025-03-01', '00:00'), due: true },
  ])('$name', ({ closedAt, years, now, tz, due }) => {
    expect(contactsDue(closedAt, years, now, tz ?? SH)).toBe(due)
  })

  it('says when, as the start of the site-local day', () => {
    expect(contactsExpireAt(at('2023-12-03', '23:59'), 3, SH)).toBe(at('2026-12-03', '00:00'))
    expect(new Date(contactsExpireAt(at('2023-12-03', '23:59'), 3, SH)).toISOString()).toBe('2026-12-02T16:00:00.000Z')
  })
})

describe('reducedContact', () => {
  it.each([
    [{ customerName: '陈立', phone: '13812345678' }, { customerName: '陈', phone: '138****5678' }],
    [{ customerName: '欧阳娜娜', phone: '0571-88776655' }, { customerName: '欧阳', phone: '057****6655' }],
    [{ customerName: 'Wang Fang', phone: '' }, { customerName: 'W.', phone: '' }],
    [{ customerName: '', phone: '+86 138 1234 5678' }, { customerName: '', phone: '138****5678' }],
  ])('%o → %o, and the same when reduced again', (before, after) => {
    expect(reducedContact(before)).toEqual(after)
    expect(reducedContact(after)).toEqual(after)
    expect(needsReduction(before)).toBe(true)
    expect(needsReduction(after)).toBe(false)
  })

  it('keeps a surname alone as it is, a compound one too', () => {
    expect(['陈', '欧阳', 'W.'].map(reducedName)).toEqual(['陈', '欧阳', 'W.'])
  })
})
