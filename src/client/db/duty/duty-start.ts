/**
 * Who is on duty, read from the log (issue 5 point 1; 篇2 4.2.7–4.2.8): the shifts a clerk started,
 * which of them are handed over, and starting duty when a clerk logs in.
 */
import { parseShiftKey, shiftKey, type DutyEntry } from '@shared/domain/duty-log'
import { dutyOnLogin, type LoginDuty, type ShiftSpan } from '@client/db/duty/duty-start-rules'
import { currentShift, previousShift, shiftWindow, type ShiftType, type ShiftWindow } from '@shared/domain/shift-type'
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
  /** Shifts of the last two days with who started duty on each. */
  onDuty: Map<string, Set<string>>
  /** Keys of the shifts handed over (their logs are locked). */
  handedOver: Set<string>
}

/** Duty starts and handovers of the last two days around `now`. */
export async function dutyState(db: DeskbookDb, siteId: string, shifts: readonly ShiftType[], tz: string, now: number): Promise<DutyState> {
  const starts: DutyEntry[] = await db.dutyEntries
    .where('[siteId+at]')
    .between([siteId, now - 2 * DAY], [siteId, Number.MAX_SAFE_INTEGER])
    .filter((e) => e.kind === 'dutyStart')
    .toArray()
  const onDuty = new Map<string, Set<string>>()
  for (const e of starts) onDuty.set(e.shiftKey, (onDuty.get(e.shiftKey) ?? new Set()).add(e.staffId))
  const keys = [...onDuty.keys()]
  const current = slot(currentShift(shifts, now, tz))
  const previous = slot(previousShift(shifts, now, tz))
  for (const s of [current, previous]) if (s) keys.push(s.key)
  const handovers = await db.handovers.where('fromShiftKey').anyOf(keys).toArray()
  return { current, previous, onDuty, handedOver: new Set(handovers.map((h) => h.fromShiftKey)) }
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

/** What logging in means for `staffId` at `now`, from the duty state (see dutyOnLogin). */
export function loginDutyOf(state: DutyState, staffId: string, now: number, leadMinutes: number): LoginDuty {
  const waiting = previousAwaiting(state)
  const on = (state.current && state.onDuty.get(state.current.key)) || new Set<string>()
  return dutyOnLogin(
    state.current,
    {
      currentHandedOver: !!state.current && state.handedOver.has(state.current.key),
      previousAwaitingHandover: waiting ? { key: waiting.key, mine: !!state.onDuty.get(waiting.key)?.has(staffId) } : null,
      startedHere: on.has(staffId),
      othersOnDuty: [...on].some((id) => id !== staffId),
      justHandedOver: !!state.previous && !!state.onDuty.get(state.previous.key)?.has(staffId) && state.handedOver.has(state.previous.key),
    },
    now,
    leadMinutes,
  )
}

/**
 * A clerk (客服助理) starts duty by logging in (issue 5 point 1): on the shift now, unless they come
 * to take over the next one or a late handover — then the handover starts their duty (篇2 4.3.5).
 */
export async function startDutyOnLogin(db: DeskbookDb, actor: Actor & { staffId: string }, role: Role, shifts: readonly ShiftType[], tz: string, leadMinutes: number, now: number): Promise<LoginDuty> {
  if (role !== 'assistant') return { none: 'noShift' }
  const duty = loginDutyOf(await dutyState(db, actor.siteId, shifts, tz, now), actor.staffId, now, leadMinutes)
  if ('start' in duty) await startDuty(db, actor, role, duty.start, now)
  return duty
}
