/**
 * Wrong-PIN throttling on a shared tablet: a few free tries, then waits that double.
 * Pure: the caller passes "now" and stores the state.
 */
import { MINUTE } from '@shared/domain/time'

export interface ThrottleState {
  failures: number
  /** No attempt is accepted before this instant (ms). */
  lockedUntil: number
}

/** Wrong PINs in a row that are let through; the last of them starts the first wait. */
export const FREE_ATTEMPTS = 5
const FIRST_WAIT = 30_000
const LONGEST_WAIT = 15 * MINUTE

export const NO_FAILURES: ThrottleState = { failures: 0, lockedUntil: 0 }

/** Milliseconds left before another attempt is allowed (0 = allowed now). */
export function waitLeft(state: ThrottleState, now: number): number {
  return Math.max(0, state.lockedUntil - now)
}

/**
 * State after a wrong PIN at `now`: the 5th wrong PIN in a row makes the next attempt wait 30 s, the
 * 6th 60 s … up to 15 min. So the pad's "还可以再试 n 次" (FREE_ATTEMPTS − failures) counts down to
 * the attempt that starts the wait, and nothing is let through after it.
 */
export function afterFailure(state: ThrottleState, now: number): ThrottleState {
  const failures = state.failures + 1
  if (failures < FREE_ATTEMPTS) return { failures, lockedUntil: 0 }
  const wait = Math.min(LONGEST_WAIT, FIRST_WAIT * 2 ** (failures - FREE_ATTEMPTS))
  return { failures, lockedUntil: now + wait }
}

/** Wrong PINs still possible before a wait, after `failures` of them (0 once waiting). */
export function attemptsLeft(failures: number): number {
  return Math.max(0, FREE_ATTEMPTS - failures)
}

/** State after the right PIN. */
export function afterSuccess(): ThrottleState {
  return { ...NO_FAILURES }
}
