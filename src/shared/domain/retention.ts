/**
 * Keeping owners' contact details no longer than needed (issue 14 point 3; PIPL 个人信息保护法 Art. 19, 47):
 * once a request has been closed for the site's retention period, its phone is kept masked (138****5678)
 * and its name as the surname only — the honorific stays in its own field, so prints still say 陈女士 —
 * while the register's row, its timeline and signatures keep the paper record's shape. Pure: "now" and
 * the site's timezone are parameters; a request still open is never touched.
 */
import dayjs from 'dayjs'
import { instantAt, localDate } from './time'
import { maskPhone, surname } from './archive'

/**
 * The first instant at which a request closed at `closedAt` no longer keeps its contact details: the start
 * of the site-local day `years` years after the day it closed (a full period: closed on 29 February, the
 * details go on 1 March of a year without one).
 */
export function contactsExpireAt(closedAt: number, years: number, tz: string): number {
  const closed = localDate(closedAt, tz)
  const same = dayjs(closed).add(years, 'year')
  const day = same.format('MM-DD') === closed.slice(5) ? same : same.add(1, 'day')
  return instantAt(day.format('YYYY-MM-DD'), '00:00', tz)
}

/** Are the contact details of a request due to be reduced at `now`? Never while it is open (`closedAt` null). */
export function contactsDue(closedAt: number | null, years: number, now: number, tz: string): boolean {
  return closedAt !== null && now >= contactsExpireAt(closedAt, years, tz)
}

/** A name reduced to what may stay: the surname (欧阳 kept whole), a Latin name's initial (W.); '' stays ''. */
export function reducedName(name: string): string {
  const n = name.trim()
  if (!n) return ''
  if (/^[A-Z]\.$/.test(n)) return n
  // A surname alone was reduced already — a compound one too (欧阳), which surname() alone would cut to 欧.
  if (surname(`${n}某`) === n) return n
  return surname(n) || `${n[0]!.toUpperCase()}.`
}

/** A phone reduced to its masked form; one masked already stays as it is. */
export const reducedPhone = (phone: string): string => (phone.includes('*') ? phone : maskPhone(phone))

/** The contact details as they stay after the period; the same again when reduced already. */
export function reducedContact(c: { customerName: string; phone: string }): { customerName: string; phone: string } {
  return { customerName: reducedName(c.customerName), phone: reducedPhone(c.phone) }
}

/** Would reducing change anything (a dry run counts these)? */
export function needsReduction(c: { customerName: string; phone: string }): boolean {
  const r = reducedContact(c)
  return r.customerName !== c.customerName || r.phone !== c.phone
}
