/**
 * Who is on duty once the month's roster is approved (issue 13 point 4; 篇2 4.1, 4.2.7–4.2.8, 4.3): the
 * rostered clerks of the shift, and whoever took it over at the handover though not rostered (非排班接班).
 * Logging in makes nobody 值班人 then. Without an approved roster the log's starts of duty say who stood
 * the shift, as before the roster — and the screens say so.
 */

/** What the roster says of one shift: `rostered` false when its month has no approved roster. */
export interface RosterOfShift {
  rostered: boolean
  /** Desk staff on the shift by the roster in force. */
  staffIds: readonly string[]
}

export interface OnDutyPerson {
  staffId: string
  /** Took the shift over at the handover without being rostered on it (非排班接班). */
  offRoster: boolean
}

/**
 * Who stands a shift. With a roster: its rostered clerks, then those who took it over at a handover
 * (`takenOverBy`, the handovers' incoming clerks) and are not rostered; the starts of duty a login wrote
 * do not count. Without one: who started duty (`started`, the log's dutyStart entries).
 */
export function onDutyOf(roster: RosterOfShift, started: readonly string[], takenOverBy: readonly string[]): OnDutyPerson[] {
  if (!roster.rostered) return [...new Set(started)].map((staffId) => ({ staffId, offRoster: false }))
  const rostered = new Set(roster.staffIds)
  const extra = [...new Set(takenOverBy)].filter((id) => !rostered.has(id))
  return [...rostered].map((staffId) => ({ staffId, offRoster: false })).concat(extra.map((staffId) => ({ staffId, offRoster: true })))
}

/** A person's desk code on a date by the roster ('' none, 'rest', 'leave' or a shift type's id). */
export type CodeOn = (staffId: string, date: string) => string

/** Does the code stand a desk shift (not empty, 休 or 假)? */
export const isShiftCode = (code: string): boolean => code !== '' && code !== 'rest' && code !== 'leave'

/**
 * The days of `dates` a person owes the desk's daily inspection (篇2 4.4.4): with an approved roster for
 * the date's month (`rosteredMonth`), only the days they are rostered on a desk shift; without one, every
 * day, as before the roster.
 */
export function owedDays(staffId: string, dates: readonly string[], rosteredMonth: (month: string) => boolean, codeOn: CodeOn): Set<string> {
  return new Set(dates.filter((d) => !rosteredMonth(d.slice(0, 7)) || isShiftCode(codeOn(staffId, d))))
}

/** A rostered desk shift of one person: its date (the day it starts on) and when it runs. */
export interface RosteredSpan {
  date: string
  startsAt: number
  endsAt: number
}

/**
 * The date of the person's rostered shift an instant belongs to (篇2 4.4.4 客服管理员每日交接班时检查): within
 * one of their shifts, or else at its handover, up to `leadMs` before it starts or after it ends. An
 * inspection at 02:00 or at the 07:45 handover of the night of the 10th is the 10th's; one at 07:50 before
 * the day shift of the 11th, the 11th's. Null when the instant is near none of their shifts.
 */
export function rosteredDayOf(spans: readonly RosteredSpan[], at: number, leadMs: number): string | null {
  const within = spans.find((s) => s.startsAt <= at && at < s.endsAt) ?? spans.find((s) => s.startsAt - leadMs <= at && at < s.endsAt + leadMs)
  return within?.date ?? null
}
