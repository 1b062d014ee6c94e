/**
 * What the attendance of a month reads from the tablet (issue 13 point 5): the roster in force and the leave
 * and swap requests with their answers (the roster's repository), the handovers into and out of the month's
 * shifts and the duty log's entries, straight from their tables; `attendanceOf` sets them against each other.
 */
import type { DeskbookDb } from '@client/db/database'
import { monthRequests, monthVersions } from '@client/db/roster/roster-month'
import { addMonths } from '@shared/domain/roster'
import type { AttendanceInput } from '@shared/domain/roster-attendance'
import { addDays } from '@shared/domain/time'

export type AttendanceData = Pick<AttendanceInput, 'version' | 'handovers' | 'entries' | 'requests' | 'answers' | 'names'>

/** Shift keys start with their date: a month's shifts are one range of a key index. */
const monthRange = (month: string): [string, string] => [`${month}-01`, `${addMonths(month, 1)}-01`]

export async function readAttendanceMonth(db: DeskbookDb, siteId: string, month: string): Promise<AttendanceData> {
  const [from, to] = monthRange(month)
  // The duty log from the last day of the month before: a 未到岗 written on that night's shift (at 08:10 on
  // the 1st, or before midnight) names the clerk who did not come for the 1st — this month's (篇2 4.2.7).
  const entriesFrom = addDays(from, -1)
  const [versions, requests, handoversFrom, handoversTo, entries, staff] = await Promise.all([
    monthVersions(db, siteId, month),
    monthRequests(db, siteId, month),
    db.handovers.where('fromShiftKey').between(from, to).filter((h) => h.siteId === siteId).toArray(),
    db.handovers.where('toShiftKey').between(from, to).filter((h) => h.siteId === siteId).toArray(),
    db.dutyEntries.where('shiftKey').between(entriesFrom, to).filter((e) => e.siteId === siteId).toArray(),
    db.staff.where('siteId').equals(siteId).toArray(),
  ])
  const handovers = [...new Map([...handoversFrom, ...handoversTo].map((h) => [h.id, h])).values()]
  return {
    version: versions.inForce?.version ?? null,
    handovers,
    entries,
    requests: requests.map((r) => r.request),
    answers: requests.flatMap((r) => (r.answer ? [r.answer] : [])),
    names: new Map(staff.map((s) => [s.id, s.name])),
  }
}
