/**
 * Departments on the server (issue 10 point 11): the settings editor's rules hold here too — a name,
 * not too long, not the name of another active department of the site — checked on the merged record;
 * and a department that records point at (staff, requests handed to it) is never deleted, only
 * deactivated, so old requests and their prints keep its name.
 */
import { DEPARTMENT_REFERENCES, departmentProblems, type Department } from '@shared/domain/department'
import { isUuidV7 } from '@shared/domain/ids'
import { anyRecordNaming, siteRecords } from '../repositories/records'
import type { Rule } from './rule'

const departmentRule: Rule = async (trx, siteId, _m, data) => {
  const d = data as unknown as Department
  const found = departmentProblems(d, (await siteRecords(trx, siteId, 'departments')) as unknown as Department[])
  return found.length ? `invalid: ${found.join(', ')}` : null
}

/** A tombstone of a department: refused while anything names it (staff, a hand-over, a department tablet). */
const departmentDeletionRule: Rule = async (trx, siteId, m) => {
  if (!isUuidV7(m.recordId)) return null
  for (const ref of DEPARTMENT_REFERENCES) {
    if (await anyRecordNaming(trx, siteId, ref.table, ref.field, m.recordId)) return `inUse: ${ref.table} name this department; deactivate it instead`
  }
  return null
}

export const DEPARTMENT_RULES: Record<string, Rule> = { 'department.put': departmentRule }
export const DEPARTMENT_DELETION_RULES: Record<string, Rule> = { 'department.put': departmentDeletionRule }
