import { describe, expect, it } from 'vitest'
import { IdSchema, InstantSchema, isUuidV7, newId } from '@shared/domain/ids'
import { isValid } from '@shared/domain/validation'

const V7 = '0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b'
const V4 = '9b2f6c1e-3d4a-4b5c-9d6e-7f8a9b0c1d2e'

describe('newId', () => {
  it('makes a UUIDv7 the schema accepts', () => {
    const id = newId()
    expect(isUuidV7(id)).toBe(true)
    expect(isValid(IdSchema, id)).toBe(true)
  })

  it('makes ids that sort in the order they were made, and never repeats', () => {
    const ids = Array.from({ length: 2000 }, () => newId())
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('isUuidV7', () => {
  it.each([
    { value: V7, v7: true },
    { value: V4, v7: false },
    { value: '00000000-0000-0000-0000-000000000000', v7: false },
    { value: '0190a1b2c3d47e5f8a6b1c2d3e4f5a6b', v7: false },
    { value: '0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6', v7: false },
    { value: 'not-an-id', v7: false },
    { value: '', v7: false },
  ])('$value: $v7', ({ value, v7 }) => {
    expect(isUuidV7(value)).toBe(v7)
  })
})

describe('IdSchema', () => {
  it.each([
    { name: 'a v7', value: V7, valid: true },
    { name: 'a v4', value: V4, valid: false },
    { name: 'a v7 in capitals', value: V7.toUpperCase(), valid: false },
    { name: 'a v7 with a bad variant', value: '0190a1b2-c3d4-7e5f-ca6b-1c2d3e4f5a6b', valid: false },
    { name: 'a v7 with a trailing character', value: `${V7}0`, valid: false },
    { name: 'a v7 in braces', value: `{${V7}}`, valid: false },
    { name: 'an empty string', value: '', valid: false },
    { name: 'a number', value: 7, valid: false },
  ])('$name: $valid', ({ value, valid }) => {
    expect(isValid(IdSchema, value)).toBe(valid)
  })
})

describe('InstantSchema', () => {
  it.each([
    { value: 0, valid: true },
    { value: Date.UTC(2024, 4, 10), valid: true },
    { value: -1, valid: false },
    { value: 1.5, valid: false },
    { value: '1715299200000', valid: false },
  ])('$value: $valid', ({ value, valid }) => {
    expect(isValid(InstantSchema, value)).toBe(valid)
  })
})
