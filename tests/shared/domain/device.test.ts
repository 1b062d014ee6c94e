import { describe, expect, it } from 'vitest'
import { DeviceSchema, deviceLetter } from '@shared/domain/device'
import { newId } from '@shared/domain/ids'
import { isValid } from '@shared/domain/validation'

describe('deviceLetter', () => {
  it.each([
    { index: 0, letter: 'A' },
    { index: 1, letter: 'B' },
    { index: 25, letter: 'Z' },
    { index: 26, letter: 'AA' },
    { index: 27, letter: 'AB' },
    { index: 51, letter: 'AZ' },
    { index: 52, letter: 'BA' },
    { index: 26 * 27 - 1, letter: 'ZZ' },
  ])('device $index is $letter', ({ index, letter }) => {
    expect(deviceLetter(index)).toBe(letter)
  })

  it.each([-1, 26 * 27, 1000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses index %s with a RangeError', (index) => {
    expect(() => deviceLetter(index)).toThrow(RangeError)
  })

  it('gives every device of a full site a different letter the schema accepts', () => {
    const letters = Array.from({ length: 26 * 27 }, (_, i) => deviceLetter(i))
    expect(new Set(letters).size).toBe(letters.length)
    const device = { id: newId(), siteId: newId(), name: '前台平板', createdAt: Date.UTC(2024, 4, 10) }
    for (const letter of letters) expect(isValid(DeviceSchema, { ...device, letter }), letter).toBe(true)
  })
})
