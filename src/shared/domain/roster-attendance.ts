/**
 * Attendance of a month (篇2 4.2.7–4.2.8; issue 13 point 5): per person, what the roster in force asked of
 * them set against what the handovers and the duty log record — shifts rostered and stood, late arrivals
 * (篇2 4.3.1: later than the handover lead before the shift), no-shows (篇2 4.2.7 不接班), outgoing clerks
 * kept past their shift waiting for the incoming one (篇2 4.2.8 不得离岗), covers and swaps the supervisor
 * approved (篇2 4.2.6), and shifts stood by someone not rostered for them. Pure: "now" is a parameter, so
 * a shift still to come is rostered but neither stood nor missed.
 */
import type { DutyEntry } from './duty-log'
import { parseShiftKey, shiftKey } from './duty-log'
import type { Handover } from './handover'
import { DAY_CODES, daysOf, monthOf, type RosterVersion, type ShiftSnapshot } from './roster'
import { requestDates, type RosterAnswer, type RosterRequest } from './roster-request'
import { addDays, instantAt, MINUTE, minutesOfDay } from './time'

export const ATTENDANCE_EVENTS = ['late', 'noShow', 'reported', 'kept', 'unrostered', 'coveredFor', 'wasCovered', 'swapped'] as const
export type AttendanceEventKind = (typeof ATTENDANCE_EVENTS)[number]

/** One thing that happened to a person on a shift (or a day, for covers and swaps). */
export interface AttendanceEvent {
  kind: AttendanceEventKind
  date: string
  /** The shift concerned; '' for a swap (a day given and taken). */
  shiftTypeId: string
  /** Minutes late, or kept past the shift's end; 0 otherwise. */
  minutes: number
  /** The colleague concerned: the one covered or covering, swapped with, or the outgoing who reported. */
  otherId: string | null
}

export interface AttendanceLine {
  staffId: string
  name: string
  /** Desk shifts of the month on the roster in force. */
  rostered: number
  /** Shifts taken over as incoming or handed over as outgoing. */
  stood: number
  late: number
  lateMinutes: number
  /** Rostered shifts that have ended, neither taken over nor handed over. */
  noShows: number
  /** Times the outgoing clerk recorded that this person, rostered next, had not come (duty log 'noShow'). */
  reported: number
  /** Times kept past the shift's end waiting for the incoming clerk, and the minutes until they arrived (篇2 4.2.8). */
  kept: number
  keptMinutes: number
  /** Shifts stood without being rostered for them. */
  unrostered: number
  coveredFor: number
  wasCovered: number
  swapped: number
  events: AttendanceEvent[]
}

export interface AttendanceInput {
  month: string
  /** The roster in force for the month (`inForce(versionStatuses(…))`), or null when none is approved. */
  version: Pick<RosterVersion, 'month' | 'snapshot'> | null
  handovers: readonly Handover[]
  /**
   * The duty log's entries: a 'noShow' one records who did not come; any entry shows its writer was there.
   * Those of the month's shifts and of the last day of the month before: a 'noShow' written on the last night
   * of the month before names the clerk who did not come for the 1st, and counts here, the month of that shift.
   */
  entries: readonly Pick<DutyEntry, 'kind' | 'shiftKey' | 'staffId' | 'at'>[]
  requests: readonly RosterRequest[]
  answers: readonly RosterAnswer[]
  /** Names of people not on the roster (an unrostered takeover); the roster's own names come first. */
  names: ReadonlyMap<string, string>
  tz: string
  /** 篇2 4.3.1: minutes before the shift the incoming clerk arrives (the site's setting, 15). */
  leadMinutes: number
  now: number
}

interface Window {
  startsAt: number
  endsAt: number
}

/** A shift of the roster's legend on local `date`: it ends the next day when its end is not after its start. */
function windowOf(shift: Pick<ShiftSnapshot, 'start' | 'end'>, date: string, tz: string): Window {
  const endDate = minutesOfDay(shift.end) > minutesOfDay(shift.start) ? date : addDays(date, 1)
  return { startsAt: instantAt(date, shift.start, tz), endsAt: instantAt(endDate, shift.end, tz) }
}

const isShift = (code: string): boolean => !!code && !(DAY_CODES as readonly string[]).includes(code)

export function attendanceOf(input: AttendanceInput): AttendanceLine[] {
  const { month, version, tz, now } = input
  const shifts = new Map((version?.snapshot.shifts ?? []).map((s) => [s.id, s]))
  const days = daysOf(month)
  const inMonth = (key: string): boolean => monthOf(key.slice(0, 10)) === month
  const windows = new Map<string, Window>()
  const windowAt = (key: string): Window | null => {
    const parsed = parseShiftKey(key)
    const shift = parsed && shifts.get(parsed.shiftTypeId)
    if (!parsed || !shift) return null
    if (!windows.has(key)) windows.set(key, windowOf(shift, parsed.date, tz))
    return windows.get(key)!
  }

  // Who the roster puts on each shift of the month (desk duty only: handovers are the desk's).
  const rosteredOn = new Map<string, Set<string>>()
  const lines = new Map<string, AttendanceLine>()
  const lineOf = (staffId: string): AttendanceLine => {
    let line = lines.get(staffId)
    if (!line) {
      const name = version?.snapshot.rows.find((r) => r.staffId === staffId)?.name ?? input.names.get(staffId) ?? ''
      line = { staffId, name, rostered: 0, stood: 0, late: 0, lateMinutes: 0, noShows: 0, reported: 0, kept: 0, keptMinutes: 0, unrostered: 0, coveredFor: 0, wasCovered: 0, swapped: 0, events: [] }
      lines.set(staffId, line)
    }
    return line
  }
  const event = (staffId: string, e: Omit<AttendanceEvent, 'minutes' | 'otherId'> & Partial<AttendanceEvent>): void => {
    lineOf(staffId).events.push({ minutes: 0, otherId: null, ...e })
  }
  for (const row of version?.snapshot.rows ?? []) {
    if (row.lane !== 'desk') continue
    lineOf(row.staffId)
    row.days.forEach((code, i) => {
      if (!isShift(code) || !shifts.has(code) || !days[i]) return
      const key = shiftKey(days[i], code)
      rosteredOn.set(key, (rosteredOn.get(key) ?? new Set()).add(row.staffId))
      lineOf(row.staffId).rostered++
    })
  }
  const isRostered = (staffId: string, key: string): boolean => !!rosteredOn.get(key)?.has(staffId)

  // Who stood each shift: the incoming who took it over, the outgoing who handed it over.
  const stood = new Map<string, Set<string>>()
  const stand = (staffId: string, key: string): void => {
    if (inMonth(key)) stood.set(key, (stood.get(key) ?? new Set()).add(staffId))
  }
  for (const h of input.handovers) {
    stand(h.incomingId, h.toShiftKey)
    stand(h.outgoingId, h.fromShiftKey)
    const to = parseShiftKey(h.toShiftKey)
    if (h.late && to && inMonth(h.toShiftKey)) {
      const minutes = Math.max(0, Math.round((h.arrivedAt - (h.shiftStartsAt - input.leadMinutes * MINUTE)) / MINUTE))
      const line = lineOf(h.incomingId)
      line.late++
      line.lateMinutes += minutes
      event(h.incomingId, { kind: 'late', date: to.date, shiftTypeId: to.shiftTypeId, minutes })
    }
    // 篇2 4.2.8 接班人逾时未到岗接班,值班人不得离岗: the outgoing clerk was kept from the shift's end until the
    // incoming one arrived (`arrivedAt`, 到岗时间, taken when they start the handover, 篇2 4.3.1) — not until the
    // handover was signed: the handover itself is the change of shift both take part in, not a wait.
    const from = parseShiftKey(h.fromShiftKey)
    if (from && inMonth(h.fromShiftKey)) {
      const end = windowAt(h.fromShiftKey)?.endsAt ?? h.shiftStartsAt
      const minutes = Math.round((h.arrivedAt - end) / MINUTE)
      if (minutes > 0) {
        const line = lineOf(h.outgoingId)
        line.kept++
        line.keptMinutes += minutes
        event(h.outgoingId, { kind: 'kept', date: from.date, shiftTypeId: from.shiftTypeId, minutes, otherId: h.incomingId })
      }
    }
  }
  // A second clerk rostered on the same shift takes no handover of their own: writing in its log shows they stood it.
  for (const e of input.entries) if (isRostered(e.staffId, e.shiftKey)) stand(e.staffId, e.shiftKey)
  for (const [key, people] of stood) {
    const parsed = parseShiftKey(key)!
    for (const staffId of people) {
      const line = lineOf(staffId)
      line.stood++
      // Without a roster in force nobody is on or off it: 未排班接班 is only said against one.
      if (input.version && !isRostered(staffId, key)) {
        line.unrostered++
        event(staffId, { kind: 'unrostered', date: parsed.date, shiftTypeId: parsed.shiftTypeId })
      }
    }
  }
  // Rostered, over, and nobody saw them: a no-show (篇2 4.2.7).
  for (const [key, people] of rosteredOn) {
    const w = windowAt(key)
    if (!w || w.endsAt > now) continue
    const parsed = parseShiftKey(key)!
    for (const staffId of people) {
      if (stood.get(key)?.has(staffId)) continue
      lineOf(staffId).noShows++
      event(staffId, { kind: 'noShow', date: parsed.date, shiftTypeId: parsed.shiftTypeId })
    }
  }
  reportedNoShows(input, windowAt, rosteredOn, (staffId, key, by) => {
    const parsed = parseShiftKey(key)!
    lineOf(staffId).reported++
    event(staffId, { kind: 'reported', date: parsed.date, shiftTypeId: parsed.shiftTypeId, otherId: by })
  })
  coversAndSwaps(input, (staffId, kind, date, shiftTypeId, otherId) => {
    const line = lineOf(staffId)
    line[kind]++
    event(staffId, { kind, date, shiftTypeId, otherId })
  })
  for (const line of lines.values()) line.events.sort((a, b) => a.date.localeCompare(b.date) || ATTENDANCE_EVENTS.indexOf(a.kind) - ATTENDANCE_EVENTS.indexOf(b.kind))
  return [...lines.values()]
}

/**
 * A 'noShow' entry is written on the outgoing clerk's own shift while they wait (today screen): it names
 * those rostered on the shift that follows it who had not taken it over when it was written. It counts in
 * the month of that following shift, the one the incoming clerk failed to come for (篇2 4.2.7–4.2.8): the
 * last night of a month reports the 1st of the next, and only the next month's roster has that shift.
 */
function reportedNoShows(input: AttendanceInput, windowAt: (key: string) => Window | null, rosteredOn: ReadonlyMap<string, ReadonlySet<string>>, report: (staffId: string, key: string, by: string) => void): void {
  const keys = [...rosteredOn.keys()].map((key) => ({ key, w: windowAt(key)! })).filter((k) => k.w)
  // Two clerks of the outgoing shift may each record it, or one twice: a person misses a shift once.
  const reported = new Set<string>()
  for (const e of [...input.entries].sort((a, b) => a.at - b.at)) {
    if (e.kind !== 'noShow') continue
    const own = windowAt(e.shiftKey)
    if (!own) continue
    const next = keys.filter((k) => k.w.startsAt > own.startsAt && k.w.startsAt <= own.endsAt).sort((a, b) => a.w.startsAt - b.w.startsAt)[0]
    if (!next) continue
    const arrived = new Set(input.handovers.filter((h) => h.toShiftKey === next.key && h.arrivedAt <= e.at).map((h) => h.incomingId))
    for (const staffId of rosteredOn.get(next.key) ?? []) {
      if (arrived.has(staffId) || reported.has(`${staffId}/${next.key}`)) continue
      reported.add(`${staffId}/${next.key}`)
      report(staffId, next.key, e.staffId)
    }
  }
}

type CoverKind = 'coveredFor' | 'wasCovered' | 'swapped'

/**
 * Covers and swaps the supervisor approved (篇2 4.2.6): the cover stood a day of the asker's, which the roster
 * in force shows as the cover's shift; a swap counts once for each of the two people.
 */
function coversAndSwaps(input: AttendanceInput, count: (staffId: string, kind: CoverKind, date: string, shiftTypeId: string, otherId: string | null) => void): void {
  const approved = new Map(input.answers.filter((a) => a.decision === 'approve').map((a) => [a.requestId, a]))
  const row = (staffId: string): readonly string[] => input.version?.snapshot.rows.find((r) => r.lane === 'desk' && r.staffId === staffId)?.days ?? []
  for (const r of input.requests) {
    const answer = approved.get(r.id)
    if (!answer || monthOf(r.date) !== input.month) continue
    if (r.kind === 'swap') {
      if (!r.swapWithId) continue
      count(r.staffId, 'swapped', r.date, '', r.swapWithId)
      count(r.swapWithId, 'swapped', r.swapDate ?? r.date, '', r.staffId)
      continue
    }
    const coverId = answer.coverId
    if (!coverId) continue
    for (const d of requestDates(r)) {
      const code = row(coverId)[Number(d.slice(8, 10)) - 1] ?? ''
      if (!isShift(code)) continue
      count(coverId, 'coveredFor', d, code, r.staffId)
      count(r.staffId, 'wasCovered', d, code, coverId)
    }
  }
}
