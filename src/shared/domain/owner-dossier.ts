/**
 * Everything a site holds about one owner (issue 14 point 4; PIPL 个人信息保护法 Art. 44–45: the owner may
 * see and copy it): their archive entries and rooms, their requests with the requests' timelines and the
 * signatures on them, the items they borrowed with the returns, and the paid services in their name.
 * Pure: the server reads the site's records and this decides what belongs to the owner.
 *
 * An owner is identified by a phone (compared as digits, +86 dropped) and/or a name with a room: a name
 * alone is too weak (two owners share 王伟), a room alone names every resident of it. The owner's archive
 * entries found that way widen the identification by their own phones and name with room, so a request
 * typed with only the number of a found owner is theirs too. Everything else is matched on its own fields
 * — a request by its original and its corrected contact details, or its link to a found archive entry — so
 * another resident of the same room, or a similar name, is never taken in unless it matches.
 */
import type { Customer, Room } from './archive'
import { normaliseRoomQuery } from './archive'
import { normalisePhone } from './archive-edit'
import type { Loan, LoanReturn, PaidService } from './desk-services'
import type { Reception } from './reception'
import type { ReceptionEvent } from './reception-event'
import { correctedReception, sortEvents } from './reception-status'
import type { Signature } from './signature'

/** Digits of a phone as compared, as the archive stores them: a mobile written with +86 or 0086 is the number itself. */
const samePhoneKey = normalisePhone

/** Who the request is about, as the administrator typed it; '' for what was not given. */
export interface OwnerIdentity {
  phone: string
  name: string
  room: string
}

export type IdentityProblem = 'identityRequired' | 'phoneInvalid' | 'roomRequired' | 'nameRequired'

/** What must be typed to identify an owner, as problem codes (the console says them in words). */
export function identityProblems(id: OwnerIdentity): IdentityProblem[] {
  const out: IdentityProblem[] = []
  const phone = id.phone.trim()
  const name = id.name.trim()
  const room = id.room.trim()
  if (phone && samePhoneKey(phone).length < 5) out.push('phoneInvalid')
  if (name && !room) out.push('roomRequired')
  if (room && !name && !phone) out.push('nameRequired')
  if (!phone && !name && !room) out.push('identityRequired')
  return out
}

/** A site's records of the tables an owner's data is kept in. */
export interface DossierSource {
  customers: readonly Customer[]
  rooms: readonly Room[]
  receptions: readonly Reception[]
  receptionEvents: readonly ReceptionEvent[]
  signatures: readonly Signature[]
  loans: readonly Loan[]
  loanReturns: readonly LoanReturn[]
  paidServices: readonly PaidService[]
}

/** A request as held: the record as registered, with its corrections applied, and its timeline in order. */
export interface DossierRequest {
  reception: Reception
  current: Reception
  events: ReceptionEvent[]
}

export interface OwnerDossier {
  customers: Customer[]
  rooms: Room[]
  requests: DossierRequest[]
  signatures: Signature[]
  loans: Loan[]
  loanReturns: LoanReturn[]
  paidServices: PaidService[]
}

const nameKey = (name: string): string => name.replace(/\s+/g, '')
const roomKey = (room: string): string => normaliseRoomQuery(room).toUpperCase()
/** A person as name with room; null when either is missing (a name alone names no one for sure). */
function personKey(name: string, room: string): string | null {
  const n = nameKey(name)
  const r = roomKey(room)
  return n && r ? `${n}|${r}` : null
}

class Identification {
  readonly phones = new Set<string>()
  readonly persons = new Set<string>()

  addPhone(phone: string): void {
    const key = samePhoneKey(phone)
    if (key.length >= 5) this.phones.add(key)
  }

  addPerson(name: string, room: string): void {
    const key = personKey(name, room)
    if (key) this.persons.add(key)
  }

  hasPhone(phone: string): boolean {
    return this.phones.has(samePhoneKey(phone))
  }

  hasPerson(name: string, room: string): boolean {
    const key = personKey(name, room)
    return key !== null && this.persons.has(key)
  }
}

const byTime = <T>(at: (x: T) => number) => (a: T, b: T): number => at(a) - at(b)

/**
 * The records of `source` that belong to the owner `identity` names (check it with identityProblems
 * first: an empty identity finds nothing). Requests come with every event of their timeline, in order.
 */
export function ownerDossier(source: DossierSource, identity: OwnerIdentity): OwnerDossier {
  const who = new Identification()
  if (identity.phone.trim()) who.addPhone(identity.phone)
  who.addPerson(identity.name, identity.room)

  const rooms = new Map(source.rooms.map((r) => [r.id, r]))
  const labelOf = (roomId: string | null): string => (roomId ? (rooms.get(roomId)?.label ?? '') : '')
  const customers = source.customers.filter((c) => c.phones.some((p) => who.hasPhone(p)) || who.hasPerson(c.name, labelOf(c.roomId)))
  for (const c of customers) {
    for (const p of c.phones) who.addPhone(p)
    who.addPerson(c.name, labelOf(c.roomId))
  }
  const customerIds = new Set(customers.map((c) => c.id))

  const eventsOf = new Map<string, ReceptionEvent[]>()
  for (const e of source.receptionEvents) eventsOf.set(e.receptionId, [...(eventsOf.get(e.receptionId) ?? []), e])
  const requests: DossierRequest[] = []
  for (const reception of source.receptions) {
    const events = sortEvents(eventsOf.get(reception.id) ?? [])
    const current = correctedReception(reception, events)
    // As registered and as corrected: the record holds both.
    const mine =
      (reception.customerId !== null && customerIds.has(reception.customerId)) ||
      [reception, current].some((r) => (r.phone.trim() !== '' && who.hasPhone(r.phone)) || who.hasPerson(r.customerName, r.room.trim() || labelOf(r.roomId)))
    if (mine) requests.push({ reception, current, events })
  }
  requests.sort(byTime((r) => r.current.receivedAt))
  const requestIds = new Set(requests.map((r) => r.reception.id))

  const loans = source.loans.filter((l) => (l.phone.trim() !== '' && who.hasPhone(l.phone)) || who.hasPerson(l.borrower, l.room)).sort(byTime((l) => l.lentAt))
  const loanIds = new Set(loans.map((l) => l.id))

  return {
    customers,
    // The rooms of their archive entries, and those their requests were registered against.
    rooms: [...new Set([...customers.map((c) => c.roomId), ...requests.flatMap((r) => r.reception.roomId ?? [])])].flatMap((id) => rooms.get(id) ?? []),
    requests,
    signatures: source.signatures.filter((s) => s.subjectType === 'reception' && requestIds.has(s.subjectId)).sort(byTime((s) => s.signedAt)),
    loans,
    loanReturns: source.loanReturns.filter((r) => loanIds.has(r.loanId)).sort(byTime((r) => r.returnedAt)),
    paidServices: source.paidServices.filter((p) => who.hasPerson(p.customerName, p.room)).sort(byTime((p) => p.at)),
  }
}

/** How many records of each kind a dossier holds (the console shows these before an export). */
export function dossierCounts(d: OwnerDossier): Record<keyof OwnerDossier, number> {
  return { customers: d.customers.length, rooms: d.rooms.length, requests: d.requests.length, signatures: d.signatures.length, loans: d.loans.length, loanReturns: d.loanReturns.length, paidServices: d.paidServices.length }
}
