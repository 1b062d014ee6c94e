/**
 * Two owners of one room, with similar names (王建国 and his brother 王建华), and a stranger, each with
 * what a site keeps about them (issue 14 point 4): archive entries, requests (one found only by its
 * correction, one only by name and room typed another way), their timelines and signatures, loans with
 * returns and paid services. Built as the tablets write them, so the server test pushes them as they are.
 */
import { newId } from '@shared/domain/ids'
import type { Customer, Room } from '@shared/domain/archive'
import type { DossierSource } from '@shared/domain/owner-dossier'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { HOUR } from '@shared/domain/time'
import { TINY_PNG } from './duty-seed'

export type OwnerRecords = Omit<DossierSource, 'rooms'>

export interface OwnerPair {
  rooms: Room[]
  /** 王建国, the owner whose request it is. */
  owner: OwnerRecords
  /** 王建华, his brother in the same room: nothing of his may be in the owner's dossier. */
  brother: OwnerRecords
  /** 李娜 of another building, sharing nothing. */
  stranger: OwnerRecords
}

export const OWNER = { name: '王建国', phone: '13812345678', room: '3-2-1101' }
export const BROTHER = { name: '王建华', phone: '13987654321', room: '3-2-1101' }

export function ownerPair(siteId: string, staffId: string, at = Date.UTC(2026, 10, 20, 2)): OwnerPair {
  let n = 0
  const room = (building: string, unit: string, number: string): Room => ({ id: newId(), siteId, building, unit, number, label: `${building}-${unit}-${number}`, note: '', active: true })
  const shared = room('3', '2', '1101')
  const other = room('5', '1', '201')
  const customer = (r: Room, name: string, phones: string[], overrides: Partial<Customer> = {}): Customer => ({
    id: newId(), siteId, roomId: r.id, name, honorific: 'mr', relation: 'owner', phones, moveInDate: '2019-06-01', note: '', active: true, ...overrides,
  })
  const reception = (overrides: Partial<Reception>): Reception => {
    n++
    return {
      id: newId(), siteId, ref: `20261120-A${String(n).padStart(3, '0')}`, receivedAt: at + n * HOUR, channel: 'visit', receiverId: staffId, relayedBy: '', room: '3-2-1101', roomId: null,
      customerId: null, customerName: '', honorific: 'mr', phone: '', matter: `第${n}件事`, category: 'repair', urgency: 'normal', createdAt: at + n * HOUR, ...overrides,
    }
  }
  const event = (r: Reception, type: ReceptionEvent['type'], overrides: Partial<ReceptionEvent> = {}): ReceptionEvent => ({
    id: newId(), siteId, receptionId: r.id, type, at: r.receivedAt + HOUR, staffId, note: type === 'result' ? '已修好' : '', departmentId: null, assignee: '', satisfaction: null, level: null,
    correction: null, signatureId: null, createdAt: r.receivedAt + HOUR, ...overrides,
  })
  const signature = (r: Reception, signerName: string) => ({ id: newId(), siteId, subjectType: 'reception', subjectId: r.id, signerName, signerStaffId: null, image: TINY_PNG, signedAt: r.receivedAt + 30 * 60_000 })
  const loan = (borrower: string, phone: string, roomText: string) => ({ id: newId(), siteId, item: '雨伞', quantity: 1, borrower, room: roomText, phone, lentAt: at + 10 * HOUR, staffId, note: '' })
  const paid = (customerName: string, roomText: string, receiptNo: string) => ({ id: newId(), siteId, at: at + 11 * HOUR, service: '复印', room: roomText, customerName, amountFen: 1250, receiptNo, staffId })

  // 王建国: linked to his archive entry, typed with spaces; by name and room only; a wrong number corrected to
  // his; by the landline of his archive entry alone.
  const owner = customer(shared, OWNER.name, [OWNER.phone, '057188776655'])
  const linked = reception({ customerId: owner.id, customerName: OWNER.name, phone: '138 1234 5678', roomId: shared.id })
  const byName = reception({ customerName: OWNER.name, room: '3栋2单元1101', category: 'complaint' })
  const corrected = reception({ customerName: '王先生', phone: '13800000000', room: '', category: 'enquiry' })
  const landline = reception({ customerName: '', room: '', phone: '0571-8877 6655', category: 'suggestion' })
  const ownerLoan = loan(OWNER.name, '+86 138 1234 5678', '3-2-1101')
  // 王建华: the same room, a similar name, his own phone.
  const brother = customer(shared, BROTHER.name, [BROTHER.phone], { relation: 'family' })
  const brothers = reception({ customerId: brother.id, customerName: BROTHER.name, phone: BROTHER.phone, roomId: shared.id })
  const brotherByName = reception({ customerName: BROTHER.name, phone: '' })
  const brotherLoan = loan(BROTHER.name, BROTHER.phone, '3-2-1101')
  // 李娜 of 5-1-201.
  const stranger = customer(other, '李娜', ['13700001111'], { honorific: 'ms' })
  const hers = reception({ customerName: '李娜', honorific: 'ms', phone: '13700001111', room: '5-1-201' })
  const herLoan = loan('李娜', '13700001111', '5-1-201')

  return {
    rooms: [shared, other],
    owner: {
      customers: [owner],
      receptions: [linked, byName, corrected, landline],
      // Closed: the repair with its result and return visit, the suggestion with its result; the other two still open.
      receptionEvents: [
        event(linked, 'result'),
        event(linked, 'returnVisit', { at: linked.receivedAt + 2 * HOUR, satisfaction: 'satisfied' }),
        event(byName, 'answered', { note: '已答复' }),
        event(corrected, 'correction', { correction: { phone: OWNER.phone, customerName: OWNER.name } }),
        event(landline, 'result', { note: '已转达物业' }),
      ],
      signatures: [signature(linked, OWNER.name)],
      loans: [ownerLoan],
      loanReturns: [{ id: newId(), siteId, loanId: ownerLoan.id, returnedAt: at + 12 * HOUR, staffId, note: '' }],
      paidServices: [paid(OWNER.name, '3-2-1101', 'A000101')],
    },
    brother: {
      customers: [brother],
      receptions: [brothers, brotherByName],
      receptionEvents: [event(brothers, 'result')],
      signatures: [signature(brothers, BROTHER.name)],
      loans: [brotherLoan],
      loanReturns: [{ id: newId(), siteId, loanId: brotherLoan.id, returnedAt: at + 12 * HOUR, staffId, note: '' }],
      paidServices: [paid(BROTHER.name, '3-2-1101', 'A000102')],
    },
    stranger: {
      customers: [stranger],
      receptions: [hers],
      receptionEvents: [event(hers, 'followUp', { note: '已联系' })],
      signatures: [signature(hers, '李娜')],
      loans: [herLoan],
      loanReturns: [],
      paidServices: [paid('李娜', '5-1-201', 'A000103')],
    },
  }
}

/** Every record of the pair as one site's source. */
export function pairSource(p: OwnerPair): DossierSource {
  const all = [p.owner, p.brother, p.stranger]
  const merged = (k: keyof OwnerRecords) => all.flatMap((o) => o[k] as unknown[])
  return {
    rooms: p.rooms,
    customers: merged('customers'),
    receptions: merged('receptions'),
    receptionEvents: merged('receptionEvents'),
    signatures: merged('signatures'),
    loans: merged('loans'),
    loanReturns: merged('loanReturns'),
    paidServices: merged('paidServices'),
  } as DossierSource
}

/** Each table's mutation, as the tablet names it. */
const MUTATION_OF: Record<keyof OwnerRecords | 'rooms', string> = {
  rooms: 'room.put',
  customers: 'customer.put',
  receptions: 'reception.create',
  receptionEvents: 'receptionEvent.add',
  signatures: 'signature.add',
  loans: 'loan.add',
  loanReturns: 'loanReturn.add',
  paidServices: 'paidService.add',
}

/** Every record of the pair with the mutation a tablet pushes it by, rooms first (the archive's entries name them). */
export function pairWrites(p: OwnerPair): { name: string; table: string; record: { id: string } }[] {
  const people = [p.owner, p.brother, p.stranger]
  return (Object.keys(MUTATION_OF) as (keyof typeof MUTATION_OF)[]).flatMap((table) =>
    (table === 'rooms' ? p.rooms : people.flatMap((o) => o[table] as readonly { id: string }[])).map((record) => ({ name: MUTATION_OF[table], table, record })),
  )
}
