import { describe, expect, it } from 'vitest'
import { REFERENCE_PATTERN, formatReference, parseReference } from '@client/db/register/reference'
import { ReceptionSchema } from '@shared/domain/reception'

describe('formatReference', () => {
  it.each<{ date: string; letter: string; seq: number; ref: string }>([
    { date: '2026-11-27', letter: 'A', seq: 1, ref: '20261127-A001' },
    { date: '2026-11-27', letter: 'A', seq: 7, ref: '20261127-A007' },
    { date: '2026-11-27', letter: 'B', seq: 42, ref: '20261127-B042' },
    { date: '2026-11-27', letter: 'C', seq: 999, ref: '20261127-C999' },
    { date: '2026-11-27', letter: 'C', seq: 1000, ref: '20261127-C1000' },
    { date: '2026-11-27', letter: 'Z', seq: 99_999, ref: '20261127-Z99999' },
    { date: '2027-01-01', letter: 'AA', seq: 1, ref: '20270101-AA001' },
    { date: '2026-12-31', letter: 'ZZ', seq: 12_345, ref: '20261231-ZZ12345' },
  ])('$date $letter $seq → $ref', ({ date, letter, seq, ref }) => {
    expect(formatReference(date, letter, seq)).toBe(ref)
    // Every number it makes is one the register's schema accepts.
    expect(new RegExp(ReceptionSchema.properties.ref.pattern!).test(ref)).toBe(true)
  })

  it.each<{ name: string; date: string; letter: string; seq: number }>([
    { name: 'sequence 0', date: '2026-11-27', letter: 'A', seq: 0 },
    { name: 'a negative sequence', date: '2026-11-27', letter: 'A', seq: -1 },
    { name: 'sequence 100000', date: '2026-11-27', letter: 'A', seq: 100_000 },
    { name: 'a fractional sequence', date: '2026-11-27', letter: 'A', seq: 1.5 },
    { name: 'NaN', date: '2026-11-27', letter: 'A', seq: Number.NaN },
    { name: 'a lower-case letter', date: '2026-11-27', letter: 'a', seq: 1 },
    { name: 'three letters', date: '2026-11-27', letter: 'ABC', seq: 1 },
    { name: 'no letter', date: '2026-11-27', letter: '', seq: 1 },
    { name: 'a digit as letter', date: '2026-11-27', letter: '1', seq: 1 },
    { name: 'a compact date', date: '20261127', letter: 'A', seq: 1 },
    { name: 'a slashed date', date: '2026/11/27', letter: 'A', seq: 1 },
    { name: 'an empty date', date: '', letter: 'A', seq: 1 },
  ])('refuses $name with a RangeError', ({ date, letter, seq }) => {
    expect(() => formatReference(date, letter, seq)).toThrow(RangeError)
  })
})

describe('parseReference', () => {
  it.each<{ ref: string; parsed: ReturnType<typeof parseReference> }>([
    { ref: '20261127-A001', parsed: { date: '2026-11-27', letter: 'A', seq: 1 } },
    { ref: '20261127-B042', parsed: { date: '2026-11-27', letter: 'B', seq: 42 } },
    { ref: '20261127-A1000', parsed: { date: '2026-11-27', letter: 'A', seq: 1000 } },
    { ref: '20270101-AA99999', parsed: { date: '2027-01-01', letter: 'AA', seq: 99_999 } },
    { ref: '20261127-a007', parsed: { date: '2026-11-27', letter: 'A', seq: 7 } },
    { ref: '20261127-ab012', parsed: { date: '2026-11-27', letter: 'AB', seq: 12 } },
    { ref: '  20261127-A001 ', parsed: { date: '2026-11-27', letter: 'A', seq: 1 } },
    { ref: '20261127-A01', parsed: null },
    { ref: '20261127-A123456', parsed: null },
    { ref: '20261127-ABC001', parsed: null },
    { ref: '2026-11-27-A001', parsed: null },
    { ref: '20261127A001', parsed: null },
    { ref: '3-2-1101', parsed: null },
    { ref: '13812345678', parsed: null },
    { ref: '', parsed: null },
  ])('$ref → $parsed', ({ ref, parsed }) => {
    expect(parseReference(ref)).toEqual(parsed)
  })

  it.each<[string, string, number]>([
    ['2026-11-27', 'A', 1],
    ['2026-02-28', 'B', 99],
    ['2028-02-29', 'C', 100],
    ['2026-12-31', 'AZ', 12_345],
    ['2027-01-01', 'Z', 99_999],
  ])('round trip %s %s %i', (date, letter, seq) => {
    const ref = formatReference(date, letter, seq)
    expect(parseReference(ref)).toEqual({ date, letter, seq })
    expect(parseReference(ref.toLowerCase())).toEqual({ date, letter, seq })
    expect(REFERENCE_PATTERN.test(ref)).toBe(true)
  })
})
