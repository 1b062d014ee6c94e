/** Changing a shift type after setup: its fewest people at the desk (issue 13 point 1, the roster's staffing check). */
import { can, type Role } from '@shared/domain/role'
import type { DeskbookDb } from '../database'
import { RecordInvalidError } from '../errors'
import { writeRecords, type Actor } from '../write-records'

export type ShiftTypeProblem = 'notAllowed' | 'unknownShift'

/** Only `minStaff` travels, so another tablet's edit of the shift's other fields stands. */
export async function saveShiftMinStaff(db: DeskbookDb, actor: Actor, role: Role, shiftTypeId: string, minStaff: number, now = Date.now()): Promise<void> {
  if (!can(role, 'settings.manage')) throw new RecordInvalidError<ShiftTypeProblem>(['notAllowed'])
  const shift = await db.shiftTypes.get(shiftTypeId)
  if (!shift || shift.siteId !== actor.siteId) throw new RecordInvalidError<ShiftTypeProblem>(['unknownShift'])
  if (shift.minStaff === minStaff) return
  await writeRecords(db, actor, [{ name: 'shiftType.put', row: { ...shift, minStaff }, fields: { minStaff } }], now)
}
