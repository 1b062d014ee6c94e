/**
 * A site with a roster to paint (issue 13): two clerks, the administrator, the supervisor and the manager,
 * a day and a night shift, written into a fresh tablet database; and the actors and signatures to act as them.
 */
import { newId } from '@shared/domain/ids'
import type { Role } from '@shared/domain/role'
import type { DeskbookDb } from '@client/db/database'
import type { SignatureInput } from '@client/db/roster/roster-writes'
import { dayAndNight } from './duty'
import { TINY_PNG } from './duty-seed'
import { makeStaff } from './site'

export interface RosterSite {
  siteId: string
  deviceId: string
  day: string
  night: string
  staff: Record<'clerk' | 'colleague' | 'administrator' | 'supervisor' | 'manager', { id: string; role: Role; name: string }>
  actor: (who: keyof RosterSite['staff']) => { siteId: string; deviceId: string; staffId: string }
  sign: (who: keyof RosterSite['staff'], at: number) => SignatureInput
}

export async function seedRosterSite(db: DeskbookDb): Promise<RosterSite> {
  const siteId = newId()
  const deviceId = newId()
  const { day, night, shifts } = dayAndNight(siteId)
  const people = {
    clerk: makeStaff({ siteId, name: '李娜', role: 'assistant' }),
    colleague: makeStaff({ siteId, name: '张敏', role: 'assistant' }),
    administrator: makeStaff({ siteId, name: '王管理', role: 'administrator' }),
    supervisor: makeStaff({ siteId, name: '赵主管', role: 'supervisor' }),
    manager: makeStaff({ siteId, name: '刘经理', role: 'manager' }),
  }
  await db.shiftTypes.bulkPut(shifts)
  await db.staff.bulkPut(Object.values(people))
  const staff = Object.fromEntries(Object.entries(people).map(([k, s]) => [k, { id: s.id, role: s.role, name: s.name }])) as RosterSite['staff']
  return {
    siteId,
    deviceId,
    day: day.id,
    night: night.id,
    staff,
    actor: (who) => ({ siteId, deviceId, staffId: staff[who].id }),
    sign: (who, at) => ({ image: TINY_PNG, name: staff[who].name, signedAt: at }),
  }
}
