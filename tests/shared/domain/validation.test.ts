import { describe, expect, it } from 'vitest'
import { FormatRegistry, Type } from '@sinclair/typebox'
import { ValidationError, assertValid, isValid, problems } from '@shared/domain/validation'

FormatRegistry.Set('test-mobile', (value) => /^1\d{10}$/.test(value))

const Visitor = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 6 }),
  room: Type.String({ pattern: '^\\d+-\\d+-\\d+$' }),
  age: Type.Integer({ minimum: 0, maximum: 150 }),
  phone: Type.Optional(Type.String({ format: 'test-mobile' })),
  staff: Type.Array(Type.Object({ pin: Type.String({ minLength: 4 }) })),
})

const GOOD = { name: '李先生', room: '3-2-1201', age: 42, phone: '13800138000', staff: [{ pin: '2580' }] }

describe('problems', () => {
  it('finds none in a valid value', () => {
    expect(problems(Visitor, GOOD)).toEqual([])
  })

  it('finds none when an optional field is left out', () => {
    const { phone: _phone, ...noPhone } = GOOD
    expect(problems(Visitor, noPhone)).toEqual([])
  })

  it.each<{ name: string; change: Record<string, unknown>; path: string; code: string }>([
    { name: 'a missing field', change: { name: undefined }, path: '/name', code: 'required' },
    { name: 'an empty string under a minimum length', change: { name: '' }, path: '/name', code: 'required' },
    { name: 'a string under the minimum length', change: { name: '李' }, path: '/name', code: 'tooShort' },
    { name: 'a string over the maximum length', change: { name: '欧阳欧阳欧阳欧' }, path: '/name', code: 'tooLong' },
    { name: 'a string not matching the pattern', change: { room: '3栋1201' }, path: '/room', code: 'pattern' },
    { name: 'a string not in the format', change: { phone: '12345' }, path: '/phone', code: 'format' },
    { name: 'a number under the minimum', change: { age: -1 }, path: '/age', code: 'range' },
    { name: 'a number over the maximum', change: { age: 151 }, path: '/age', code: 'range' },
    { name: 'a non-integer inside the range', change: { age: 1.5 }, path: '/age', code: 'type' },
    { name: 'a non-integer outside the range', change: { age: -0.5 }, path: '/age', code: 'range' },
    { name: 'NaN', change: { age: Number.NaN }, path: '/age', code: 'type' },
    { name: 'a string where a number belongs', change: { age: '42' }, path: '/age', code: 'type' },
    { name: 'a number where a string belongs', change: { name: 42 }, path: '/name', code: 'type' },
    { name: 'null where a string belongs', change: { room: null }, path: '/room', code: 'type' },
    { name: 'an object where an array belongs', change: { staff: {} }, path: '/staff', code: 'type' },
    { name: 'a nested field, by its JSON pointer', change: { staff: [{ pin: '2580' }, { pin: '25' }] }, path: '/staff/1/pin', code: 'tooShort' },
    { name: 'a nested missing field', change: { staff: [{}] }, path: '/staff/0/pin', code: 'required' },
  ])('codes $name as $code at $path', ({ change, path, code }) => {
    const found = problems(Visitor, { ...GOOD, ...change })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ path, code })
    expect(found[0]!.message).not.toBe('')
  })

  it('gives one problem per field, the first found', () => {
    // A missing string is both "required" and "not a string"; a short lower-case room breaks two rules.
    const found = problems(Visitor, { ...GOOD, name: undefined, room: 'x' })
    expect(found.map((p) => [p.path, p.code])).toEqual([
      ['/name', 'required'],
      ['/room', 'pattern'],
    ])
  })

  it('reports every field that is wrong', () => {
    const found = problems(Visitor, { name: '李', room: '', age: 200, staff: [] })
    expect(found.map((p) => `${p.path} ${p.code}`)).toEqual(['/name tooShort', '/room pattern', '/age range'])
  })

  it.each([null, 'text', 42, []])('codes a non-object %j as a type problem at the root', (value) => {
    expect(problems(Visitor, value)).toEqual([expect.objectContaining({ path: '', code: 'type' })])
  })
})

describe('isValid', () => {
  it.each([
    { name: 'a valid value', value: GOOD, valid: true },
    { name: 'an extra field (objects are open)', value: { ...GOOD, note: '备注' }, valid: true },
    { name: 'a field too short', value: { ...GOOD, name: '李' }, valid: false },
    { name: 'a field missing', value: { ...GOOD, age: undefined }, valid: false },
    { name: 'null', value: null, valid: false },
  ])('$name: $valid', ({ value, valid }) => {
    expect(isValid(Visitor, value)).toBe(valid)
  })
})

describe('assertValid', () => {
  it('returns a valid value as it is', () => {
    const value: unknown = { ...GOOD }
    expect(assertValid(Visitor, value)).toBe(value)
  })

  it('throws a ValidationError carrying every problem', () => {
    const bad = { ...GOOD, name: '', age: 151 }
    let thrown: unknown
    try {
      assertValid(Visitor, bad)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(ValidationError)
    expect(thrown).toBeInstanceOf(Error)
    const error = thrown as ValidationError
    expect(error.name).toBe('ValidationError')
    expect(error.problems).toEqual(problems(Visitor, bad))
    expect(error.problems.map((p) => [p.path, p.code])).toEqual([
      ['/name', 'required'],
      ['/age', 'range'],
    ])
    expect(error.message).toContain('/name: ')
    expect(error.message).toContain('; /age: ')
  })

  it('names the root as "/" in the message', () => {
    expect(() => assertValid(Visitor, null)).toThrow(/^\/: /)
  })
})

describe('ValidationError', () => {
  it('joins the problems into its message', () => {
    const error = new ValidationError([
      { path: '/a', code: 'required', message: 'Expected required property' },
      { path: '', code: 'type', message: 'Expected object' },
    ])
    expect(error.message).toBe('/a: Expected required property; /: Expected object')
    expect(error.problems).toHaveLength(2)
  })
})
