/**
 * Adding or changing a staff member in the app (issue 3 point 2: staff accounts managed in the
 * app): what the form must hold. Pure; the repository hashes the PIN and writes.
 */
import { pinProblem } from '@shared/domain/pin'
import type { Role } from '@shared/domain/role'
import type { StaffCard } from '@shared/domain/staff'

export interface StaffEditInput {
  /** Null to add a new staff member. */
  id: string | null
  name: string
  role: Role
  departmentId: string | null
  active: boolean
  /** Empty keeps the current PIN (required for a new staff member). */
  pin: string
  pinAgain: string
}

export type StaffEditProblem = 'nameRequired' | 'nameTaken' | 'departmentMissing' | 'pinRequired' | 'pinMismatch' | `pin.${NonNullable<ReturnType<typeof pinProblem>>}` | 'lastManager'

export function staffEditProblems(input: StaffEditInput, others: readonly StaffCard[]): StaffEditProblem[] {
  const out: StaffEditProblem[] = []
  const name = input.name.trim()
  if (!name) out.push('nameRequired')
  else if (others.some((s) => s.id !== input.id && s.active && s.name.trim() === name)) out.push('nameTaken')
  if (input.role === 'department' && !input.departmentId) out.push('departmentMissing')
  if (input.id === null && !input.pin) out.push('pinRequired')
  if (input.pin) {
    const p = pinProblem(input.pin)
    if (p) out.push(`pin.${p}`)
    else if (input.pin !== input.pinAgain) out.push('pinMismatch')
  }
  // Someone must still be able to manage settings afterwards.
  const managers = others.filter((s) => s.id !== input.id && s.active && (s.role === 'administrator' || s.role === 'admin'))
  const stillManager = input.active && (input.role === 'administrator' || input.role === 'admin')
  if (!managers.length && !stillManager) out.push('lastManager')
  return out
}
