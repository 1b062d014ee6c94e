import { describe, expect, it } from 'vitest'
import { DeviceSchema, deviceLetter, mayUseDevice } from '@shared/domain/device'
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

describe('mayUseDevice', () => {
  const engineering = newId()
  const security = newId()
  it.each<{ name: string; device: Parameters<typeof mayUseDevice>[0]; staff: Parameters<typeof mayUseDevice>[1]; may: boolean }>([
    { name: 'a desk tablet: an assistant', device: { kind: 'desk', departmentId: null }, staff: { role: 'assistant', departmentId: null }, may: true },
    { name: 'a desk tablet: a department member', device: { kind: 'desk', departmentId: null }, staff: { role: 'department', departmentId: engineering }, may: true },
    { name: 'a tablet from before kinds: anyone', device: {}, staff: { role: 'administrator', departmentId: null }, may: true },
    { name: '工程部’s tablet: its member', device: { kind: 'department', departmentId: engineering }, staff: { role: 'department', departmentId: engineering }, may: true },
    { name: '工程部’s tablet: 秩序部’s member', device: { kind: 'department', departmentId: engineering }, staff: { role: 'department', departmentId: security }, may: false },
    { name: '工程部’s tablet: the administrator', device: { kind: 'department', departmentId: engineering }, staff: { role: 'administrator', departmentId: null }, may: false },
    { name: '工程部’s tablet: a manager with a stray department', device: { kind: 'department', departmentId: engineering }, staff: { role: 'manager', departmentId: engineering }, may: false },
    { name: 'a department tablet enrolled without a department: anyone, as before', device: { kind: 'department', departmentId: null }, staff: { role: 'assistant', departmentId: null }, may: true },
  ])('$name: $may', ({ device, staff, may }) => {
    expect(mayUseDevice(device, staff)).toBe(may)
  })
})
