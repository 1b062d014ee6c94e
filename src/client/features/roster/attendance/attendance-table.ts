/**
 * The attendance table of a month (issue 13 point 5), as the screen and the XLSX file show it: a row per
 * person with the counts of `attendanceOf`, and each person's events as lines of text. Pure.
 */
import type { AttendanceEvent, AttendanceLine } from '@shared/domain/roster-attendance'

type T = (key: string, params?: Record<string, unknown>) => string

/** The columns, in order: counts of `AttendanceLine`. */
export const ATTENDANCE_COLUMNS = ['rostered', 'stood', 'late', 'lateMinutes', 'noShows', 'reported', 'kept', 'keptMinutes', 'unrostered', 'coveredFor', 'wasCovered', 'swapped'] as const
export type AttendanceColumn = (typeof ATTENDANCE_COLUMNS)[number]

export interface AttendanceRow {
  staffId: string
  name: string
  counts: number[]
  /** 12-05 白班 迟到 12 分钟 … */
  events: string[]
}

export function eventText(e: AttendanceEvent, shiftName: (id: string) => string, staffName: (id: string) => string, t: T): string {
  const shift = e.shiftTypeId ? shiftName(e.shiftTypeId) : ''
  const what = t(`rosterAttendance.events.${e.kind}`, { minutes: e.minutes, other: e.otherId ? staffName(e.otherId) : '' })
  return [e.date.slice(5), shift, what].filter(Boolean).join(' ')
}

export function attendanceRows(lines: readonly AttendanceLine[], shiftName: (id: string) => string, staffName: (id: string) => string, t: T): AttendanceRow[] {
  return lines.map((l) => ({
    staffId: l.staffId,
    name: l.name || staffName(l.staffId),
    counts: ATTENDANCE_COLUMNS.map((c) => l[c]),
    events: l.events.map((e) => eventText(e, shiftName, staffName, t)),
  }))
}

/** The sheet of the XLSX file: headers, then a row per person with the events in the last column. */
export function attendanceSheet(rows: readonly AttendanceRow[], t: T): { headers: string[]; rows: (string | number)[][] } {
  return {
    headers: [t('rosterAttendance.columns.name'), ...ATTENDANCE_COLUMNS.map((c) => t(`rosterAttendance.columns.${c}`)), t('rosterAttendance.columns.events')],
    rows: rows.map((r) => [r.name, ...r.counts, r.events.join('\n')]),
  }
}
