/**
 * A leave or swap request in words, as the clerk and the supervisor read it: days as 12月10日, codes as the
 * shift's name (白班) or 休/假, a request's shifts listed, an understaffed shift as a warning sentence.
 */
import { codeOn, LEAVE, REST, type RosterSnapshot, type RosterVersion } from '@shared/domain/roster'
import { requestDates, type RosterRequest } from '@shared/domain/roster-request'
import type { Understaffed } from '@shared/domain/roster-staffing'

type T = (key: string, values?: Record<string, unknown>) => string

/** 2026年12月, for a month key 2026-12. */
export const monthWords = (t: T, month: string): string => t('roster.monthName', { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) })

export const dayWords = (t: T, date: string): string => t('rosterRequests.day', { m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) })

/** 白班, 休, 假 — or 无班 for an empty cell. */
export function codeWords(t: T, shifts: RosterSnapshot['shifts'], code: string): string {
  if (code === REST) return t('rosterRequests.codes.rest')
  if (code === LEAVE) return t('rosterRequests.codes.leave')
  return shifts.find((s) => s.id === code)?.name ?? t('rosterRequests.codes.none')
}

export const isShiftCode = (code: string): boolean => !!code && code !== REST && code !== LEAVE

/** The days of `staffId` with a shift in the version, from `from` on: what a person may ask about. */
export function shiftDays(version: Pick<RosterVersion, 'month' | 'snapshot'>, staffId: string, from: string): { date: string; code: string }[] {
  const row = version.snapshot.rows.find((r) => r.lane === 'desk' && r.staffId === staffId)
  if (!row) return []
  return row.days.map((code, i) => ({ date: `${version.month}-${String(i + 1).padStart(2, '0')}`, code })).filter((d) => d.date >= from && isShiftCode(d.code))
}

/** "12月10日 白班" for each shift of `staffId` on `dates` by the version. */
export function shiftsWords(t: T, version: Pick<RosterVersion, 'month' | 'snapshot'>, staffId: string, dates: readonly string[]): string {
  return dates
    .map((d) => ({ d, code: codeOn(version, staffId, d) }))
    .filter((x) => isShiftCode(x.code))
    .map((x) => `${dayWords(t, x.d)} ${codeWords(t, version.snapshot.shifts, x.code)}`)
    .join(t('rosterRequests.listSeparator'))
}

/** The request's days: 12月10日, or 12月10日至12月12日, or 12月10日 ↔ 12月12日 for a swap. */
export function daysWords(t: T, r: Pick<RosterRequest, 'kind' | 'date' | 'toDate' | 'swapDate'>): string {
  if (r.kind === 'swap') return r.swapDate ? `${dayWords(t, r.date)} ↔ ${dayWords(t, r.swapDate)}` : dayWords(t, r.date)
  return r.toDate > r.date ? t('rosterRequests.range', { from: dayWords(t, r.date), to: dayWords(t, r.toDate) }) : dayWords(t, r.date)
}

/** Which shifts a request concerns, by the version it was asked against: the asker's, and a swap partner's. */
export function requestShiftsWords(t: T, r: RosterRequest, version: Pick<RosterVersion, 'month' | 'snapshot'>, name: (id: string) => string): string {
  if (r.kind !== 'swap' || !r.swapWithId || !r.swapDate) return shiftsWords(t, version, r.staffId, requestDates(r))
  return t('rosterRequests.ask.summarySwap', {
    myDay: dayWords(t, r.date),
    myShift: codeWords(t, version.snapshot.shifts, codeOn(version, r.staffId, r.date)),
    name: name(r.swapWithId),
    theirDay: dayWords(t, r.swapDate),
    theirShift: codeWords(t, version.snapshot.shifts, codeOn(version, r.swapWithId, r.swapDate)),
  })
}

/** 12月10日白班将只有0人,少于最少1人. */
export function understaffedWords(t: T, u: Understaffed, shifts: RosterSnapshot['shifts']): string {
  return t('rosterRequests.open.understaffed', { day: dayWords(t, u.date), shift: codeWords(t, shifts, u.shiftTypeId), have: u.have, need: u.need })
}
