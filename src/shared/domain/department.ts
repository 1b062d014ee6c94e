/** A responsible department (责任部门, 篇4 3.4) that items are handed to. */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema } from './ids'

/** The longest department name the forms, the schema and the printed forms allow. */
export const DEPARTMENT_NAME_MAX = 30

export const DepartmentSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  name: Type.String({ minLength: 1, maxLength: DEPARTMENT_NAME_MAX }),
  /** False once deactivated: no longer offered for new work, still named on old records and prints. */
  active: Type.Boolean(),
})
export type Department = Static<typeof DepartmentSchema>

/** Offered at first run; every site edits the list. 工程 engineering, 秩序 security, 环境 cleaning, 财务 finance. */
export const SUGGESTED_DEPARTMENTS = ['工程部', '秩序部', '环境部', '财务部'] as const

/**
 * Records that point at a department by `departmentId`: a department any of them names is never
 * deleted (deactivated instead), so old requests, staff and prints keep its name.
 */
export const DEPARTMENT_REFERENCES: readonly { table: string; field: 'departmentId' }[] = [
  { table: 'staff', field: 'departmentId' },
  { table: 'receptionEvents', field: 'departmentId' },
  // A department's own tablet (its device record, written by the server at enrolment).
  { table: 'devices', field: 'departmentId' },
]

/** Names that appear twice (ignoring surrounding spaces), so a form can say which. */
export function duplicateNames(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const raw of names) {
    const name = raw.trim()
    if (seen.has(name)) dup.add(name)
    seen.add(name)
  }
  return [...dup]
}

/** A department as the settings editor holds it; `id` null for a new one. */
export interface DepartmentEditInput {
  id: string | null
  name: string
  active: boolean
}

/** i18n keys under `departments.problems.`. */
export type DepartmentProblem = 'nameRequired' | 'nameTooLong' | 'nameTaken'

/**
 * What the department editor must hold, on the tablet and on the server alike: a name of at most
 * {@link DEPARTMENT_NAME_MAX} characters that no other active department of the site has (an
 * inactive one may share it — the new 工程部 after the old was closed — while it stays inactive).
 * `others` are the site's departments; the edited one among them is skipped by id.
 */
export function departmentProblems(input: DepartmentEditInput, others: readonly Pick<Department, 'id' | 'name' | 'active'>[]): DepartmentProblem[] {
  const name = input.name.trim()
  if (!name) return ['nameRequired']
  if (name.length > DEPARTMENT_NAME_MAX) return ['nameTooLong']
  if (input.active && others.some((d) => d.id !== input.id && d.active && d.name.trim() === name)) return ['nameTaken']
  return []
}

/**
 * The departments a picker offers for new work: the active ones, and `keep` (the one a record being
 * edited already names) even when it was deactivated since, so editing does not silently drop it.
 */
export function offeredDepartments<D extends Pick<Department, 'id' | 'active'>>(departments: readonly D[], keep: string | null = null): D[] {
  return departments.filter((d) => d.active || d.id === keep)
}
