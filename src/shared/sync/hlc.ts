/**
 * Hybrid logical clock (Kulkarni et al. 2014): physical milliseconds plus a counter plus the node,
 * serialised so that string order is causal-then-physical order. Stamps order concurrent edits
 * for per-field last-writer-wins; a tablet's wrong clock cannot make a stamp go backwards.
 */

export interface Hlc {
  wall: number
  counter: number
  node: string
}

const WALL_DIGITS = 15
const COUNTER_DIGITS = 5
export const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1

export function initialHlc(node: string): Hlc {
  return { wall: 0, counter: 0, node }
}

/** The clock after a local event at `now`. */
export function tick(clock: Hlc, now: number): Hlc {
  if (now > clock.wall) return { wall: now, counter: 0, node: clock.node }
  return bump({ ...clock })
}

/** The clock after seeing a remote stamp at `now`. */
export function receive(clock: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(clock.wall, remote.wall, now)
  if (wall === clock.wall && wall === remote.wall) return bump({ wall, counter: Math.max(clock.counter, remote.counter), node: clock.node })
  if (wall === clock.wall) return bump({ wall, counter: clock.counter, node: clock.node })
  if (wall === remote.wall) return bump({ wall, counter: remote.counter, node: clock.node })
  return { wall, counter: 0, node: clock.node }
}

function bump(clock: Hlc): Hlc {
  // Counter overflow moves the wall on by a millisecond rather than wrapping.
  if (clock.counter >= MAX_COUNTER) return { wall: clock.wall + 1, counter: 0, node: clock.node }
  return { ...clock, counter: clock.counter + 1 }
}

export function formatHlc(clock: Hlc): string {
  return `${String(clock.wall).padStart(WALL_DIGITS, '0')}:${String(clock.counter).padStart(COUNTER_DIGITS, '0')}:${clock.node}`
}

export function parseHlc(stamp: string): Hlc {
  const m = /^(\d{15}):(\d{5}):(.+)$/.exec(stamp)
  if (!m) throw new SyntaxError(`not a clock stamp: ${stamp}`)
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3]! }
}

export const HLC_PATTERN = '^\\d{15}:\\d{5}:.{1,64}$'

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
