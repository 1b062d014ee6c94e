/**
 * The customer archive 客户档案 (篇5 7): rooms, their customers and renovations. Saved through
 * writeRecords (an edit sends only the fields that changed); searched through the Dexie indexes of
 * schema v4 by room label, name and phone, so the register form finds a person as it is typed.
 */
import { newId } from '@shared/domain/ids'
import { normaliseRoomQuery, RELATIONS, roomLabel, type Customer, type Renovation, type Room } from '@shared/domain/archive'
import {
  customerProblems,
  normaliseDate,
  normalisePhone,
  parsePhones,
  renovationProblems,
  roomProblems,
  type CustomerInput,
  type RenovationInput,
  type RoomInput,
} from '@shared/domain/archive-edit'
import type { DeskbookDb } from '../database'
import { RecordInvalidError } from '../errors'
import type { ReceptionIndexRow } from '../register/index-row'
import { changedFields, writeRecords, type Actor } from '../write-records'

/** A form refused (RecordInvalidError), its problems as i18n keys (`archive.problems.…`). */
const refuse = (codes: readonly string[]): RecordInvalidError<string> => new RecordInvalidError(codes.map((c) => `archive.problems.${c}`))

/** Write `next` (all of it when new, else only what differs from `before`); returns `next`. */
async function put<T extends { id: string }>(db: DeskbookDb, actor: Actor, name: 'room.put' | 'customer.put' | 'renovation.put', before: T | undefined, next: T, now: number): Promise<T> {
  const fields = changedFields(before, next)
  if (fields && !Object.keys(fields).length) return next
  await writeRecords(db, actor, [{ name, row: next, fields }], now)
  return next
}

export async function saveRoom(db: DeskbookDb, actor: Actor, input: RoomInput, now = Date.now()): Promise<Room> {
  const before = input.id ? await db.rooms.get(input.id) : undefined
  if (input.id && !before) throw refuse(['unknownRoom'])
  const label = roomLabel(input.building, input.unit, input.number)
  const sameLabel = await db.rooms.where('label').equals(label).filter((r) => r.siteId === actor.siteId).toArray()
  const found = roomProblems(input, sameLabel)
  if (found.length) throw refuse(found)
  const next: Room = { id: before?.id ?? newId(), siteId: actor.siteId, building: input.building.trim(), unit: input.unit.trim(), number: input.number.trim(), label, note: input.note.trim(), active: input.active }
  return put(db, actor, 'room.put', before, next, now)
}

export async function saveCustomer(db: DeskbookDb, actor: Actor, input: CustomerInput, now = Date.now()): Promise<Customer> {
  const found: string[] = customerProblems(input)
  const room = input.roomId ? await db.rooms.get(input.roomId) : undefined
  if (input.roomId && (!room || room.siteId !== actor.siteId)) found.push('roomRequired')
  const before = input.id ? await db.customers.get(input.id) : undefined
  if (input.id && !before) found.push('unknownCustomer')
  if (found.length) throw refuse(found)
  const next: Customer = {
    id: before?.id ?? newId(),
    siteId: actor.siteId,
    roomId: room!.id,
    name: input.name.trim(),
    honorific: input.honorific,
    relation: input.relation,
    phones: parsePhones(input.phones).phones,
    moveInDate: normaliseDate(input.moveInDate) || null,
    note: input.note.trim(),
    active: input.active,
  }
  return put(db, actor, 'customer.put', before, next, now)
}

export async function saveRenovation(db: DeskbookDb, actor: Actor, input: RenovationInput, now = Date.now()): Promise<Renovation> {
  const found: string[] = renovationProblems(input)
  const room = input.roomId ? await db.rooms.get(input.roomId) : undefined
  if (input.roomId && (!room || room.siteId !== actor.siteId)) found.push('roomRequired')
  const before = input.id ? await db.renovations.get(input.id) : undefined
  if (input.id && !before) found.push('unknownRenovation')
  if (found.length) throw refuse(found)
  const next: Renovation = {
    id: before?.id ?? newId(),
    siteId: actor.siteId,
    roomId: room!.id,
    registeredOn: normaliseDate(input.registeredOn)!,
    startDate: normaliseDate(input.startDate) || null,
    endDate: normaliseDate(input.endDate) || null,
    contractor: input.contractor.trim(),
    contractorPhone: normalisePhone(input.contractorPhone),
    note: input.note.trim(),
    createdAt: before?.createdAt ?? now,
  }
  return put(db, actor, 'renovation.put', before, next, now)
}

/** A room and one of its customers (null for a room without any). */
export interface ArchiveHit {
  room: Room
  customer: Customer | null
}

const relationRank = (c: Customer | null): number => (c ? RELATIONS.indexOf(c.relation) : RELATIONS.length)
const natural = (a: string, b: string): number => a.localeCompare(b, 'zh-CN', { numeric: true })

/** Active first; then exact matches (the whole name, label or number typed); then owners, tenants, family; then by room and name. */
function byRelevance(exact: (h: ArchiveHit) => boolean): (a: ArchiveHit, b: ArchiveHit) => number {
  const active = (h: ArchiveHit): number => Number(h.room.active && (h.customer?.active ?? true))
  return (a, b) =>
    active(b) - active(a) ||
    Number(exact(b)) - Number(exact(a)) ||
    relationRank(a.customer) - relationRank(b.customer) ||
    natural(a.room.label, b.room.label) ||
    natural(a.customer?.name ?? '', b.customer?.name ?? '')
}

/** A phone query: at least 4 digits and nothing but digits, spaces, dashes, brackets and +. */
function phoneQuery(text: string): string | null {
  if (!/^[\d\s\-+()()]+$/.test(text)) return null
  const digits = normalisePhone(text)
  return digits.length >= 4 ? digits : null
}

/**
 * Find rooms and customers as the desk types: a room label prefix (`3-2-1101`, `3栋2单元1101`), a
 * room number alone (`1101`: that room in every building),
 * the start of a name, or at least four digits of any of a customer's phones. Active records first,
 * owners before tenants before family.
 */
export async function searchArchive(db: DeskbookDb, siteId: string, text: string, limit = 10): Promise<ArchiveHit[]> {
  const t = text.trim()
  if (!t || limit <= 0) return []
  const ofSite = <R extends { siteId: string }>(r: R): boolean => r.siteId === siteId
  const wide = limit * 3
  const roomText = normaliseRoomQuery(t).replace(/[室号]$/, '')
  // A room number alone (1101, 602A) as the desk often hears it: that room in every building and unit.
  const roomNumber = /^\d{2,6}[A-Za-z]?$/.test(roomText) ? roomText.toUpperCase() : null
  const digits = phoneQuery(t)
  const [byLabel, byNumber, byName, byPhone] = await Promise.all([
    roomText ? db.rooms.where('label').startsWithIgnoreCase(roomText).filter(ofSite).limit(limit).toArray() : Promise.resolve([]),
    roomNumber ? db.rooms.where('number').equalsIgnoreCase(roomNumber).filter(ofSite).limit(wide).toArray() : Promise.resolve([]),
    db.customers.where('name').startsWithIgnoreCase(t).filter(ofSite).limit(wide).toArray(),
    digits ? db.customers.where('phones').startsWith(digits).distinct().filter(ofSite).limit(wide).toArray() : Promise.resolve([]),
  ])
  const rooms = [...new Map([...byLabel, ...byNumber].map((r) => [r.id, r])).values()]
  const ofRooms = rooms.length ? await db.customers.where('roomId').anyOf(rooms.map((r) => r.id)).toArray() : []
  const customers = new Map([...ofRooms, ...byName, ...byPhone].map((c) => [c.id, c]))
  const roomById = new Map(rooms.map((r) => [r.id, r]))
  const missing = [...new Set([...customers.values()].map((c) => c.roomId))].filter((id) => !roomById.has(id))
  for (const r of await db.rooms.bulkGet(missing)) if (r) roomById.set(r.id, r)
  const hits: ArchiveHit[] = []
  for (const c of customers.values()) {
    const room = roomById.get(c.roomId)
    if (room) hits.push({ room, customer: c })
  }
  for (const r of rooms) if (!ofRooms.some((c) => c.roomId === r.id)) hits.push({ room: r, customer: null })
  const exact = (h: ArchiveHit): boolean =>
    h.room.label.toUpperCase() === roomText.toUpperCase() || (!!roomNumber && h.room.number.toUpperCase() === roomNumber) || h.customer?.name.toUpperCase() === t.toUpperCase() || (!!digits && !!h.customer?.phones.includes(digits))
  return hits.sort(byRelevance(exact)).slice(0, limit)
}

export interface RoomHistory {
  room: Room
  /** Current customers first (owners, tenants, family), then former ones. */
  customers: Customer[]
  /** Newest first. */
  renovations: Renovation[]
  /** Every register request tied to the room, newest first (also those typed with its label before it was in the archive). */
  receptions: ReceptionIndexRow[]
}

export async function roomHistory(db: DeskbookDb, roomId: string): Promise<RoomHistory | null> {
  const room = await db.rooms.get(roomId)
  if (!room) return null
  const [customers, renovations, linked, typed] = await Promise.all([
    db.customers.where('roomId').equals(roomId).toArray(),
    db.renovations.where('roomId').equals(roomId).toArray(),
    db.receptionIndex.where('roomId').equals(roomId).toArray(),
    db.receptionIndex.where('room').equals(room.label).filter((r) => r.siteId === room.siteId && !r.roomId).toArray(),
  ])
  return {
    room,
    customers: customers.sort((a, b) => Number(b.active) - Number(a.active) || relationRank(a) - relationRank(b) || natural(a.name, b.name)),
    renovations: renovations.sort((a, b) => b.registeredOn.localeCompare(a.registeredOn) || b.createdAt - a.createdAt),
    receptions: [...linked, ...typed].sort((a, b) => b.receivedAt - a.receivedAt),
  }
}

/** Buildings of the site, in natural order (2 before 10). */
export async function listBuildings(db: DeskbookDb, siteId: string): Promise<string[]> {
  const keys = (await db.rooms.orderBy('building').uniqueKeys()) as string[]
  const ofSite = await Promise.all(keys.map(async (b) => ((await db.rooms.where('building').equals(b).filter((r) => r.siteId === siteId).first()) ? b : null)))
  return ofSite.filter((b): b is string => b !== null).sort(natural)
}

export interface RoomCard {
  room: Room
  /** Current customers, owners first. */
  customers: Customer[]
}

/** Rooms of one building with their current customers, in natural order; at most `limit`. */
export async function listRooms(db: DeskbookDb, siteId: string, building: string, limit = 500): Promise<RoomCard[]> {
  const rooms = (await db.rooms.where('building').equals(building).filter((r) => r.siteId === siteId).toArray()).sort((a, b) => natural(a.label, b.label)).slice(0, limit)
  const customers = rooms.length ? await db.customers.where('roomId').anyOf(rooms.map((r) => r.id)).filter((c) => c.active).toArray() : []
  const byRoom = new Map<string, Customer[]>()
  for (const c of customers.sort((a, b) => relationRank(a) - relationRank(b) || natural(a.name, b.name))) byRoom.set(c.roomId, [...(byRoom.get(c.roomId) ?? []), c])
  return rooms.map((room) => ({ room, customers: byRoom.get(room.id) ?? [] }))
}

/** How many rooms and customers the site's archive holds. */
export async function archiveCounts(db: DeskbookDb, siteId: string): Promise<{ rooms: number; customers: number }> {
  const [rooms, customers] = await Promise.all([db.rooms.where('siteId').equals(siteId).count(), db.customers.where('siteId').equals(siteId).count()])
  return { rooms, customers }
}
