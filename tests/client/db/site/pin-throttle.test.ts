import { describe, expect, it } from 'vitest'
import { FREE_ATTEMPTS, NO_FAILURES, afterFailure, afterSuccess, attemptsLeft, waitLeft, type ThrottleState } from '@client/db/site/pin-throttle'

const T0 = Date.UTC(2024, 4, 10, 2)
const SECOND = 1000
const MINUTE = 60 * SECOND

/** The state after `n` wrong PINs, each at T0. */
function failures(n: number, now = T0): ThrottleState {
  let state = NO_FAILURES
  for (let i = 0; i < n; i++) state = afterFailure(state, now)
  return state
}

describe('afterFailure', () => {
  it('allows five free attempts', () => {
    expect(FREE_ATTEMPTS).toBe(5)
  })

  it.each([
    { failure: 1, wait: 0 },
    { failure: 2, wait: 0 },
    { failure: 3, wait: 0 },
    { failure: 4, wait: 0 },
    { failure: 5, wait: 30 * SECOND },
    { failure: 6, wait: 60 * SECOND },
    { failure: 7, wait: 2 * MINUTE },
    { failure: 8, wait: 4 * MINUTE },
    { failure: 9, wait: 8 * MINUTE },
    { failure: 10, wait: 15 * MINUTE },
    { failure: 11, wait: 15 * MINUTE },
    { failure: 12, wait: 15 * MINUTE },
    { failure: 30, wait: 15 * MINUTE },
  ])('failure $failure waits $wait ms', ({ failure, wait }) => {
    const state = failures(failure)
    expect(state.failures).toBe(failure)
    expect(state.lockedUntil).toBe(wait ? T0 + wait : 0)
    expect(waitLeft(state, T0)).toBe(wait)
  })

  it('counts the wait from the instant of the failure', () => {
    const later = T0 + 10 * MINUTE
    expect(afterFailure(failures(5), later)).toEqual({ failures: 6, lockedUntil: later + 60 * SECOND })
  })

  it('does not change the state it is given', () => {
    const state = failures(4)
    afterFailure(state, T0)
    expect(state).toEqual({ failures: 4, lockedUntil: 0 })
  })
})

describe('attemptsLeft agrees with the lock', () => {
  // What the pad says after n wrong PINs must be what happens next: "还可以再试 1 次" after the 4th,
  // and the 5th starts the wait.
  it.each([0, 1, 2, 3, 4, 5, 6])('after %i wrong PINs', (n) => {
    const state = failures(n)
    const left = attemptsLeft(state.failures)
    expect(left).toBe(Math.max(0, 5 - n))
    // As many wrong PINs as the pad announces are let through; the last of them locks.
    let next = state
    for (let i = 0; i < left; i++) {
      expect(waitLeft(next, T0), `try ${i + 1} of ${left}`).toBe(0)
      next = afterFailure(next, T0)
    }
    expect(waitLeft(next, T0)).toBeGreaterThan(0)
  })
})

describe('waitLeft', () => {
  const locked: ThrottleState = { failures: 5, lockedUntil: T0 + 30 * SECOND }

  it.each([
    { name: 'right after the failure', now: T0, left: 30 * SECOND },
    { name: 'part way', now: T0 + 10 * SECOND, left: 20 * SECOND },
    { name: 'a millisecond before the end', now: T0 + 30 * SECOND - 1, left: 1 },
    { name: 'exactly at the end', now: T0 + 30 * SECOND, left: 0 },
    { name: 'after the end', now: T0 + 31 * SECOND, left: 0 },
    { name: 'with a clock set back before the failure', now: T0 - MINUTE, left: 90 * SECOND },
  ])('$name: $left ms', ({ now, left }) => {
    expect(waitLeft(locked, now)).toBe(left)
  })

  it('is 0 with no failures', () => {
    expect(waitLeft(NO_FAILURES, T0)).toBe(0)
  })
})

describe('afterSuccess', () => {
  it('resets the count, so the next failure is free again', () => {
    const state = afterSuccess()
    expect(state).toEqual({ failures: 0, lockedUntil: 0 })
    expect(afterFailure(state, T0)).toEqual({ failures: 1, lockedUntil: 0 })
  })

  it('gives a fresh object, never the shared NO_FAILURES', () => {
    const state = afterSuccess()
    expect(state).not.toBe(NO_FAILURES)
    state.failures = 3
    expect(NO_FAILURES).toEqual({ failures: 0, lockedUntil: 0 })
  })
})
