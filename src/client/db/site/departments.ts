/**
 * Adding, renaming, deactivating and reactivating the site's departments in settings (issue 10
 * point 11); synced like every settings record (`department.put`), checked again on the server with the
 * same rules. A department is never deleted here: records keep pointing at it.
 */
import { newId } from '@shared/domain/ids'
import { can, type Role } from '@shared/domain/role'
import { departmentProblems, type Department, type DepartmentEditInput, type DepartmentProblem } from '@shared/domain/department'
import type { DeskbookDb } from '../database'
import { RecordInvalidError } from '../errors'
import { changedFields, writeRecords, type Actor } from '../write-records'

/** Why a department save was refused (RecordInvalidError), shown as `departments.problems.<code>`. */
export type DepartmentSaveProblem = DepartmentProblem | 'notAllowed'

/** Save one department: refused without 'settings.manage' or with a problem (nothing written). */
export async function saveDepartment(db: DeskbookDb, actor: Actor, role: Role, input: DepartmentEditInput, now = Date.now()): Promise<Department> {
  if (!can(role, 'settings.manage')) throw new RecordInvalidError<DepartmentSaveProblem>(['notAllowed'])
  const all = await db.departments.where('siteId').equals(actor.siteId).toArray()
  const found = departmentProblems(input, all)
  if (found.length) throw new RecordInvalidError<DepartmentSaveProblem>(found)
  const before = input.id ? all.find((d) => d.id === input.id) : undefined
  const next: Department = { id: before?.id ?? newId(), siteId: actor.siteId, name: input.name.trim(), active: input.active }
  const fields = changedFields(before, next)
  if (fields && !Object.keys(fields).length) return next
  await writeRecords(db, actor, [{ name: 'department.put', row: next, fields }], now)
  return next
}
