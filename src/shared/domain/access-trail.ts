/**
 * The access trail of owners' personal information (issue 14 point 2; PIPL 个人信息保护法 Art. 51): who
 * showed an owner's full phone where their role sees it masked, printed or exported a list with full
 * phones, or exported a site's data — when, on which tablet, and what (the record or the list), never the
 * phone itself. Append-only and synced; read by the manager and the company administrator.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'

export const ACCESS_KINDS = ['revealPhone', 'printPhones', 'exportPhones', 'exportSite', 'exportOwner'] as const
export type AccessKind = (typeof ACCESS_KINDS)[number]

/**
 * The trail's texts never hold a phone: no mobile number (1[3-9] and nine digits) nor a landline with its
 * area code (0 and 2–3 digits, then 7–8), spaces or dashes between allowed. Dates and reference numbers
 * (20261201-A003) pass.
 */
export const NO_PHONE_PATTERN = '^(?![\\s\\S]*(?:1[3-9](?:[\\s-]?\\d){9}|0\\d{2,3}[\\s-]?\\d{7,8}))[\\s\\S]*$'

export const AccessEntrySchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** Who did it: a staff member on a tablet, or null for the company's console (then `consoleUser`). */
  staffId: Type.Union([IdSchema, Type.Null()]),
  /** The console account's username when the server wrote it (a site export); '' from a tablet. */
  consoleUser: Type.String({ maxLength: 60 }),
  /** The tablet it was done on; null for the console. */
  deviceId: Type.Union([IdSchema, Type.Null()]),
  at: InstantSchema,
  kind: Type.Union(ACCESS_KINDS.map((k) => Type.Literal(k))),
  /** The record shown (`receptions` and its id) when it was one record; '' for a list. */
  subjectTable: Type.String({ maxLength: 40 }),
  subjectId: Type.String({ maxLength: 36 }),
  /** What was shown, printed or exported, in words: 接待登记 20261201-003, 接待登记 2026年12月 (全部). */
  what: Type.String({ minLength: 1, maxLength: 120, pattern: NO_PHONE_PATTERN }),
})
export type AccessEntry = Static<typeof AccessEntrySchema>

/** Does `text` look as if it held a phone number (seven digits in a row, spaces or dashes between)? */
export const holdsPhone = (text: string): boolean => !new RegExp(NO_PHONE_PATTERN).test(text)
