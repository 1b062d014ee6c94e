/**
 * A tablet or PC. Each device of a site has a letter that goes into reference numbers,
 * so numbers made offline on two tablets never collide (SPEC §1: date + device letter + sequence).
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import type { Role } from './role'

/** A desk tablet, or a department's own (篇2 4.2.4: it never holds the desk's duty log). */
export const DEVICE_KINDS = ['desk', 'department'] as const
export type DeviceKind = (typeof DEVICE_KINDS)[number]

export const DeviceSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** A–Z, then AA… for sites with many devices. */
  letter: Type.String({ pattern: '^[A-Z]{1,2}$' }),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  createdAt: InstantSchema,
  /** Absent on records written before department tablets were told apart: a desk tablet. */
  kind: Type.Optional(Type.Union(DEVICE_KINDS.map((k) => Type.Literal(k)))),
  /** The department a department tablet belongs to (issue 10 point 12). */
  departmentId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
})
export type Device = Static<typeof DeviceSchema>

/**
 * May this staff member work on this tablet? A department's own tablet (enrolled with a code naming
 * the department) is for that department's members only; any other tablet for every active member.
 * The tablet offers only them at login; the server refuses the others' mutations from it.
 */
export function mayUseDevice(device: Pick<Device, 'kind' | 'departmentId'>, staff: { role: Role; departmentId: string | null }): boolean {
  if (device.kind !== 'department' || !device.departmentId) return true
  return staff.role === 'department' && staff.departmentId === device.departmentId
}

/** The n-th device letter (0 → A, 25 → Z, 26 → AA). */
export function deviceLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 26 * 27) throw new RangeError(`device index ${index}`)
  const A = 'A'.charCodeAt(0)
  if (index < 26) return String.fromCharCode(A + index)
  const rest = index - 26
  return String.fromCharCode(A + Math.floor(rest / 26)) + String.fromCharCode(A + (rest % 26))
}
