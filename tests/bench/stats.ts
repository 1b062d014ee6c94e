/** Small helpers for benchmark figures. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (!sorted.length) return Number.NaN
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[idx]!
}

export const median = (values: readonly number[]): number => percentile(values, 50)

export function row(name: string, value: string, baseline: string, target: string, ok: boolean | null): string {
  const verdict = ok === null ? '' : ok ? 'within target' : 'OVER TARGET'
  return `${name.padEnd(44)} ${value.padStart(12)}   baseline ${baseline.padStart(12)}   target ${target.padEnd(10)} ${verdict}`
}

/** A small deterministic generator (mulberry32), so every run measures the same data. */
export function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
