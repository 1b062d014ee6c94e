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
import type { Reception } from './reception'
import type { ReceptionEvent } from './reception-event'
import { receptionState } from './reception-status'
import { defaultSettings } from './settings'

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

/** A phone reduced to its masked form; one masked already stays as it is (maskPhone keeps it). */
export const reducedPhone = (phone: string): string => maskPhone(phone)

/** The contact details as they stay after the period; the same again when reduced already. */
export function reducedContact(c: { customerName: string; phone: string }): { customerName: string; phone: string } {
  return { customerName: reducedName(c.customerName), phone: reducedPhone(c.phone) }
}

/** Would reducing change anything (a dry run counts these)? */
export function needsReduction(c: { customerName: string; phone: string }): boolean {
  const r = reducedContact(c)
  return r.customerName !== c.customerName || r.phone !== c.phone
}

/**
 * When a request was closed for good, or null while it is not: a result (and, where one is due, the return
 * visit after it — 篇3 五: the desk still calls the owner back) or the manager's closing as unresolvable.
 */
export function closedAtOf(reception: Reception, events: readonly ReceptionEvent[]): number | null {
  const state = receptionState(reception, events, 0, defaultSettings(reception.siteId))
  if (state.status === 'unresolvable') return state.resolvedAt
  if (state.status !== 'closed' || state.resolvedAt === null) return null
  const visit = events.filter((e) => e.type === 'returnVisit').reduce((last, e) => Math.max(last, e.at), 0)
  return Math.max(state.resolvedAt, visit)
}

/** Phone numbers written into free text (a matter, a note): mobiles and landlines with an area code. */
const PHONE_IN_TEXT = /(?<!\d)(?:\+?86[\s-]?)?(?:1[3-9](?:[\s-]?\d){9}|0\d{2,3}[\s-]?\d{7,8})(?!\d)/g

/** Text with every phone number in it masked (the rest of the words stay: they are the record). */
export const textWithoutPhones = (text: string): string => text.replace(PHONE_IN_TEXT, (p) => maskPhone(p))

/** What reducing one request changes: its own fields, and each timeline event whose text or correction held contact details. */
export interface ContactReduction {
  receptionId: string
  ref: string
  closedAt: number
  reception: Partial<Pick<Reception, 'customerName' | 'phone' | 'matter'>>
  events: { id: string; fields: Partial<Pick<ReceptionEvent, 'note' | 'correction'>> }[]
}

/** The reduced form of a request's fields; an empty object when nothing would change. */
function reducedReception(r: Pick<Reception, 'customerName' | 'phone' | 'matter'>): ContactReduction['reception'] {
  const next = { ...reducedContact(r), matter: textWithoutPhones(r.matter) }
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => r[k as keyof typeof r] !== v))
}

function reducedEvent(e: ReceptionEvent): ContactReduction['events'][number] | null {
  const fields: ContactReduction['events'][number]['fields'] = {}
  const note = textWithoutPhones(e.note)
  if (note !== e.note) fields.note = note
  const c = e.correction
  if (c && (c.customerName !== undefined || c.phone !== undefined || c.matter !== undefined)) {
    const reduced = {
      ...c,
      ...(c.customerName !== undefined ? { customerName: reducedName(c.customerName) } : {}),
      ...(c.phone !== undefined ? { phone: reducedPhone(c.phone) } : {}),
      ...(c.matter !== undefined ? { matter: textWithoutPhones(c.matter) } : {}),
    }
    if (JSON.stringify(reduced) !== JSON.stringify(c)) fields.correction = reduced
  }
  return Object.keys(fields).length ? { id: e.id, fields } : null
}

/**
 * What reducing this request changes at `now` (null: nothing — still open, within its period, or reduced
 * already). The same rule on the tablet and the server; the dry run lists these before anything changes.
 * The row, its timeline and signatures stay; only names, phones and numbers written in its texts shrink.
 */
export function contactReduction(reception: Reception, events: readonly ReceptionEvent[], years: number, now: number, tz: string): ContactReduction | null {
  const closedAt = closedAtOf(reception, events)
  if (!contactsDue(closedAt, years, now, tz)) return null
  const own = reducedReception(reception)
  const changed = events.map(reducedEvent).filter((e) => e !== null)
  if (!Object.keys(own).length && !changed.length) return null
  return { receptionId: reception.id, ref: reception.ref, closedAt: closedAt!, reception: own, events: changed }
}
