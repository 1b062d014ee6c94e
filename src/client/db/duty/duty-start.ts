/**
 * Who is on duty (篇2 4.2.7–4.2.8): once the month's roster is approved, the roster says who stands the
 * shifts before, now and next (issue 13 point 4) and logging in writes nothing; without one, the log's
 * starts of duty say it (issue 5 point 1) and a clerk starts duty by logging in. Which shifts are handed over.
 */
import { parseShiftKey, shiftKey, type DutyEntry } from '@shared/domain/duty-log'
import { dutyOnLogin, rosteredOnLogin, type LoginDuty, type ShiftSpan } from '@client/db/duty/duty-start-rules'
import { currentShift, nextShift, previousShift, shiftWindow, type ShiftType, type ShiftWindow } from '@shared/domain/shift-type'
import { onDutyOf } from '@shared/domain/duty-roster'
import { shiftRosters } from '../roster/roster-duty'
import type { ShiftRoster } from '../roster/roster-month'
import { DAY } from '@shared/domain/time'
import type { Role } from '@shared/domain/role'
import type { DeskbookDb } from '../database'
import { startDuty } from './duty-log'
import type { Actor } from '../write-records'

/** A shift's span from its key and the site's shift types (null when the type is gone). */
export function spanOf(key: string, shifts: readonly ShiftType[], tz: string): ShiftSpan | null {
  const parsed = parseShiftKey(key)
  const type = parsed && shifts.find((s) => s.id === parsed.shiftTypeId)
  if (!parsed || !type) return null
  const w = shiftWindow(type, parsed.date, tz)
  return { key, startsAt: w.startsAt, endsAt: w.endsAt }
}

const slot = (w: ShiftWindow | null): ShiftSpan | null => (w ? { key: shiftKey(w.date, w.shiftType.id), startsAt: w.startsAt, endsAt: w.endsAt } : null)

export interface DutyState {
  current: ShiftSpan | null
  previous: ShiftSpan | null
  next: ShiftSpan | null
  /**
   * Shifts of the last two days with who stands each: for the shifts before, now and next of a month with
   * an approved roster, its rostered clerks and whoever took the shift over (onDutyOf); otherwise who
   * started duty on it.
   */
  onDuty: Map<string, Set<string>>
  /** The roster of the shifts before, now and next (`rostered` false without an approved roster). */
  rosters: Map<string, ShiftRoster>
  /** Keys of the shifts handed over (their logs are locked). */
  handedOver: Set<string>
}

/** Duty starts, the roster and handovers of the last two days around `now`. */
export async function dutyState(db: DeskbookDb, siteId: string, shifts: readonly ShiftType[], tz: string, now: number): Promise<DutyState> {
  const starts: DutyEntry[] = await db.dutyEntries
    .where('[siteId+at]')
    .between([siteId, now - 2 * DAY], [siteId, Number.MAX_SAFE_INTEGER])
    .filter((e) => e.kind === 'dutyStart')
    .toArray()
  const onDuty = new Map<string, Set<string>>()
  for (const e of starts) onDuty.set(e.shiftKey, (onDuty.get(e.shiftKey) ?? new Set()).add(e.staffId))
  const current = slot(currentShift(shifts, now, tz))
  const previous = slot(previousShift(shifts, now, tz))
  const next = slot(nextShift(shifts, now, tz))
  const near = [previous, current, next].flatMap((s) => (s ? [s.key] : []))
  const [rosters, handovers, into] = await Promise.all([
    shiftRosters(db, siteId, near),
    db.handovers.where('fromShiftKey').anyOf([...onDuty.keys(), ...near]).toArray(),
    db.handovers.where('toShiftKey').anyOf(near).toArray(),
  ])
  for (const [key, roster] of rosters) {
    const takenOverBy = into.filter((h) => h.toShiftKey === key && h.siteId === siteId).map((h) => h.incomingId)
    if (roster.rostered) onDuty.set(key, new Set(onDutyOf(roster, [], takenOverBy).map((p) => p.staffId)))
  }
  return { current, previous, next, onDuty, rosters, handedOver: new Set(handovers.map((h) => h.fromShiftKey)) }
}

/** Is the roster approved for the shift `key` (one of the shifts before, now and next)? */
export const rosteredShift = (state: DutyState, key: string | undefined): boolean => !!key && !!state.rosters.get(key)?.rostered

/** Who the roster has on the shift `key` (empty without a roster). */
export const rosteredOn = (state: DutyState, key: string | undefined): string[] => (key ? [...(state.rosters.get(key)?.staffIds ?? [])] : [])

/** The clerks expected to take over the shift `fromKey` (the shift before → now → next): the rostered ones of the shift after it. */
export function expectedIncoming(state: DutyState, fromKey: string): string[] {
  const after = fromKey === state.previous?.key ? state.current : fromKey === state.current?.key ? state.next : null
  return rosteredOn(state, after?.key)
}

/** The shifts `staffId` started, as spans. */
export function startedBy(state: DutyState, staffId: string, shifts: readonly ShiftType[], tz: string): ShiftSpan[] {
  return [...state.onDuty.entries()].filter(([, who]) => who.has(staffId)).flatMap(([key]) => spanOf(key, shifts, tz) ?? [])
}

/** The shift before the current one when someone was on it and it is not handed over yet (篇2 4.2.7–4.2.8). */
export function previousAwaiting(state: DutyState): ShiftSpan | null {
  const p = state.previous
  return p && state.onDuty.get(p.key)?.size && !state.handedOver.has(p.key) ? p : null
}

/** What logging in means for `staffId` at `now`, from the duty state (see rosteredOnLogin, dutyOnLogin). */
export function loginDutyOf(state: DutyState, staffId: string, now: number, leadMinutes: number): LoginDuty {
  const waiting = previousAwaiting(state)
  const on = (state.current && state.onDuty.get(state.current.key)) || new Set<string>()
  const common = {
    currentHandedOver: !!state.current && state.handedOver.has(state.current.key),
    previousAwaitingHandover: waiting ? { key: waiting.key, mine: !!state.onDuty.get(waiting.key)?.has(staffId) } : null,
    othersOnDuty: [...on].some((id) => id !== staffId),
    justHandedOver: !!state.previous && !!state.onDuty.get(state.previous.key)?.has(staffId) && state.handedOver.has(state.previous.key),
    // The next shift may fall in another month, with or without a roster of its own.
    nextHasRoster: rosteredShift(state, state.next?.key),
    rosteredNext: rosteredOn(state, state.next?.key).includes(staffId),
  }
  if (rosteredShift(state, state.current?.key)) {
    const rosteredCurrent = rosteredOn(state, state.current?.key).includes(staffId)
    return rosteredOnLogin(state.current, { ...common, onCurrent: on.has(staffId), rosteredCurrent }, now, leadMinutes)
  }
  return dutyOnLogin(state.current, { ...common, startedHere: on.has(staffId) }, now, leadMinutes)
}

/**
 * A clerk (客服助理) starts duty by logging in (issue 5 point 1): on the shift now, unless they come
 * to take over the next one or a late handover — then the handover starts their duty (篇2 4.3.5). With an
 * approved roster for the shift nothing is written: the roster says who is on duty (issue 13 point 4).
 */
export async function startDutyOnLogin(db: DeskbookDb, actor: Actor & { staffId: string }, role: Role, shifts: readonly ShiftType[], tz: string, leadMinutes: number, now: number): Promise<LoginDuty> {
  if (role !== 'assistant') return { none: 'noShift' }
  // With a roster loginDutyOf never answers `start`: nothing is written.
  const duty = loginDutyOf(await dutyState(db, actor.siteId, shifts, tz, now), actor.staffId, now, leadMinutes)
  if ('start' in duty) await startDuty(db, actor, role, duty.start, now)
  return duty
}
