/**
 * A tablet or PC. Each device of a site has a letter that goes into reference numbers,
 * so numbers made offline on two tablets never collide (SPEC §1: date + device letter + sequence).
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'

export const DeviceSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** A–Z, then AA… for sites with many devices. */
  letter: Type.String({ pattern: '^[A-Z]{1,2}$' }),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  createdAt: InstantSchema,
})
export type Device = Static<typeof DeviceSchema>

/** The n-th device letter (0 → A, 25 → Z, 26 → AA). */
export function deviceLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 26 * 27) throw new RangeError(`device index ${index}`)
  const A = 'A'.charCodeAt(0)
  if (index < 26) return String.fromCharCode(A + index)
  const rest = index - 26
  return String.fromCharCode(A + Math.floor(rest / 26)) + String.fromCharCode(A + (rest % 26))
}
