/**
 * The customer archive's form rules hold on the server (篇5 7; issue 4 point 5): what the tablet's
 * forms refuse, the server refuses too, with a reason and nothing stored; a room label used twice by
 * two tablets offline is kept (refusing one would lose the customers that name it).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Customer, Renovation, Room } from '@shared/domain/archive'
import { BACKENDS } from '../support/server-db'
import { enrol, mutation, pullAll, pushOk, siteWithAdmin, testServer, applied, rejected, type Expect, type TestDevice, type TestServer } from '../support/server-fixtures'

describe.each(BACKENDS)('archive rules on $name', (backend) => {
  let s: TestServer
  let tablet: TestDevice
  let siteId: string
  let admin: string

  afterEach(async () => s?.close())
  beforeEach(async () => {
    s = await testServer(backend)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    admin = site.adminStaffId
    tablet = await enrol(s, siteId)
  })

  const room = (over: Partial<Room> = {}): Room => ({ id: newId(), siteId, building: '3', unit: '2', number: '1101', label: '3-2-1101', note: '', active: true, ...over })
  const customer = (roomId: string, over: Partial<Customer> = {}): Customer => ({ id: newId(), siteId, roomId, name: '王建国', honorific: 'mr', relation: 'owner', phones: ['13812345678'], moveInDate: '2020-05-01', note: '', active: true, ...over })
  const renovation = (roomId: string, over: Partial<Renovation> = {}): Renovation => ({ id: newId(), siteId, roomId, registeredOn: '2026-03-01', startDate: '2026-03-10', endDate: '2026-06-10', contractor: '美家装饰', contractorPhone: '13900139000', note: '', createdAt: 1_700_000_000_000, ...over })
  const put = (name: string, table: string, row: { id: string }, fields: Record<string, unknown> = row, wall?: number) => mutation(tablet, admin, { name, table, recordId: row.id, fields }, wall)

  async function expectResult(m: ReturnType<typeof put>, want: Expect): Promise<void> {
    const [result] = (await pushOk(s, tablet, [m])).results
    if (want.status === 'rejected') expect(result).toMatchObject({ status: 'rejected', reason: expect.stringMatching(want.reason) })
    else expect(result).toMatchObject(want)
  }

  it.each<{ case: string; row: () => Room; want: Expect }>([
    { case: 'a good room', row: () => room(), want: applied },
    { case: 'a room without a unit', row: () => room({ unit: '', label: '3-1101' }), want: applied },
    { case: 'a label that does not match its parts', row: () => room({ label: '3-2-1102' }), want: rejected(/^invalid: labelMismatch$/) },
    { case: 'a blank building', row: () => room({ building: ' ', label: '-2-1101' }), want: rejected(/^invalid: buildingRequired$/) },
    { case: 'a blank room number', row: () => room({ number: '  ', label: '3-2-' }), want: rejected(/^invalid: numberRequired$/) },
  ])('rooms: $case', async ({ row, want }) => {
    const r = row()
    await expectResult(put('room.put', 'rooms', r), want)
    const pulled = (await pullAll(s, tablet)).changes.filter((c) => c.table === 'rooms' && c.id === r.id)
    expect(pulled).toHaveLength(want.status === 'applied' ? 1 : 0)
  })

  it('keeps a room label two tablets used offline: both rooms, and the customers naming each', async () => {
    const a = room()
    const b = room()
    const other = await enrol(s, siteId, '第二台平板')
    expect((await pushOk(s, tablet, [put('room.put', 'rooms', a), put('customer.put', 'customers', customer(a.id))])).results.map((r) => r.status)).toEqual(['applied', 'applied'])
    const onOther = (name: string, table: string, row: { id: string }) => mutation(other, admin, { name, table, recordId: row.id, fields: row })
    expect((await pushOk(s, other, [onOther('room.put', 'rooms', b), onOther('customer.put', 'customers', customer(b.id, { name: '李秀英', honorific: 'ms' }))])).results.map((r) => r.status)).toEqual(['applied', 'applied'])
    const rooms = (await pullAll(s, tablet)).changes.filter((c) => c.table === 'rooms' && c.data.label === '3-2-1101')
    expect(rooms.map((c) => c.id).sort()).toEqual([a.id, b.id].sort())
  })

  it.each<{ case: string; over: Partial<Customer>; want: Expect }>([
    { case: 'a mobile and a landline', over: { phones: ['13812345678', '057188886666'] }, want: applied },
    { case: 'no phone, no move-in date', over: { phones: [], moveInDate: null }, want: applied },
    { case: 'a mobile one digit short', over: { phones: ['1381234567'] }, want: rejected(/^invalid: mobileInvalid$/) },
    { case: 'a mobile one digit long', over: { phones: ['138123456789'] }, want: rejected(/^invalid: mobileInvalid$/) },
    { case: 'a short service number (95598)', over: { phones: ['95598'] }, want: applied },
    { case: 'a blank name', over: { name: '  ' }, want: rejected(/^invalid: nameRequired$/) },
    { case: 'a move-in date that does not exist', over: { moveInDate: '2026-02-30' }, want: rejected(/^invalid: moveInDateInvalid$/) },
  ])('customers: $case', async ({ over, want }) => {
    const r = room()
    await expectResult(put('room.put', 'rooms', r), applied)
    await expectResult(put('customer.put', 'customers', customer(r.id, over)), want)
  })

  it('judges an edit of one field with the record as stored: a bad phone on a good customer is refused, the customer kept', async () => {
    const r = room()
    const c = customer(r.id)
    await expectResult(put('room.put', 'rooms', r), applied)
    await expectResult(put('customer.put', 'customers', c), applied)
    await expectResult(put('customer.put', 'customers', c, { phones: ['1381234567'] }, Date.UTC(2026, 10, 27, 3)), rejected(/^invalid: mobileInvalid$/))
    const stored = (await pullAll(s, tablet)).changes.find((x) => x.id === c.id)!
    expect(stored.data.phones).toEqual(['13812345678'])
  })

  it.each<{ case: string; over: Partial<Renovation>; want: Expect }>([
    { case: 'a good renovation', over: {}, want: applied },
    { case: 'dates not known yet', over: { startDate: null, endDate: null }, want: applied },
    { case: 'an end before its start', over: { startDate: '2026-06-10', endDate: '2026-03-10' }, want: rejected(/^invalid: endBeforeStart$/) },
    { case: 'a contractor phone that is no phone', over: { contractorPhone: '123' }, want: rejected(/^invalid: contractorPhoneInvalid$/) },
  ])('renovations: $case', async ({ over, want }) => {
    const r = room()
    await expectResult(put('room.put', 'rooms', r), applied)
    await expectResult(put('renovation.put', 'renovations', renovation(r.id, over)), want)
  })
})
