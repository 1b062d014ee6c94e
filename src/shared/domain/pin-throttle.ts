/**
 * Wrong-PIN throttling on a shared tablet: a few free tries, then waits that double.
 * Pure: the caller passes "now" and stores the state.
 */
import { MINUTE } from './time'

export interface ThrottleState {
  failures: number
  /** No attempt is accepted before this instant (ms). */
  lockedUntil: number
}

export const FREE_ATTEMPTS = 5
const FIRST_WAIT = 30_000
const LONGEST_WAIT = 15 * MINUTE

export const NO_FAILURES: ThrottleState = { failures: 0, lockedUntil: 0 }

/** Milliseconds left before another attempt is allowed (0 = allowed now). */
export function waitLeft(state: ThrottleState, now: number): number {
  return Math.max(0, state.lockedUntil - now)
}

/** State after a wrong PIN at `now`: the 6th failure waits 30 s, the 7th 60 s … up to 15 min. */
export function afterFailure(state: ThrottleState, now: number): ThrottleState {
  const failures = state.failures + 1
  if (failures < FREE_ATTEMPTS + 1) return { failures, lockedUntil: 0 }
  const wait = Math.min(LONGEST_WAIT, FIRST_WAIT * 2 ** (failures - FREE_ATTEMPTS - 1))
  return { failures, lockedUntil: now + wait }
}

/** State after the right PIN. */
export function afterSuccess(): ThrottleState {
  return { ...NO_FAILURES }
}
