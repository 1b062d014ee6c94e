/**
 * The customer archive's form rules on the server too (篇5 7; issue 4 point 5): a room's parts and its
 * label agree, a customer's phones are phone numbers, a renovation's dates are dates in order. Checked
 * on the merged record, as the tablet's forms check them. A room label already used on the site is NOT
 * refused here: two tablets offline may both add 3-2-1101, and refusing one would lose its customers
 * (they name its id); the tablet warns, and the office merges the two later.
 */
import { roomLabel, type Customer, type Renovation, type Room } from '@shared/domain/archive'
import { customerProblems, renovationProblems, roomProblems } from '@shared/domain/archive-edit'
import type { Rule } from './rule'

const invalid = (problems: readonly string[]): string | null => (problems.length ? `invalid: ${problems.join(', ')}` : null)

const roomRule: Rule = async (_trx, _siteId, _m, data) => {
  const r = data as unknown as Room
  const problems: string[] = roomProblems({ id: r.id, building: r.building, unit: r.unit, number: r.number, note: r.note, active: r.active }, [])
  if (!problems.length && roomLabel(r.building, r.unit, r.number) !== r.label) problems.push('labelMismatch')
  return invalid(problems)
}

const customerRule: Rule = async (_trx, _siteId, _m, data) => {
  const c = data as unknown as Customer
  return invalid(customerProblems({ id: c.id, roomId: c.roomId, name: c.name, honorific: c.honorific, relation: c.relation, phones: c.phones, moveInDate: c.moveInDate ?? '', note: c.note, active: c.active }))
}

const renovationRule: Rule = async (_trx, _siteId, _m, data) => {
  const r = data as unknown as Renovation
  return invalid(
    renovationProblems({ id: r.id, roomId: r.roomId, registeredOn: r.registeredOn, startDate: r.startDate ?? '', endDate: r.endDate ?? '', contractor: r.contractor, contractorPhone: r.contractorPhone, note: r.note }),
  )
}

export const ARCHIVE_RULES: Record<string, Rule> = {
  'room.put': roomRule,
  'customer.put': customerRule,
  'renovation.put': renovationRule,
}
