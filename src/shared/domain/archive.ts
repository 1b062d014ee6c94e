/**
 * The customer archive 客户档案 (篇5 7; SPEC §1): buildings, units and rooms; owners, tenants and
 * family members with their phones; move-in (入伙) and renovation (装修) records. Editable records,
 * synced with per-field last-writer-wins.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import { literalUnion } from './literal-union'
import { HONORIFICS, type Honorific } from './reception'

const DATE = '^\\d{4}-\\d{2}-\\d{2}$'

export const RoomSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** 楼栋, e.g. 3 or 3栋 or A座. */
  building: Type.String({ minLength: 1, maxLength: 20 }),
  /** 单元; empty where buildings have none. */
  unit: Type.String({ maxLength: 20 }),
  /** 房号 within the unit, e.g. 1101. */
  number: Type.String({ minLength: 1, maxLength: 20 }),
  /** How the desk writes it: 3-2-1101 (built by roomLabel). */
  label: Type.String({ minLength: 1, maxLength: 60 }),
  note: Type.String({ maxLength: 500 }),
  active: Type.Boolean(),
})
export type Room = Static<typeof RoomSchema>

export const RELATIONS = ['owner', 'tenant', 'family'] as const
export type Relation = (typeof RELATIONS)[number]

export const CustomerSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  roomId: IdSchema,
  name: Type.String({ minLength: 1, maxLength: 40 }),
  honorific: literalUnion(HONORIFICS),
  /** 业主 owner, 租户 tenant, 家庭成员 family member. */
  relation: literalUnion(RELATIONS),
  /** Digits only (phoneKey), so any way of typing a number finds the customer; shown grouped. */
  phones: Type.Array(Type.String({ pattern: '^\\d{5,20}$' }), { maxItems: 5 }),
  /** 入伙日期 (篇5 2). */
  moveInDate: Type.Union([Type.String({ pattern: DATE }), Type.Null()]),
  note: Type.String({ maxLength: 500 }),
  active: Type.Boolean(),
})
export type Customer = Static<typeof CustomerSchema>

export const RenovationSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  roomId: IdSchema,
  /** 装修登记日期 */
  registeredOn: Type.String({ pattern: DATE }),
  startDate: Type.Union([Type.String({ pattern: DATE }), Type.Null()]),
  endDate: Type.Union([Type.String({ pattern: DATE }), Type.Null()]),
  /** 装修公司 / 负责人 */
  contractor: Type.String({ maxLength: 80 }),
  contractorPhone: Type.String({ maxLength: 30 }),
  note: Type.String({ maxLength: 500 }),
  createdAt: InstantSchema,
})
export type Renovation = Static<typeof RenovationSchema>

/** `3-2-1101` from building 3, unit 2, room 1101 (suffixes 栋/号楼/座/单元 dropped; no unit → `3-1101`). */
export function roomLabel(building: string, unit: string, number: string): string {
  const clean = (s: string, suffix: RegExp): string => s.trim().replace(suffix, '').trim()
  const b = clean(building, /(栋|号楼|幢|座|#)$/)
  const u = clean(unit, /(单元)$/)
  const n = clean(number, /(室|号)$/)
  return [b, u, n].filter(Boolean).join('-')
}

/** Normalise what someone types for a room (`3栋2单元1101`, `3-2-1101`, `3 2 1101`) to the label form. */
export function normaliseRoomQuery(text: string): string {
  const t = text.trim()
  const spelled = /^(\S+?)(?:栋|号楼|幢|座)\s*(?:(\S+?)单元)?\s*(\S+?)(?:室|号)?$/.exec(t)
  if (spelled) return roomLabel(spelled[1]!, spelled[2] ?? '', spelled[3]!)
  return t.replace(/[\s/—–_]+/g, '-').replace(/-+/g, '-')
}

/** 138****1234 — for lists and printouts of roles that do not need the number (issue 4 point 5). */
export function maskPhone(phone: string): string {
  // Masked already (its retention period is over: retention.ts) — masking again would cut it further.
  if (phone.includes('*')) return phone.trim()
  // A mobile number written with the country code (+86 138…) is masked as the number itself.
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '')
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`
  if (digits.length >= 7) return `${digits.slice(0, 2)}****${digits.slice(-2)}`
  return phone ? '****' : ''
}

/** A phone as the viewer may see it: in full, or masked with `maskPhone`. */
export function phoneForViewer(phone: string, fullPhones: boolean): string {
  return fullPhones ? phone.trim() : maskPhone(phone.trim())
}

/** Digits only, for finding a phone however it was typed. */
export function phoneKey(phone: string): string {
  return phone.replace(/\D/g, '')
}

/** A stored phone (digits) as people read it: 138 1234 5678, 0571-8888 6666. */
export function formatPhone(digits: string): string {
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`
  if (/^0\d{10,11}$/.test(digits)) return `${digits.slice(0, digits.length - 8)}-${digits.slice(-8, -4)} ${digits.slice(-4)}`
  return digits
}

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '南宫', '西门', '独孤', '万俟', '闻人', '澹台', '申屠']

/** The surname of a Chinese name (compound surnames included); '' for names in Latin letters. */
export function surname(name: string): string {
  const n = name.trim()
  if (!/^[\u4e00-\u9fff]/.test(n)) return ''
  return COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > s.length) ?? n[0]!
}

/** 先生 / 女士, or '' when not known. */
export function honorificTitle(honorific: Honorific | undefined): string {
  return honorific === 'mr' ? '先生' : honorific === 'ms' ? '女士' : ''
}

/**
 * An owner's name where the full name must not appear (the server console, notifications): the surname
 * with the honorific (陈女士), or with 某 when the honorific is not known (陈某); a name in Latin letters
 * becomes its first letter (W.).
 */
export function maskedName(name: string, honorific?: Honorific): string {
  const n = name.trim()
  if (!n) return ''
  const s = surname(n)
  const title = honorificTitle(honorific)
  if (s) return `${s}${title || '某'}`
  return title || `${n[0]!.toUpperCase()}.`
}

/**
 * How to greet a known customer (篇1: 熟悉的客人,尽量称谓姓氏; until the surname is known, 先生/小姐).
 * Returns e.g. `王先生,您好`; `您好` when neither surname nor honorific is known.
 */
export function greeting(name: string, honorific: Honorific): string {
  const title = honorificTitle(honorific)
  const s = surname(name)
  if (s && title) return `${s}${title},您好`
  if (title) return `${title},您好`
  return '您好'
}
