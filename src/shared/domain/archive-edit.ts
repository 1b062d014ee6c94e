/**
 * Adding and changing archive records (客户档案, 篇5 7): what the room, customer and renovation forms
 * must hold, and how phones and dates typed by people become stored values. Pure; the repository
 * compares with what is stored and writes. The spreadsheet import (features/archive/import/) uses the same rules.
 */
import type { Honorific } from './reception'
import { roomLabel, type Relation, type Room } from './archive'

/** A customer keeps at most this many phones (CustomerSchema). */
export const MAX_PHONES = 5

/** Field lengths of the archive schemas, checked here to name the field a person must shorten. */
export const ARCHIVE_LIMITS = { building: 20, unit: 20, number: 20, label: 60, name: 40, note: 500, contractor: 80 } as const

export interface RoomInput {
  /** Null to add a room. */
  id: string | null
  building: string
  unit: string
  number: string
  note: string
  active: boolean
}

export type RoomProblem = 'buildingRequired' | 'numberRequired' | 'buildingTooLong' | 'unitTooLong' | 'numberTooLong' | 'labelTooLong' | 'noteTooLong' | 'labelTaken'

/** Problems of a room form; `others` are the site's rooms (the label is unique per site). */
export function roomProblems(input: RoomInput, others: readonly Pick<Room, 'id' | 'label'>[]): RoomProblem[] {
  const out: RoomProblem[] = []
  const building = input.building.trim()
  const number = input.number.trim()
  if (!building) out.push('buildingRequired')
  else if (building.length > ARCHIVE_LIMITS.building) out.push('buildingTooLong')
  if (input.unit.trim().length > ARCHIVE_LIMITS.unit) out.push('unitTooLong')
  if (!number) out.push('numberRequired')
  else if (number.length > ARCHIVE_LIMITS.number) out.push('numberTooLong')
  if (input.note.trim().length > ARCHIVE_LIMITS.note) out.push('noteTooLong')
  if (building && number) {
    const label = roomLabel(building, input.unit, number)
    if (label.length > ARCHIVE_LIMITS.label) out.push('labelTooLong')
    else if (others.some((r) => r.id !== input.id && r.label === label)) out.push('labelTaken')
  }
  return out
}

export interface CustomerInput {
  id: string | null
  roomId: string
  name: string
  honorific: Honorific
  relation: Relation
  /** As typed: one number per entry, or several in one entry separated by / , ; 、 or a line break. */
  phones: string[]
  /** `YYYY-MM-DD`, or '' when unknown. */
  moveInDate: string
  note: string
  active: boolean
}

export type PhoneProblem = 'phoneInvalid' | 'mobileInvalid' | 'tooManyPhones'
export type CustomerProblem = 'roomRequired' | 'nameRequired' | 'nameTooLong' | 'noteTooLong' | 'moveInDateInvalid' | PhoneProblem

/**
 * Digits of a phone as stored (`phoneKey`), with a leading country code +86 / 0086 dropped from
 * mobile numbers so `+86 138 0013 8000` and `13800138000` are the same number.
 */
export function normalisePhone(text: string): string {
  const digits = text.replace(/\D/g, '')
  if (/^0086\d{11}$/.test(digits)) return digits.slice(4)
  if (/^861\d{10}$/.test(digits)) return digits.slice(2)
  return digits
}

/** Mobile numbers (1…) have 11 digits; landlines with area code and extension 5–20. */
export function phoneProblem(digits: string): 'phoneInvalid' | 'mobileInvalid' | null {
  if (digits.startsWith('1') && digits.length !== 11 && digits.length > 5) return 'mobileInvalid'
  if (digits.length < 5 || digits.length > 20) return 'phoneInvalid'
  return null
}

/** Split what was typed into numbers: separators / , , ; ; 、 | and line breaks (spaces and dashes stay inside a number). */
export function splitPhones(text: string): string[] {
  return text
    .split(/[/,,;;、|\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => /\d/.test(s))
}

/** Normalised, de-duplicated phones of `values` and what is wrong with them (the first problem of each number). */
export function parsePhones(values: readonly string[]): { phones: string[]; problems: { problem: PhoneProblem; value: string }[] } {
  const phones: string[] = []
  const problems: { problem: PhoneProblem; value: string }[] = []
  for (const raw of values.flatMap(splitPhones)) {
    const digits = normalisePhone(raw)
    const problem = phoneProblem(digits)
    if (problem) problems.push({ problem, value: raw })
    else if (!phones.includes(digits)) phones.push(digits)
  }
  if (phones.length > MAX_PHONES) problems.push({ problem: 'tooManyPhones', value: phones.slice(MAX_PHONES).join('/') })
  return { phones, problems }
}

/** Is `text` a real calendar date written `YYYY-MM-DD` (no 2023-02-30)? */
export function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate()
}

/**
 * A date as people write it in China — `2023-05-01`, `2023/5/1`, `2023.5.1`, `2023年5月1日`, `20230501` —
 * or an Excel day number (`45047`, a date cell formatted as a number), as `YYYY-MM-DD`; '' for blank;
 * null when it is not a real date.
 */
export function normaliseDate(text: string): string | null {
  const t = text.trim()
  if (!t) return ''
  if (/^\d{5}$/.test(t)) {
    // Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); 5 digits are 1927–2173.
    const d = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000)
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  if (!m) return null
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isValidDate(date) ? date : null
}

export function customerProblems(input: CustomerInput): CustomerProblem[] {
  const out: CustomerProblem[] = []
  if (!input.roomId) out.push('roomRequired')
  const name = input.name.trim()
  if (!name) out.push('nameRequired')
  else if (name.length > ARCHIVE_LIMITS.name) out.push('nameTooLong')
  if (input.note.trim().length > ARCHIVE_LIMITS.note) out.push('noteTooLong')
  if (input.moveInDate.trim() && normaliseDate(input.moveInDate) === null) out.push('moveInDateInvalid')
  for (const p of parsePhones(input.phones).problems) if (!out.includes(p.problem)) out.push(p.problem)
  return out
}

export interface RenovationInput {
  id: string | null
  roomId: string
  /** 装修登记日期, required. */
  registeredOn: string
  /** '' when not known yet. */
  startDate: string
  endDate: string
  contractor: string
  contractorPhone: string
  note: string
}

export type RenovationProblem = 'roomRequired' | 'registeredOnInvalid' | 'startDateInvalid' | 'endDateInvalid' | 'endBeforeStart' | 'contractorTooLong' | 'contractorPhoneInvalid' | 'noteTooLong'

export function renovationProblems(input: RenovationInput): RenovationProblem[] {
  const out: RenovationProblem[] = []
  if (!input.roomId) out.push('roomRequired')
  const registered = normaliseDate(input.registeredOn)
  if (!registered) out.push('registeredOnInvalid')
  const start = normaliseDate(input.startDate)
  const end = normaliseDate(input.endDate)
  if (start === null) out.push('startDateInvalid')
  if (end === null) out.push('endDateInvalid')
  if (start && end && end < start) out.push('endBeforeStart')
  if (input.contractor.trim().length > ARCHIVE_LIMITS.contractor) out.push('contractorTooLong')
  if (input.contractorPhone.trim() && phoneProblem(normalisePhone(input.contractorPhone))) out.push('contractorPhoneInvalid')
  if (input.note.trim().length > ARCHIVE_LIMITS.note) out.push('noteTooLong')
  return out
}
