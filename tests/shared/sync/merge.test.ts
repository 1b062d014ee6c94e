import { describe, expect, it } from 'vitest'
import { clampHlc, mergeFields, type StoredRecord } from '@shared/sync/merge'
import { formatHlc, MAX_COUNTER, parseHlc } from '@shared/sync/hlc'

const stamp = (wall: number, node = 'dev-a', counter = 0): string => formatHlc({ wall, counter, node })

function stored(data: Record<string, unknown>, at: string): StoredRecord {
  return { data, fieldHlc: Object.fromEntries(Object.keys(data).map((k) => [k, at])), deleted: false }
}

describe('mergeFields for editable records (per-field last writer wins)', () => {
  it('creates a record with every field stamped', () => {
    const r = mergeFields(null, { id: 'd1', name: '工程部' }, stamp(10), 'editable')
    expect(r).toEqual({ ok: true, changed: true, record: { data: { id: 'd1', name: '工程部' }, fieldHlc: { id: stamp(10), name: stamp(10) }, deleted: false } })
  })

  it.each([
    ['a newer stamp wins the field', stamp(20), '新名', true],
    ['an older stamp loses it', stamp(5), '工程部', false],
    ['a later counter at the same instant wins', stamp(10, 'dev-a', 1), '新名', true],
    ['another device at the same instant is ordered by node', stamp(10, 'dev-b'), '新名', true],
    ['the same stamp again (a device clamped twice) goes to the later write', stamp(10), '新名', true],
  ])('%s', (_what, hlc, expected, changed) => {
    const r = mergeFields(stored({ id: 'd1', name: '工程部' }, stamp(10)), { name: '新名' }, hlc, 'editable')
    expect(r.ok && r.record.data.name).toBe(expected)
    expect(r.ok && r.changed).toBe(changed)
  })

  it('keeps concurrent edits of different fields', () => {
    const base = stored({ id: 'd1', name: '工程部', active: true }, stamp(10))
    const a = mergeFields(base, { name: '工程一部' }, stamp(20, 'dev-a'), 'editable')
    const b = a.ok ? mergeFields(a.record, { active: false }, stamp(15, 'dev-b'), 'editable') : a
    expect(b.ok && b.record.data).toEqual({ id: 'd1', name: '工程一部', active: false })
  })

  it('writes a tombstone that a newer put can lift and an older cannot', () => {
    const base = stored({ id: 'd1', name: '工程部' }, stamp(10))
    const dead = mergeFields(base, { _deleted: true }, stamp(20), 'editable')
    expect(dead.ok && dead.record.deleted).toBe(true)
    const older = dead.ok ? mergeFields(dead.record, { _deleted: false }, stamp(15), 'editable') : dead
    expect(older.ok && older.record.deleted).toBe(true)
    const newer = dead.ok ? mergeFields(dead.record, { _deleted: false }, stamp(30), 'editable') : dead
    expect(newer.ok && newer.record.deleted).toBe(false)
  })
})

describe('mergeFields for append-only records', () => {
  it('writes once, accepts the same content again, and refuses any other content', () => {
    const first = mergeFields(null, { id: 'e1', content: '停水通知' }, stamp(10), 'appendOnly')
    expect(first.ok && first.changed).toBe(true)
    const record = first.ok ? first.record : null
    expect(mergeFields(record, { id: 'e1', content: '停水通知' }, stamp(20), 'appendOnly')).toEqual({ ok: true, changed: false, record })
    expect(mergeFields(record, { content: '改写历史' }, stamp(30), 'appendOnly')).toEqual({ ok: false, reason: 'appendOnlyChanged' })
  })
})

describe('clampHlc', () => {
  const now = 1_000_000
  const ahead = 5 * 60_000

  it('leaves a stamp within the limit alone', () => {
    expect(clampHlc(stamp(now + ahead, 'x', 3), now, ahead)).toBe(stamp(now + ahead, 'x', 3))
  })

  it('pulls a stamp beyond the limit back to it, with the highest counter and the same node', () => {
    expect(parseHlc(clampHlc(stamp(now + 48 * 3600_000, 'x', 3), now, ahead))).toEqual({ wall: now + ahead, counter: MAX_COUNTER, node: 'x' })
  })

  it("keeps a device's own order: clamped later writes never sort before its earlier ones", () => {
    const writes = [stamp(now + ahead - 1, 'x', 7), stamp(now + ahead, 'x', 0), stamp(now + 10 * ahead, 'x', 0), stamp(now + 20 * ahead, 'x', 1)]
    const clamped = writes.map((s, i) => clampHlc(s, now + i, ahead))
    expect([...clamped].sort()).toEqual(clamped)
  })
})
