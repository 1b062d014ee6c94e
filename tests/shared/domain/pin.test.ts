import { describe, expect, it } from 'vitest'
import { PIN_ITERATIONS, PinVerifierSchema, hashPin, pinProblem, verifyPin, type PinProblem } from '@shared/domain/pin'
import { isValid } from '@shared/domain/validation'

describe('pinProblem', () => {
  it.each<{ pin: string; problem: PinProblem | null }>([
    { pin: '', problem: 'tooShort' },
    { pin: '1', problem: 'tooShort' },
    { pin: '258', problem: 'tooShort' },
    { pin: '258013579', problem: 'tooLong' },
    { pin: '12a4', problem: 'notDigits' },
    { pin: 'abcd', problem: 'notDigits' },
    { pin: '25 80', problem: 'notDigits' },
    { pin: '2580 ', problem: 'notDigits' },
    { pin: '-258', problem: 'notDigits' },
    { pin: '２５８０', problem: 'notDigits' },
    { pin: '1a', problem: 'notDigits' },
    { pin: '1111', problem: 'tooSimple' },
    { pin: '0000', problem: 'tooSimple' },
    { pin: '99999999', problem: 'tooSimple' },
    { pin: '1234', problem: 'tooSimple' },
    { pin: '0123', problem: 'tooSimple' },
    { pin: '12345678', problem: 'tooSimple' },
    { pin: '4321', problem: 'tooSimple' },
    { pin: '9876', problem: 'tooSimple' },
    { pin: '2580', problem: null },
    { pin: '1357', problem: null },
    { pin: '13579', problem: null },
    { pin: '1112', problem: null },
    { pin: '1212', problem: null },
    { pin: '9012', problem: null },
    { pin: '80245', problem: null },
    { pin: '25801357', problem: null },
  ])('$pin → $problem', ({ pin, problem }) => {
    expect(pinProblem(pin)).toBe(problem)
  })
})

describe('hashPin and verifyPin', () => {
  it('makes a verifier with the default iterations that accepts the right PIN and refuses a wrong one', async () => {
    const verifier = await hashPin('2580')
    expect(verifier.algorithm).toBe('PBKDF2-SHA256')
    expect(verifier.iterations).toBe(PIN_ITERATIONS)
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000)
    expect(isValid(PinVerifierSchema, verifier)).toBe(true)
    expect(verifier.hash).not.toContain('2580')
    expect(await verifyPin('2580', verifier)).toBe(true)
    expect(await verifyPin('2581', verifier)).toBe(false)
  })

  it('salts each hash, so two verifiers of the same PIN differ but both accept it', async () => {
    const a = await hashPin('1357', 100_000)
    const b = await hashPin('1357', 100_000)
    expect(a.iterations).toBe(100_000)
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
    expect(await verifyPin('1357', b)).toBe(true)
  })

  it('refuses the right PIN against a tampered hash or salt', async () => {
    const verifier = await hashPin('13579', 100_000)
    const other = await hashPin('13579', 100_000)
    expect(await verifyPin('13579', { ...verifier, salt: other.salt })).toBe(false)
    expect(await verifyPin('13579', { ...verifier, hash: other.hash })).toBe(false)
  })
})
