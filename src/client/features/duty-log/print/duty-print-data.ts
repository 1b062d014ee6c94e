/**
 * Reading the duty log 客户服务中心值班记录表 for printing (篇2 4.2.2, 4.3.4; issue 5 point 7): one
 * shift, a day (all its shifts) or a month, each shift with its entries, the requests registered in
 * its time, the handover it ended with (signatures included) and the supervisor's daily review
 * (篇2 4.2.5). Read once, as a snapshot: a print preview must not change under the reader.
 *
 * A month (90 shifts, 3,000 entries) is read with one range per table: shift keys start with their
 * date (`2026-11-27/<type>`), so the entries and handovers of a month are one range of the
 * `shiftKey` / `fromShiftKey` index; requests one range of `receivedAt`; reviews one of `[kind+period]`.
 * Who was on duty comes from the roster in force for the month once it is approved (issue 13 point 4).
 */
import { parseShiftKey, shiftKey, type DutyEntry } from '@shared/domain/duty-log'
import type { Handover } from '@shared/domain/handover'
import type { Review } from '@shared/domain/review'
import { receptionState } from '@shared/domain/reception-status'
import { defaultSettings } from '@shared/domain/settings'
import { shiftWindow, type ShiftType, type ShiftWindow } from '@shared/domain/shift-type'
import type { Signature } from '@shared/domain/signature'
import { addDays } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'
import type { ReceptionIndexRow } from '@client/db/register/index-row'
import { loadRegisterEntries } from '@client/db/register/register-entries'
import { rosterInForce } from '@client/db/roster/roster-month'
import { rosteredFor } from '@shared/domain/roster'
import { onDutyOf, type OnDutyPerson } from '@shared/domain/duty-roster'

/** What to print: `?shift=<shiftKey>`, `?date=YYYY-MM-DD` or `?month=YYYY-MM`. */
export type DutyPrintScope = { kind: 'shift'; key: string } | { kind: 'day'; date: string } | { kind: 'month'; month: string }

/** A request registered in the shift's time, as the register reads now (corrections applied). */
export interface PrintedReception {
  index: ReceptionIndexRow
  customerName: string
  /** In full here; the print masks it for whoever may not call owners. */
  phone: string
}

/** A pending item the handover acknowledged (篇2 4.3.2 a, b), with what it was. */
export interface PrintedAck {
  kind: 'reception' | 'dutyEntry'
  itemId: string
  explanation: string
  acknowledgedAt: number
  /** The request (ref, room, matter) or the entry (its time and content); null when no longer on this tablet. */
  reception: ReceptionIndexRow | null
  entry: DutyEntry | null
}

export interface ShiftPrint {
  key: string
  window: ShiftWindow
  /** Every entry of the shift (starts of duty and corrections too), by time. */
  entries: DutyEntry[]
  receptions: PrintedReception[]
  /** The handover that ended this shift (篇2 4.3.4), or null when not handed over yet. */
  handover: Handover | null
  acks: PrintedAck[]
  outgoingSignature: Signature | null
  incomingSignature: Signature | null
  /** The month's roster is approved: `onDuty` is its clerks (and who took over off it), not the log's starts. */
  rostered: boolean
  /** Who stood the shift (onDutyOf). */
  onDuty: OnDutyPerson[]
}

export interface DutyPrintData {
  shifts: ShiftPrint[]
  /** The supervisor's review of each day (篇2 4.2.5), the latest per date. */
  reviews: Map<string, { review: Review; signature: Signature | null }>
  staffNames: Map<string, string>
}

export class DutyPrintScopeError extends Error {
  override readonly name = 'DutyPrintScopeError'
}

/** The scope in an address query, or null when it names none (or a malformed one). */
export function scopeFromQuery(query: Record<string, unknown>): DutyPrintScope | null {
  const one = (k: string): string | null => (typeof query[k] === 'string' ? (query[k] as string) : null)
  const shift = one('shift')
  if (shift !== null) return parseShiftKey(shift) ? { kind: 'shift', key: shift } : null
  const date = one('date')
  if (date !== null) return /^\d{4}-\d{2}-\d{2}$/.test(date) ? { kind: 'day', date } : null
  const month = one('month')
  if (month !== null) return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? { kind: 'month', month } : null
  return null
}

/** The dates a scope covers, first to last. */
export function scopeDates(scope: DutyPrintScope): string[] {
  if (scope.kind === 'shift') return [parseShiftKey(scope.key)!.date]
  if (scope.kind === 'day') return [scope.date]
  const out: string[] = []
  for (let d = `${scope.month}-01`; d.startsWith(scope.month); d = addDays(d, 1)) out.push(d)
  return out
}

const byId = <T extends { id: string }>(rows: readonly (T | undefined)[]): Map<string, T> => new Map(rows.filter((r): r is T => !!r).map((r) => [r.id, r]))

/**
 * Everything the printed log of `scope` needs. A day or a month holds every active shift that has
 * started by `now`, and any other shift that has entries or a handover in it; oldest first.
 */
export async function loadDutyPrint(db: DeskbookDb, siteId: string, scope: DutyPrintScope, tz: string, now: number): Promise<DutyPrintData> {
  const dates = scopeDates(scope)
  const first = dates[0]!
  const last = dates.at(-1)!
  // Shift keys of these dates: one index range (`<date>/` sorts before any `<date>/<uuid>`).
  const keyRange = (): [string, string] => [`${first}/`, `${last}/\uffff`]
  const months = [...new Set(dates.map((d) => d.slice(0, 7)))]
  const [types, entryRows, handoverRows, intoRows, reviewRows, staff, rosters] = await db.transaction('r', [db.shiftTypes, db.dutyEntries, db.handovers, db.reviews, db.staff, db.rosterVersions, db.rosterSteps], () =>
    Promise.all([
      db.shiftTypes.where('siteId').equals(siteId).toArray(),
      scope.kind === 'shift' ? db.dutyEntries.where('shiftKey').equals(scope.key).toArray() : db.dutyEntries.where('shiftKey').between(...keyRange()).toArray(),
      scope.kind === 'shift' ? db.handovers.where('fromShiftKey').equals(scope.key).toArray() : db.handovers.where('fromShiftKey').between(...keyRange()).toArray(),
      // Handovers into the shifts: who took a shift over though not rostered on it (非排班接班).
      scope.kind === 'shift' ? db.handovers.where('toShiftKey').equals(scope.key).toArray() : db.handovers.where('toShiftKey').between(...keyRange()).toArray(),
      db.reviews.where('[kind+period]').between(['dutyLogDaily', first], ['dutyLogDaily', last], true, true).toArray(),
      db.staff.where('siteId').equals(siteId).toArray(),
      Promise.all(months.map((m) => rosterInForce(db, siteId, `${m}-01`))),
    ]),
  )
  const rosterOf = new Map(months.map((m, i) => [m, rosters[i]?.version ?? null]))
  const entries = entryRows.filter((e) => e.siteId === siteId)
  const handovers = handoverRows.filter((h) => h.siteId === siteId)
  const into = groupBy(intoRows.filter((h) => h.siteId === siteId), (h) => h.toShiftKey)
  const reviews = reviewRows.filter((r) => r.siteId === siteId)

  const typeById = new Map(types.map((t) => [t.id, t]))
  const windows = shiftWindows(scope, dates, types, typeById, new Set([...entries.map((e) => e.shiftKey), ...handovers.map((h) => h.fromShiftKey)]), tz, now)
  if (scope.kind === 'shift' && !windows.length) throw new DutyPrintScopeError(`unknown shift ${scope.key}`)

  // Requests of the windows' whole span, then each into the window it was received in.
  const receptions = windows.length ? await receptionsBetween(db, siteId, Math.min(...windows.map((w) => w.window.startsAt)), Math.max(...windows.map((w) => w.window.endsAt))) : []

  // Acknowledged items and signatures, each table read once by key.
  const ackReceptionIds = handovers.flatMap((h) => h.acknowledgements.filter((a) => a.kind === 'reception').map((a) => a.itemId))
  const ackEntryIds = handovers.flatMap((h) => h.acknowledgements.filter((a) => a.kind === 'dutyEntry').map((a) => a.itemId))
  const signatureIds = [...handovers.flatMap((h) => [h.outgoingSignatureId, h.incomingSignatureId]), ...reviews.flatMap((r) => (r.signatureId ? [r.signatureId] : []))]
  const [ackReceptions, ackEntries, signatures] = await Promise.all([db.receptionIndex.bulkGet(ackReceptionIds), db.dutyEntries.bulkGet(ackEntryIds), db.signatures.bulkGet(signatureIds)])
  const receptionById = byId(ackReceptions)
  const entryById = byId(ackEntries)
  const signatureById = byId(signatures)

  const entriesByKey = groupBy(entries, (e) => e.shiftKey)
  const handoverByKey = new Map([...handovers].sort((a, b) => a.createdAt - b.createdAt).map((h) => [h.fromShiftKey, h]))
  // A request belongs to the latest-started window holding it (as `currentShift` decides overlaps).
  const receptionsByKey = new Map<string, PrintedReception[]>()
  for (const r of receptions) {
    const w = windows.findLast((x) => x.window.startsAt <= r.index.receivedAt && r.index.receivedAt < x.window.endsAt)
    if (!w) continue
    const list = receptionsByKey.get(w.key)
    if (list) list.push(r)
    else receptionsByKey.set(w.key, [r])
  }

  const shifts = windows.map(({ key, window }): ShiftPrint => {
    const handover = handoverByKey.get(key) ?? null
    const version = rosterOf.get(window.date.slice(0, 7)) ?? null
    const roster = { rostered: !!version, staffIds: version ? rosteredFor(version, window.date, window.shiftType.id) : [] }
    const started = (entriesByKey.get(key) ?? []).filter((e) => e.kind === 'dutyStart').sort((a, b) => a.at - b.at)
    return {
      rostered: roster.rostered,
      onDuty: onDutyOf(
        roster,
        started.map((e) => e.staffId),
        (into.get(key) ?? []).map((h) => h.incomingId),
      ),
      key,
      window,
      entries: (entriesByKey.get(key) ?? []).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
      receptions: receptionsByKey.get(key) ?? [],
      handover,
      acks: (handover?.acknowledgements ?? []).map((a) => ({
        ...a,
        reception: a.kind === 'reception' ? (receptionById.get(a.itemId) ?? null) : null,
        entry: a.kind === 'dutyEntry' ? (entryById.get(a.itemId) ?? null) : null,
      })),
      outgoingSignature: handover ? (signatureById.get(handover.outgoingSignatureId) ?? null) : null,
      incomingSignature: handover ? (signatureById.get(handover.incomingSignatureId) ?? null) : null,
    }
  })
  const reviewByDate = new Map<string, { review: Review; signature: Signature | null }>()
  for (const review of [...reviews].sort((a, b) => a.at - b.at)) reviewByDate.set(review.period, { review, signature: review.signatureId ? (signatureById.get(review.signatureId) ?? null) : null })
  return { shifts, reviews: reviewByDate, staffNames: new Map(staff.map((s) => [s.id, s.name])) }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = out.get(k)
    if (list) list.push(row)
    else out.set(k, [row])
  }
  return out
}

function shiftWindows(
  scope: DutyPrintScope,
  dates: readonly string[],
  types: readonly ShiftType[],
  typeById: ReadonlyMap<string, ShiftType>,
  recorded: ReadonlySet<string>,
  tz: string,
  now: number,
): { key: string; window: ShiftWindow }[] {
  if (scope.kind === 'shift') {
    const parsed = parseShiftKey(scope.key)!
    const type = typeById.get(parsed.shiftTypeId)
    return type ? [{ key: scope.key, window: shiftWindow(type, parsed.date, tz) }] : []
  }
  const out: { key: string; window: ShiftWindow }[] = []
  for (const date of dates) {
    for (const type of types) {
      const key = shiftKey(date, type.id)
      const window = shiftWindow(type, date, tz)
      if (recorded.has(key) || (type.active && window.startsAt <= now)) out.push({ key, window })
    }
  }
  return out.sort((a, b) => a.window.startsAt - b.window.startsAt || a.window.shiftType.start.localeCompare(b.window.shiftType.start))
}

/** The site's requests received in [start, end), as they read now (the index row, the current name and phone). */
async function receptionsBetween(db: DeskbookDb, siteId: string, start: number, end: number): Promise<PrintedReception[]> {
  const rows = (await db.receptionIndex.where('receivedAt').between(start, end, true, false).toArray()).filter((r) => r.siteId === siteId).sort((a, b) => a.receivedAt - b.receivedAt)
  const entries = new Map((await loadRegisterEntries(db, rows.map((r) => r.id))).map((e) => [e.reception.id, e]))
  return rows.map((index) => {
    const entry = entries.get(index.id)
    // The phone is not in the index; corrections of name or phone live in the timeline.
    const current = entry ? receptionState(entry.reception, entry.events, entry.reception.receivedAt, defaultSettings(siteId)).current : null
    return { index, customerName: current?.customerName ?? index.customerName, phone: current?.phone ?? '' }
  })
}
