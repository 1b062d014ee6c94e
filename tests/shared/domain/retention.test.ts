/**
 * Keeping owners' contact details no longer than needed (issue 14 point 3): the period's edges in the site's
 * timezone, requests still open, leap days; what stays of a name and a phone, the same when reduced again.
 */
import { describe, expect, it } from 'vitest'
import { instantAt } from '@shared/domain/time'
import { closedAtOf, contactReduction, contactsDue, contactsExpireAt, needsReduction, reducedContact, reducedName, textWithoutPhones } from '@shared/domain/retention'
import { DAY, HOUR } from '@shared/domain/time'
import { makeEvent, makeReception } from '../../factories/register-print'

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

describe('closedAtOf', () => {
  const r = makeReception({ receivedAt: at('2023-01-10', '09:00'), category: 'enquiry' })
  const repair = makeReception({ receivedAt: at('2023-01-10', '09:00'), category: 'repair' })
  const t = (h: number): number => r.receivedAt + h * HOUR
  it.each([
    { name: 'open: not closed', reception: r, events: [], closedAt: null },
    { name: 'an enquiry answered with a result: closed then', reception: r, events: [makeEvent(r, 'result', t(2))], closedAt: t(2) },
    { name: 'a repair with its result but no return visit yet: still open for the call back', reception: repair, events: [makeEvent(repair, 'result', t(3))], closedAt: null },
    { name: 'a repair: closed at its return visit', reception: repair, events: [makeEvent(repair, 'result', t(3)), makeEvent(repair, 'returnVisit', t(30))], closedAt: t(30) },
    { name: 'with a department: not closed', reception: r, events: [makeEvent(r, 'handedOver', t(1), { departmentId: r.siteId })], closedAt: null },
    { name: 'closed as unresolvable by the manager', reception: r, events: [makeEvent(r, 'closedUnresolvable', t(5), { note: '产权纠纷' })], closedAt: t(5) },
  ])('$name', ({ reception, events, closedAt }) => {
    expect(closedAtOf(reception, events)).toBe(closedAt)
  })
})

describe('textWithoutPhones', () => {
  it.each([
    ['业主来电 13812345678 反映漏水', '业主来电 138****5678 反映漏水'],
    ['回电 138-1234-5678 或 0571-88776655', '回电 138****5678 或 057****6655'],
    ['+86 139 0000 1111 已联系', '139****1111 已联系'],
    ['3-2-1101 室,2 号楼 20231110 报修', '3-2-1101 室,2 号楼 20231110 报修'],
    ['已回访,满意', '已回访,满意'],
  ])('%s → %s', (before, after) => {
    expect(textWithoutPhones(before)).toBe(after)
    expect(textWithoutPhones(after)).toBe(after)
  })
})

describe('contactReduction', () => {
  const received = at('2023-03-01', '10:00')
  const r = makeReception({ receivedAt: received, category: 'enquiry', customerName: '王建国', phone: '13812345678', matter: '请回电 13812345678 咨询停车' })
  const fix = makeEvent(r, 'correction', received + HOUR, { correction: { customerName: '王建华', phone: '13900001111', urgency: 'urgent' } })
  const note = makeEvent(r, 'followUp', received + 2 * HOUR, { note: '已致电 13900001111' })
  const done = makeEvent(r, 'result', received + DAY, { note: '已答复' })
  const events = [fix, note, done]
  const closed = received + DAY

  it.each([
    { name: 'the day before the period ends: nothing yet', now: contactsExpireAt(closed, 3, SH) - 1, years: 3, reduces: false },
    { name: 'from the period’s first instant', now: contactsExpireAt(closed, 3, SH), years: 3, reduces: true },
    { name: 'a longer period set by the site keeps them', now: contactsExpireAt(closed, 3, SH), years: 5, reduces: false },
  ])('$name', ({ now, years, reduces }) => {
    expect(contactReduction(r, events, years, now, SH) !== null).toBe(reduces)
  })

  it('reduces the request’s fields, the correction and numbers in texts; keeps every other field and event', () => {
    const plan = contactReduction(r, events, 3, at('2030-01-01', '00:00'), SH)!
    expect(plan).toEqual({
      receptionId: r.id,
      ref: r.ref,
      closedAt: closed,
      reception: { customerName: '王', phone: '138****5678', matter: '请回电 138****5678 咨询停车' },
      events: [
        { id: fix.id, fields: { correction: { customerName: '王', phone: '139****1111', urgency: 'urgent' } } },
        { id: note.id, fields: { note: '已致电 139****1111' } },
      ],
    })
  })

  it('is nothing once applied (the pass runs again and again)', () => {
    const plan = contactReduction(r, events, 3, at('2030-01-01', '00:00'), SH)!
    const after = { ...r, ...plan.reception }
    const afterEvents = events.map((e) => ({ ...e, ...plan.events.find((p) => p.id === e.id)?.fields }))
    expect(contactReduction(after, afterEvents, 3, at('2030-01-01', '00:00'), SH)).toBeNull()
  })

  it('never touches a request still open, however old', () => {
    expect(contactReduction(r, [fix, note], 1, at('2040-01-01', '00:00'), SH)).toBeNull()
  })
})
