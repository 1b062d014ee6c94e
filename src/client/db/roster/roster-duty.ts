/**
 * Who is on duty, from the roster once the month's is approved (issue 13 point 4): for a shift, its
 * rostered clerks and whoever took it over at the handover though not rostered; without an approved
 * roster, who started duty on it (the log), as before. What the status bar, the duty log, the handover and
 * the inspections read; the daily inspection an administrator owes follows their rostered days.
 */
import { codeOn } from '@shared/domain/roster'
import { onDutyOf, owedDays, type OnDutyPerson, type RosteredSpan } from '@shared/domain/duty-roster'
import { addDays, instantAt, minutesOfDay } from '@shared/domain/time'
import type { DeskbookDb } from '../database'
import { rosterInForce, shiftRoster, type ShiftRoster } from './roster-month'

/** The roster of each shift (read once per key). */
export async function shiftRosters(db: DeskbookDb, siteId: string, keys: readonly string[]): Promise<Map<string, ShiftRoster>> {
  const unique = [...new Set(keys)]
  const read = await Promise.all(unique.map((k) => shiftRoster(db, siteId, k)))
  return new Map(unique.map((k, i) => [k, read[i]!]))
}

export interface ShiftDuty {
  roster: ShiftRoster
  /** Who stands the shift (see onDutyOf). */
  people: OnDutyPerson[]
}

/** Who stands the shift `key`: the roster, the handovers into it, and (without a roster) the log's starts of duty. */
export async function shiftDuty(db: DeskbookDb, siteId: string, key: string): Promise<ShiftDuty> {
  const [roster, starts, handovers] = await Promise.all([
    shiftRoster(db, siteId, key),
    db.dutyEntries.where('shiftKey').equals(key).filter((e) => e.kind === 'dutyStart' && e.siteId === siteId).toArray(),
    db.handovers.where('toShiftKey').equals(key).filter((h) => h.siteId === siteId).toArray(),
  ])
  return {
    roster,
    people: onDutyOf(
      roster,
      starts.sort((a, b) => a.at - b.at).map((e) => e.staffId),
      handovers.map((h) => h.incomingId),
    ),
  }
}

export interface InspectionDuty {
  /** The days of `dates` each person owes the daily inspection (see owedDays). */
  owed: Map<string, Set<string>>
  /** Each person's rostered desk shifts on `dates`: where their inspections belong (rosteredDayOf). */
  spans: Map<string, RosteredSpan[]>
}

/**
 * The daily inspection `staffIds` owe on `dates` (篇2 4.4.4): their rostered desk days where the month has
 * an approved roster, every day where it has none; and the shifts they stand, as the roster has them.
 */
export async function inspectionDuty(db: DeskbookDb, siteId: string, staffIds: readonly string[], dates: readonly string[], tz: string): Promise<InspectionDuty> {
  const months = [...new Set(dates.map((d) => d.slice(0, 7)))]
  const versions = await Promise.all(months.map((m) => rosterInForce(db, siteId, `${m}-01`)))
  const byMonth = new Map(months.map((m, i) => [m, versions[i]?.version ?? null]))
  const code = (staffId: string, date: string): string => {
    const v = byMonth.get(date.slice(0, 7))
    return v ? codeOn(v, staffId, date) : ''
  }
  const span = (staffId: string, date: string): RosteredSpan[] => {
    const shift = byMonth.get(date.slice(0, 7))?.snapshot.shifts.find((s) => s.id === code(staffId, date))
    if (!shift) return []
    const overnight = minutesOfDay(shift.end) <= minutesOfDay(shift.start)
    return [{ date, startsAt: instantAt(date, shift.start, tz), endsAt: instantAt(overnight ? addDays(date, 1) : date, shift.end, tz) }]
  }
  return {
    owed: new Map(staffIds.map((id) => [id, owedDays(id, dates, (m) => !!byMonth.get(m), code)])),
    spans: new Map(staffIds.map((id) => [id, dates.flatMap((d) => span(id, d))])),
  }
}
