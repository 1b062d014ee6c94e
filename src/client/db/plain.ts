import { toRaw } from 'vue'

/**
 * A deep plain copy of `value` with every Vue proxy removed: IndexedDB cannot clone proxies,
 * and a stored row must not change when a form keeps editing its reactive model.
 */
export function plain<T>(value: T): T {
  const raw = toRaw(value) as unknown
  if (Array.isArray(raw)) return raw.map((item: unknown) => plain(item)) as T
  if (raw && typeof raw === 'object' && Object.getPrototypeOf(raw) === Object.prototype) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k] = plain(v)
    return out as T
  }
  return raw as T
}
