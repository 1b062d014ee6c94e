/**
 * Laying an import plan (import-rows.ts) over the archive the tablet already holds: rooms already
 * there are matched by label, never duplicated; a customer already living in the room (same name)
 * gets the sheet's new phones and fills blanks, nothing of theirs is overwritten. Pure.
 */
import type { Customer, Room } from '@shared/domain/archive'
import { MAX_PHONES } from '@shared/domain/archive-edit'
import type { ImportPlan, ImportProblem } from './import-rows'
import { newId } from '@shared/domain/ids'

export interface CustomerChange {
  next: Customer
  /** Only the fields that change (per-field last-writer-wins, issue 3). */
  fields: Partial<Customer>
}

export interface ArchiveMatch {
  newRooms: Room[]
  newCustomers: Customer[]
  changedCustomers: CustomerChange[]
  matchedRooms: number
  unchangedCustomers: number
  problems: ImportProblem[]
}

/** What importing `plan` into the site's `rooms` and `customers` writes. */
export function matchArchive(plan: ImportPlan, siteId: string, rooms: readonly Room[], customers: readonly Customer[], makeId: () => string = newId): ArchiveMatch {
  const byLabel = new Map(rooms.map((r) => [r.label, r]))
  const byRoom = new Map<string, Customer[]>()
  for (const c of customers) if (c.active) byRoom.set(c.roomId, [...(byRoom.get(c.roomId) ?? []), c])
  const out: ArchiveMatch = { newRooms: [], newCustomers: [], changedCustomers: [], matchedRooms: 0, unchangedCustomers: 0, problems: [] }
  const phoneColumn = plan.columns.phones ?? { column: '', header: '' }
  for (const planned of plan.rooms) {
    let room = byLabel.get(planned.label)
    if (room) out.matchedRooms++
    else {
      room = { id: makeId(), siteId, building: planned.building, unit: planned.unit, number: planned.number, label: planned.label, note: planned.note, active: true }
      out.newRooms.push(room)
    }
    const living = byRoom.get(room.id) ?? []
    for (const pc of planned.customers) {
      const known = living.find((c) => c.name === pc.name)
      if (!known) {
        out.newCustomers.push({ id: makeId(), siteId, roomId: room.id, name: pc.name, honorific: pc.honorific, relation: pc.relation, phones: pc.phones, moveInDate: pc.moveInDate, note: pc.note, active: true })
        continue
      }
      const phones = [...new Set([...known.phones, ...pc.phones])]
      if (phones.length > MAX_PHONES) {
        out.problems.push({ row: pc.rows[0]!, ...phoneColumn, code: 'tooManyPhones', value: phones.join('/') })
        continue
      }
      const fields: Partial<Customer> = {}
      if (phones.length !== known.phones.length) fields.phones = phones
      if (!known.moveInDate && pc.moveInDate) fields.moveInDate = pc.moveInDate
      if (known.honorific === 'none' && pc.honorific !== 'none') fields.honorific = pc.honorific
      if (!known.note && pc.note) fields.note = pc.note
      if (Object.keys(fields).length) out.changedCustomers.push({ next: { ...known, ...fields }, fields })
      else out.unchangedCustomers++
    }
  }
  return out
}
