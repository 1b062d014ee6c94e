/**
 * Everything held about one owner (issue 14 point 4): found by phone however typed, by name with room, by
 * a request's correction and by the owner's own archive entry; never the other resident of the same room,
 * a similar name, or a stranger; what must be typed to identify someone.
 */
import { describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { dossierCounts, identityProblems, ownerDossier, type OwnerDossier, type OwnerIdentity } from '@shared/domain/owner-dossier'
import { BROTHER, OWNER, ownerPair, pairSource, type OwnerRecords } from '../../factories/owners'

const pair = ownerPair(newId(), newId())
const source = pairSource(pair)
const id = (overrides: Partial<OwnerIdentity>): OwnerIdentity => ({ phone: '', name: '', room: '', ...overrides })

/** The ids a dossier holds, per table, to compare with a person's records. */
function idsOf(d: OwnerDossier): Record<keyof OwnerRecords, string[]> {
  return {
    customers: d.customers.map((c) => c.id),
    receptions: d.requests.map((r) => r.reception.id),
    receptionEvents: d.requests.flatMap((r) => r.events.map((e) => e.id)),
    signatures: d.signatures.map((s) => s.id),
    loans: d.loans.map((l) => l.id),
    loanReturns: d.loanReturns.map((r) => r.id),
    paidServices: d.paidServices.map((p) => p.id),
  }
}
const sorted = (o: Record<string, string[]>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [...v].sort()]))
const expected = (who: OwnerRecords) => sorted(Object.fromEntries(Object.entries(who).map(([k, v]) => [k, (v as readonly { id: string }[]).map((x) => x.id)])))

describe('ownerDossier', () => {
  it.each<[string, OwnerIdentity]>([
    ['by phone', id({ phone: OWNER.phone })],
    ['by phone typed with +86 and spaces', id({ phone: '+86 138-1234-5678' })],
    ['by name and room', id({ name: OWNER.name, room: OWNER.room })],
    ['by name and room typed the long way', id({ name: ' 王建国 ', room: '3栋2单元1101室' })],
    ['by all three', id({ phone: OWNER.phone, name: OWNER.name, room: OWNER.room })],
  ])('finds every record of the owner and nothing of his brother in the same room or the stranger: %s', (_, identity) => {
    expect(sorted(idsOf(ownerDossier(source, identity)))).toEqual(expected(pair.owner))
  })

  it('finds the brother’s alone by his phone', () => {
    expect(sorted(idsOf(ownerDossier(source, id({ phone: BROTHER.phone }))))).toEqual(expected(pair.brother))
  })

  it('applies the corrections: the request registered with a wrong number is shown as corrected, its timeline in order', () => {
    const d = ownerDossier(source, id({ phone: OWNER.phone }))
    const corrected = d.requests.find((r) => r.reception.phone === '13800000000')!
    expect(corrected.current).toMatchObject({ phone: OWNER.phone, customerName: OWNER.name })
    expect(corrected.events.map((e) => e.type)).toEqual(['correction'])
    expect(d.requests.map((r) => r.current.receivedAt)).toEqual([...d.requests.map((r) => r.current.receivedAt)].sort((a, b) => a - b))
  })

  it('gives the owner’s room once, and counts each kind', () => {
    const d = ownerDossier(source, id({ name: OWNER.name, room: OWNER.room }))
    expect(d.rooms.map((r) => r.label)).toEqual(['3-2-1101'])
    expect(dossierCounts(d)).toEqual({ customers: 1, rooms: 1, requests: 4, signatures: 1, loans: 1, loanReturns: 1, paidServices: 1 })
  })

  it.each<[string, OwnerIdentity]>([
    ['an unknown phone', id({ phone: '13600000000' })],
    ['the name in another room', id({ name: OWNER.name, room: '5-1-201' })],
    ['a similar name in the room', id({ name: '王建', room: OWNER.room })],
  ])('finds nothing for %s', (_, identity) => {
    expect(Object.values(dossierCounts(ownerDossier(source, identity))).every((n) => n === 0)).toBe(true)
  })
})

describe('identityProblems', () => {
  it.each<[OwnerIdentity, string[]]>([
    [id({}), ['identityRequired']],
    [id({ phone: '138' }), ['phoneInvalid']],
    [id({ name: '王建国' }), ['roomRequired']],
    [id({ room: '3-2-1101' }), ['nameRequired']],
    [id({ phone: '13812345678' }), []],
    [id({ name: '王建国', room: '3-2-1101' }), []],
    [id({ phone: '13812345678', room: '3-2-1101' }), []],
  ])('%o → %o', (identity, problems) => {
    expect(identityProblems(identity)).toEqual(problems)
  })
})
