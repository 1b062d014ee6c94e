/**
 * Staff PINs on a shared tablet. Only a salted slow hash is ever stored:
 * PBKDF2-HMAC-SHA-256 through Web Crypto, which the browser and Node both provide.
 */
import { Type, type Static } from '@sinclair/typebox'

/** ≥ 100,000 asked for; a tablet computes this in well under a second. Stored with each verifier so it can rise. */
export const PIN_ITERATIONS = 210_000
export const PIN_MIN_LENGTH = 4
export const PIN_MAX_LENGTH = 8

export const PinVerifierSchema = Type.Object({
  algorithm: Type.Literal('PBKDF2-SHA256'),
  iterations: Type.Integer({ minimum: 100_000, maximum: 10_000_000 }),
  salt: Type.String({ minLength: 16, maxLength: 64 }),
  hash: Type.String({ minLength: 32, maxLength: 128 }),
})
export type PinVerifier = Static<typeof PinVerifierSchema>

export type PinProblem = 'notDigits' | 'tooShort' | 'tooLong' | 'tooSimple'

/** Why a PIN may not be used, or null. Repeated digits and straight runs are refused. */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d*$/.test(pin)) return 'notDigits'
  if (pin.length < PIN_MIN_LENGTH) return 'tooShort'
  if (pin.length > PIN_MAX_LENGTH) return 'tooLong'
  const digits = [...pin].map(Number)
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]!))
  if (steps.size === 1 && [...steps].every((s) => s === 0 || s === 1 || s === -1)) return 'tooSimple'
  return null
}

function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256)
  return new Uint8Array(bits)
}

/** A new verifier for `pin` with a fresh random salt. */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinVerifier> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16))
  const hash = await derive(pin, salt, iterations)
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(hash) }
}

/** Does `pin` match `verifier`? Compares every byte, whatever the first difference. */
export async function verifyPin(pin: string, verifier: PinVerifier): Promise<boolean> {
  const expected = fromBase64(verifier.hash)
  const actual = await derive(pin, fromBase64(verifier.salt), verifier.iterations)
  let diff = expected.length ^ actual.length
  for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ (actual[i] ?? 0)
  return diff === 0
}
