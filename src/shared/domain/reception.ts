/**
 * The reception register 接待业主情况记录 (篇4; SPEC §1): every request an owner makes, by any
 * channel. The registered request is append-only; what happens to it is a timeline of append-only
 * events (reception-event.ts), and its status is derived from them (reception-status.ts).
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import { literalUnion } from './literal-union'

/** 篇4 4.1–4.2: 上门 visit, 来电 phone, 网络 online (WeChat, app, e-mail), 其他岗位转告 relayed by another post. */
export const CHANNELS = ['visit', 'phone', 'online', 'relayed'] as const
export type Channel = (typeof CHANNELS)[number]

/** SPEC §1 categories; 篇3 八 (入住、装修、保修 records), 篇5 2 (入伙). */
export const CATEGORIES = ['repair', 'complaint', 'enquiry', 'suggestion', 'praise', 'moveIn', 'renovation', 'service', 'other'] as const
export type Category = (typeof CATEGORIES)[number]

/** 轻重缓急 (篇2 4.2.3): 一般 / 较急 / 紧急. */
export const URGENCIES = ['normal', 'urgent', 'emergency'] as const
export type Urgency = (typeof URGENCIES)[number]

/** 篇1: until the surname is known, 先生 / 女士. */
export const HONORIFICS = ['mr', 'ms', 'none'] as const
export type Honorific = (typeof HONORIFICS)[number]

/** Forms of address a name may already end in when typed in full (陈女士). */
const TYPED_HONORIFIC = /(先生|女士|小姐|太太|阿姨|师傅)$/

/**
 * A customer's name as the screen, the prints and the export all show it (篇1: address the guest by
 * surname and 先生/女士): `陈女士`, `王建国先生`; the honorific alone when no name was given; the name as
 * typed when it already ends in a form of address. `t` gives the locale's pattern, the keys
 * `named.mr` / `named.ms` with `{name}` (e.g. `{name}女士`, `Ms {name}`).
 */
export function customerNameWithHonorific(name: string, honorific: Honorific, t: (key: string, params: { name: string }) => string): string {
  const n = name.trim()
  if (honorific === 'none' || TYPED_HONORIFIC.test(n)) return n
  return t(`named.${honorific}`, { name: n }).trim()
}


export const ReceptionSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** Human-readable reference number, e.g. 20261127-A007 (reference.ts). */
  ref: Type.String({ pattern: '^\\d{8}-[A-Z]{1,2}\\d{3,5}$' }),
  /** 接待日期: when the owner made the request. */
  receivedAt: InstantSchema,
  channel: literalUnion(CHANNELS),
  /** 接待人: the clerk who registered it. */
  receiverId: IdSchema,
  /** 其他岗位转告: which post relayed it (篇4 4.2), when the channel is `relayed`. */
  relayedBy: Type.String({ maxLength: 40 }),
  /** 房号 as typed or picked, e.g. 3-2-1101; empty for requests not tied to a room. */
  room: Type.String({ maxLength: 40 }),
  roomId: Type.Union([IdSchema, Type.Null()]),
  customerId: Type.Union([IdSchema, Type.Null()]),
  /** 业主姓名 */
  customerName: Type.String({ maxLength: 40 }),
  honorific: literalUnion(HONORIFICS),
  /** 联系电话 */
  phone: Type.String({ maxLength: 30 }),
  /** 事由 */
  matter: Type.String({ minLength: 1, maxLength: 2000 }),
  category: literalUnion(CATEGORIES),
  urgency: literalUnion(URGENCIES),
  createdAt: InstantSchema,
})
export type Reception = Static<typeof ReceptionSchema>

/** Categories that end with a return visit 回访 (篇3 五: 修缮后迅速回访; SPEC §1: a repair or complaint). */
export function needsReturnVisit(category: Category): boolean {
  return category === 'repair' || category === 'complaint'
}

/** What the register form must hold before it is saved (beyond the schema), as i18n keys. */
export type ReceptionProblem = 'matterRequired' | 'relayedByRequired' | 'contactRequired' | 'phoneInvalid' | 'receivedInFuture'

/** Phone numbers as people write them: mobile 11 digits, landlines with area code and extension; at least 5 digits before any extension. */
export const PHONE_PATTERN = /^\+?(?=(?:[\s-]*\d){5})[\d\s-]{5,20}(?:(?:转|ext\.?|#)\s*\d{1,6})?$/

export function receptionProblems(
  r: Pick<Reception, 'matter' | 'channel' | 'relayedBy' | 'room' | 'customerName' | 'phone' | 'receivedAt'>,
  now: number,
): ReceptionProblem[] {
  const out: ReceptionProblem[] = []
  if (!r.matter.trim()) out.push('matterRequired')
  if (r.channel === 'relayed' && !r.relayedBy.trim()) out.push('relayedByRequired')
  // Someone must be reachable for the answer (篇3 五: 件件有回音): a room, a name or a phone.
  if (!r.room.trim() && !r.customerName.trim() && !r.phone.trim()) out.push('contactRequired')
  if (r.phone.trim() && !PHONE_PATTERN.test(r.phone.trim())) out.push('phoneInvalid')
  // A few minutes of clock difference between tablets are normal; an hour ahead is a typing mistake.
  if (r.receivedAt > now + 60 * 60_000) out.push('receivedInFuture')
  return out
}
