/**
 * Merging a mutation into a stored record (docs/sync-protocol.md "Merge rules"): per-field
 * last-writer-wins by hybrid-logical-clock stamp for editable records; append-only records are
 * written once. Pure, used by the server and by the simulation's model.
 */
import { compareHlc, formatHlc, MAX_COUNTER, parseHlc } from './hlc'

export const DELETED_FIELD = '_deleted'

export interface StoredRecord {
  data: Record<string, unknown>
  /** The stamp of the latest write of each field. */
  fieldHlc: Record<string, string>
  deleted: boolean
}

export type MergeResult = { ok: true; record: StoredRecord; changed: boolean } | { ok: false; reason: 'appendOnlyChanged' }

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Merge `fields` stamped `hlc` into `current` (null for a new record). */
export function mergeFields(current: StoredRecord | null, fields: Record<string, unknown>, hlc: string, kind: 'editable' | 'appendOnly'): MergeResult {
  return mergeStamped(current, fields, () => hlc, kind)
}

/**
 * Merge `fields`, each stamped `stampOf(field)`, into `current`: a record re-sent after a restore
 * carries a stamp per field (docs/sync-protocol.md "After a restore"); a push stamps them all alike.
 */
export function mergeStamped(current: StoredRecord | null, fields: Record<string, unknown>, stampOf: (field: string) => string, kind: 'editable' | 'appendOnly'): MergeResult {
  if (kind === 'appendOnly') {
    if (!current) return { ok: true, changed: true, record: { data: { ...fields }, fieldHlc: Object.fromEntries(Object.keys(fields).map((k) => [k, stampOf(k)])), deleted: false } }
    // A replay of the same record is harmless; anything else would rewrite history.
    return sameJson(current.data, { ...current.data, ...fields }) ? { ok: true, changed: false, record: current } : { ok: false, reason: 'appendOnlyChanged' }
  }
  const data = { ...(current?.data ?? {}) }
  const fieldHlc = { ...(current?.fieldHlc ?? {}) }
  let deleted = current?.deleted ?? false
  let changed = false
  for (const [field, value] of Object.entries(fields)) {
    const hlc = stampOf(field)
    const before = fieldHlc[field]
    // An equal stamp can only come from the same device (stamps end in the device id): two of its
    // writes clamped to the same instant. The one applied later is its later write, so it wins.
    if (before !== undefined && compareHlc(hlc, before) < 0) continue
    fieldHlc[field] = hlc
    changed = true
    if (field === DELETED_FIELD) deleted = value === true
    else data[field] = value
  }
  return { ok: true, changed, record: { data, fieldHlc, deleted } }
}

/**
 * A stamp more than `maxAheadMs` ahead of `now` is pulled back to that limit (`now + maxAheadMs`,
 * the highest counter, same node). Clamping is then monotonic: a device's later write, applied later,
 * never gets a lower stamp than its earlier one (ties go to the later write, see mergeFields), while
 * a tablet whose date is days ahead no longer wins every future edit.
 */
export function clampHlc(stamp: string, now: number, maxAheadMs: number): string {
  const parsed = parseHlc(stamp)
  const limit = now + maxAheadMs
  return parsed.wall > limit ? formatHlc({ wall: limit, counter: MAX_COUNTER, node: parsed.node }) : stamp
}
