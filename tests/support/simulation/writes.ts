/**
 * What a clerk writes in the sync simulation: a new or edited department, shift type, staff member,
 * the site's settings or its name, picked by the seeded generator from what the tablet holds.
 */
import type { DeskbookDb } from '@client/db/database'
import type { RecordWrite } from '@client/db/write-records'
import { newId } from '@shared/domain/ids'
import type { Department } from '@shared/domain/department'
import type { ShiftType } from '@shared/domain/shift-type'
import type { Staff } from '@shared/domain/staff'
import type { Settings } from '@shared/domain/settings'
import type { PinVerifier } from '@shared/domain/pin'
import { MUTATIONS, recordIdOf, type MutationName } from '@shared/sync/registry'
import type { Rng } from './prng'

/** Staff made here never log in: a verifier of the right shape is enough (and PBKDF2 is slow). */
const PIN: PinVerifier = { algorithm: 'PBKDF2-SHA256', iterations: 210_000, salt: 'c2ltdWxhdGlvbnNhbHQ=', hash: 'c2ltdWxhdGlvbiBwaW4gdmVyaWZpZXIgbm90IHJlYWw=' }

const SETTINGS_RANGES: Record<Exclude<keyof Settings, 'siteId' | 'timezone'>, readonly [number, number]> = {
  supervisorEscalationHours: [1, 24 * 30],
  managerEscalationHours: [1, 24 * 90],
  complaintDeadlineHours: [1, 24 * 7],
  idleLockMinutes: [1, 120],
  handoverLeadMinutes: [0, 120],
  contactRetentionYears: [1, 30],
}

/** Which record a write is of (a batch writes each record once). */
export const recordOf = (w: RecordWrite): string => `${MUTATIONS[w.name].table} ${String(recordIdOf(MUTATIONS[w.name], w.row as Record<string, unknown>))}`

const hhmm = (rng: Rng): string => `${String(rng.int(0, 23)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`

export async function chooseWrite(rng: Rng, db: DeskbookDb, who: { siteId: string; adminId: string }, tag: string): Promise<RecordWrite> {
  const { siteId } = who
  const [departments, shiftTypes, staff] = await Promise.all([db.departments.toArray(), db.shiftTypes.toArray(), db.staff.toArray()])
  const kind = rng.weighted([
    ['newDepartment', 3],
    ['editDepartment', departments.length ? 6 : 0],
    ['newShiftType', 2],
    ['editShiftType', shiftTypes.length ? 4 : 0],
    ['newStaff', 2],
    ['editStaff', 4],
    ['settings', 2],
    ['site', 1],
  ] as const)
  const edit = <T extends object>(name: MutationName, row: T, fields: Partial<T>): RecordWrite => ({ name, row: { ...row, ...fields }, fields })
  switch (kind) {
    case 'newDepartment': {
      const row: Department = { id: newId(), siteId, name: `部门${tag}`, active: true }
      return { name: 'department.put', row }
    }
    case 'editDepartment': {
      const d = rng.pick(departments)
      const fields = rng.pick<Partial<Department>>([{ name: `部门${tag}` }, { active: !d.active }, { name: `部门${tag}`, active: !d.active }])
      return edit('department.put', d, fields)
    }
    case 'newShiftType': {
      const row: ShiftType = { id: newId(), siteId, code: `${rng.pick(['早', '中', '晚', 'A', 'B'])}${rng.int(0, 99)}`, name: `班次${tag}`, start: hhmm(rng), end: hhmm(rng), active: true }
      return { name: 'shiftType.put', row }
    }
    case 'editShiftType': {
      const s = rng.pick(shiftTypes)
      const all: Partial<ShiftType> = { code: `${rng.pick(['早', '中', '晚', 'A', 'B'])}${rng.int(0, 99)}`, name: `班次${tag}`, start: hhmm(rng), end: hhmm(rng), active: !s.active }
      const fields = Object.fromEntries(rng.some(Object.entries(all))) as Partial<ShiftType>
      return edit('shiftType.put', s, fields)
    }
    case 'newStaff': {
      const row: Staff = { id: newId(), siteId, name: `员工${tag}`, role: rng.pick(['assistant', 'supervisor', 'manager'] as const), departmentId: null, pin: PIN, active: true }
      return { name: 'staff.put', row }
    }
    case 'editStaff': {
      const s = rng.pick(staff)
      // The administrator who makes every change stays an active administrator; only their name changes.
      if (s.id === who.adminId) return edit('staff.put', s, { name: `王管理${tag}` })
      const all: Partial<Staff> = {
        name: `员工${tag}`,
        role: rng.pick(['assistant', 'supervisor', 'manager'] as const),
        active: !s.active,
        departmentId: departments.length && rng.chance(0.5) ? rng.pick(departments).id : null,
      }
      return edit('staff.put', s, Object.fromEntries(rng.some(Object.entries(all))) as Partial<Staff>)
    }
    case 'settings': {
      const settings = (await db.settings.get(siteId))!
      const [field, [min, max]] = rng.pick(Object.entries(SETTINGS_RANGES))
      return edit('settings.put', settings, { [field]: rng.int(min, max) })
    }
    case 'site': {
      const site = (await db.sites.get(siteId))!
      return edit('site.put', site, { name: `翠苑小区${tag}` })
    }
  }
}
