/**
 * Adding, renaming, deactivating and reactivating the site's departments in settings (issue 10
 * point 11); synced like every settings record (`department.put`), checked again on the server with the
 * same rules. A department is never deleted here: records keep pointing at it.
 */
import { newId } from '@shared/domain/ids'
import { can, type Role } from '@shared/domain/role'
import { departmentProblems, DepartmentSchema, type Department, type DepartmentEditInput, type DepartmentProblem } from '@shared/domain/department'
import { assertValid } from '@shared/domain/validation'
import type { DeskbookDb } from '../database'
import { changedFields, writeRecords, type Actor } from '../write-records'

export class DepartmentInvalidError extends Error {
  override readonly name = 'DepartmentInvalidError'
  constructor(readonly problems: (DepartmentProblem | 'notAllowed')[]) {
    super(problems.join(', '))
  }
}

/** Save one department: refused without 'settings.manage' or with a problem (nothing written). */
export async function saveDepartment(db: DeskbookDb, actor: Actor, role: Role, input: DepartmentEditInput, now = Date.now()): Promise<Department> {
  if (!can(role, 'settings.manage')) throw new DepartmentInvalidError(['notAllowed'])
  const all = await db.departments.where('siteId').equals(actor.siteId).toArray()
  const found = departmentProblems(input, all)
  if (found.length) throw new DepartmentInvalidError(found)
  const before = input.id ? all.find((d) => d.id === input.id) : undefined
  const next = assertValid(DepartmentSchema, { id: before?.id ?? newId(), siteId: actor.siteId, name: input.name.trim(), active: input.active })
  const fields = changedFields(before, next)
  if (fields && !Object.keys(fields).length) return next
  await writeRecords(db, actor, [{ table: 'departments', row: next, key: next.id, name: 'department.put', fields }], now)
  return next
}
