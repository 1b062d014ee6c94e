/** A staff member of a site: who may log in on its tablets, and in which role. */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema } from './ids'
import { RoleSchema } from './role'
import { PinVerifierSchema } from './pin'

export const StaffSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  name: Type.String({ minLength: 1, maxLength: 20 }),
  role: RoleSchema,
  /** Set for the department role: which department's items they see (篇4 3.4). */
  departmentId: Type.Union([IdSchema, Type.Null()]),
  pin: PinVerifierSchema,
  active: Type.Boolean(),
})
export type Staff = Static<typeof StaffSchema>

/** What may be shown of a staff member anywhere: never the PIN verifier. */
export type StaffCard = Omit<Staff, 'pin'>

export function staffCard(staff: Staff): StaffCard {
  const { pin: _pin, ...card } = staff
  return card
}

export type StaffSetProblem = 'noManagerOfSettings' | 'duplicateName' | 'departmentMissing'

/** Rules over a site's whole staff list: someone must be able to manage settings; names unique; department staff name a department. */
export function staffSetProblems(staff: readonly Pick<Staff, 'name' | 'role' | 'departmentId' | 'active'>[]): StaffSetProblem[] {
  const active = staff.filter((s) => s.active)
  const out: StaffSetProblem[] = []
  if (!active.some((s) => s.role === 'administrator' || s.role === 'admin')) out.push('noManagerOfSettings')
  const names = active.map((s) => s.name.trim())
  if (new Set(names).size !== names.length) out.push('duplicateName')
  if (active.some((s) => s.role === 'department' && !s.departmentId)) out.push('departmentMissing')
  return out
}
