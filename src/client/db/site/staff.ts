/** Adding and changing staff on the tablet; synced like every record (staff.put). */
import { newId } from '@shared/domain/ids'
import { hashPin } from '@shared/domain/pin'
import { staffCard, type Staff } from '@shared/domain/staff'
import { staffEditProblems, type StaffEditInput, type StaffEditProblem } from '@client/db/site/staff-edit'
import type { DeskbookDb } from '../database'
import { RecordInvalidError } from '../errors'
import { changedFields, writeRecords, type Actor } from '../write-records'

/** Refused with RecordInvalidError<StaffEditProblem>. */
export async function saveStaff(db: DeskbookDb, actor: Actor, input: StaffEditInput, now = Date.now()): Promise<Staff> {
  const all = await db.staff.where('siteId').equals(actor.siteId).toArray()
  const found = staffEditProblems(input, all.map(staffCard))
  if (found.length) throw new RecordInvalidError<StaffEditProblem>(found)
  const before = input.id ? all.find((s) => s.id === input.id) : undefined
  if (input.id && !before) throw new RecordInvalidError<StaffEditProblem>(['nameRequired'])
  // Hash before the transaction (IndexedDB transactions end while waiting on anything else).
  const pin = input.pin ? await hashPin(input.pin) : before!.pin
  const next: Staff = {
    id: before?.id ?? newId(),
    siteId: actor.siteId,
    name: input.name.trim(),
    role: input.role,
    departmentId: input.role === 'department' ? input.departmentId : null,
    pin,
    active: input.active,
  }
  const fields = changedFields(before, next)
  if (fields && !Object.keys(fields).length) return next
  await writeRecords(db, actor, [{ name: 'staff.put', row: next, fields }], now)
  return next
}
