/**
 * Who is on which shift, from the log itself (issue 5 point 1; 篇2 4.2.7–4.2.8, 4.3): a clerk starts
 * duty by logging in; arriving to take over the next shift, they start it by signing the handover; an
 * outgoing clerk whose shift has ended waits for the handover and may not leave before it.
 */
import { MINUTE } from '@shared/domain/time'

export interface ShiftSpan {
  key: string
  startsAt: number
  endsAt: number
}

/**
 * `start`: the login starts duty on the shift (no roster); `rostered`: the roster has them on it, nothing
 * to write; `takeOver`: they come to take a shift over (`offRoster`: not rostered on the shift after it —
 * they may, and it is recorded, but are not sent to the handover).
 */
export type LoginDuty =
  | { start: string }
  | { rostered: string }
  | { takeOver: string; offRoster?: true }
  | { none: 'noShift' | 'handedOver' | 'awaitingHandover' | 'beforeNext' | 'notRostered' }

/**
 * What a desk clerk's login means for the log at `now`:
 * - the shift on duty has been handed over already → nothing (its log is locked); nor when this clerk
 *   stood the shift before and handed it over (`justHandedOver`: they come back to end duty);
 * - the shift before it ended with someone on duty and was not handed over → the clerk takes over
 *   (a late arrival, 篇2 4.2.7): duty starts when they sign the handover, not before — unless that shift
 *   was this clerk's own: they are still waiting to hand it over (篇2 4.2.8);
 * - within twice the handover lead before the shift's end (30 minutes by default: the incoming clerk
 *   arrives 15 minutes early, 篇2 4.3.1) a clerk not yet on it comes for the next shift → take over from
 *   whoever is on duty; with nobody on it there is nothing to take over, and nothing to start yet;
 * - otherwise they start duty on the shift now.
 * `startedHere` says whether this clerk already started the current shift (logging in again after
 * the idle lock changes nothing). When the next shift falls in a month whose roster is approved
 * (`nextHasRoster`, the last night of a month without one) and this clerk is not rostered on it
 * (`rosteredNext`), taking over is recorded as off the roster.
 */
export function dutyOnLogin(
  current: ShiftSpan | null,
  state: { currentHandedOver: boolean; previousAwaitingHandover: { key: string; mine: boolean } | null; startedHere: boolean; othersOnDuty: boolean; justHandedOver?: boolean; nextHasRoster?: boolean; rosteredNext?: boolean },
  now: number,
  leadMinutes: number,
): LoginDuty {
  if (!current) return { none: 'noShift' }
  if (state.currentHandedOver) return { none: 'handedOver' }
  if (state.startedHere) return { start: current.key }
  // The outgoing clerk of the shift just handed over logs in to end duty, not to stand the next shift.
  if (state.justHandedOver) return { none: 'handedOver' }
  if (state.previousAwaitingHandover?.mine) return { none: 'awaitingHandover' }
  if (state.previousAwaitingHandover) return { takeOver: state.previousAwaitingHandover.key }
  if (current.endsAt - now <= 2 * leadMinutes * MINUTE) {
    if (!state.othersOnDuty) return { none: 'beforeNext' }
    return state.nextHasRoster && !state.rosteredNext ? { takeOver: current.key, offRoster: true } : { takeOver: current.key }
  }
  return { start: current.key }
}

/**
 * 篇2 4.2.8 接班人未到岗前不得离岗: the shift this clerk started that has ended and is not handed over —
 * the one they are waiting to hand over (the latest, if several) — or null when they may go.
 */
export function awaitingHandover(started: readonly ShiftSpan[], handedOver: (key: string) => boolean, now: number): ShiftSpan | null {
  return [...started].sort((a, b) => a.endsAt - b.endsAt).filter((s) => s.endsAt <= now && !handedOver(s.key)).at(-1) ?? null
}

/** May this clerk end duty now? Not while a shift of theirs waits for its handover, nor during a shift they are on (篇2 4.2.8). */
export function mayEndDuty(started: readonly ShiftSpan[], handedOver: (key: string) => boolean, now: number): { ok: true } | { ok: false; reason: 'awaitingHandover' | 'shiftRunning'; shift: ShiftSpan } {
  const waiting = awaitingHandover(started, handedOver, now)
  if (waiting) return { ok: false, reason: 'awaitingHandover', shift: waiting }
  const running = started.find((s) => s.startsAt <= now && now < s.endsAt && !handedOver(s.key))
  if (running) return { ok: false, reason: 'shiftRunning', shift: running }
  return { ok: true }
}

/**
 * What a desk clerk's login means once the month's roster is approved (issue 13 point 4): logging in makes
 * nobody 值班人 — the roster does. `onCurrent`: rostered on the shift now, or took it over at its handover;
 * `rosteredCurrent` / `rosteredNext`: rostered on the shift now / the one after it; `nextHasRoster`: the
 * shift after it has an approved roster (not so on a month's last night when the next month has none).
 * - the shift now is handed over, or this clerk handed over the one before → nothing;
 * - the shift before waits for its handover: this clerk's own → they wait (篇2 4.2.8); else the clerk
 *   rostered now takes over (a late arrival, 篇2 4.2.7), anyone else may (非排班接班);
 * - on the shift now → on it (logging in again after the idle lock, or a double shift);
 * - within twice the lead before its end (篇2 4.3.1) the clerk of the next shift comes to take over — the
 *   one rostered on it, or anyone else who covers (off the roster only when the next shift has one); with
 *   nobody on the shift, nothing yet;
 * - otherwise: not rostered, nothing.
 */
export function rosteredOnLogin(
  current: ShiftSpan | null,
  state: { currentHandedOver: boolean; previousAwaitingHandover: { key: string; mine: boolean } | null; onCurrent: boolean; rosteredCurrent: boolean; rosteredNext: boolean; nextHasRoster: boolean; othersOnDuty: boolean; justHandedOver: boolean },
  now: number,
  leadMinutes: number,
): LoginDuty {
  if (!current) return { none: 'noShift' }
  if (state.currentHandedOver) return { none: 'handedOver' }
  const waiting = state.previousAwaitingHandover
  if (waiting?.mine) return { none: 'awaitingHandover' }
  if (waiting) return state.rosteredCurrent ? { takeOver: waiting.key } : { takeOver: waiting.key, offRoster: true }
  if (state.onCurrent) return { rostered: current.key }
  // Near the shift's end the one before is long over: who handed it over comes for the next shift now.
  if (current.endsAt - now <= 2 * leadMinutes * MINUTE) {
    if (!state.othersOnDuty) return { none: 'beforeNext' }
    return state.rosteredNext || !state.nextHasRoster ? { takeOver: current.key } : { takeOver: current.key, offRoster: true }
  }
  if (state.justHandedOver) return { none: 'handedOver' }
  return { none: 'notRostered' }
}
