/**
 * A small seeded pseudo-random generator (mulberry32) for the sync simulation: the same seed gives
 * the same sequence of steps, so a failing run is replayed with `SIM_SEED=<seed>`.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** One of `entries` with probability proportional to its weight (weights ≤ 0 never chosen). */
  weighted<T>(entries: readonly (readonly [T, number])[]): T
  /** A few distinct items of `items`, at least one. */
  some<T>(items: readonly T[]): T[]
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (!items.length) throw new Error('pick from nothing')
    return items[int(0, items.length - 1)]!
  }
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, w]) => sum + Math.max(0, w), 0)
      if (total <= 0) throw new Error('no entry with a weight')
      let r = next() * total
      for (const [value, w] of entries) {
        if (w <= 0) continue
        r -= w
        if (r < 0) return value
      }
      return entries.findLast(([, w]) => w > 0)![0]
    },
    some<T>(items: readonly T[]): T[] {
      const chosen = items.filter(() => next() < 0.5)
      return chosen.length ? chosen : [pick(items)]
    },
  }
}

/** A fresh seed for this run (printed in the test name, so a failure can be replayed). */
export function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
}
