import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshDb } from '../../factories/db'
import { makeCustomer, makeRenovation, makeRoom } from '../../factories/archive'
import { archiveCounts, listBuildings, listRooms, roomHistory, searchArchive } from '@client/db/archive/archive'
import { newId } from '@shared/domain/ids'
import type { Customer, Room } from '@shared/domain/archive'
import type { DeskbookDb } from '@client/db/database'
import type { ReceptionIndexRow } from '@client/db/register/index-row'

const SITE = newId()
let db: DeskbookDb
let rooms: Record<string, Room>
let people: Record<string, Customer>

beforeEach(async () => {
  db = freshDb()
  rooms = {
    a: makeRoom({ siteId: SITE, building: '3', unit: '2', number: '1101' }),
    b: makeRoom({ siteId: SITE, building: '3', unit: '2', number: '1102' }),
    c: makeRoom({ siteId: SITE, building: '10', unit: '1', number: '201' }),
    empty: makeRoom({ siteId: SITE, building: '3', unit: '2', number: '1103' }),
    other: makeRoom({ building: '3', unit: '2', number: '1101' }),
  }
  const r = rooms
  people = {
    wang: makeCustomer({ siteId: SITE, roomId: r.a!.id, name: '王建国', relation: 'owner', phones: ['13800138000'] }),
    wangWife: makeCustomer({ siteId: SITE, roomId: r.a!.id, name: '李秀英', honorific: 'ms', relation: 'family', phones: ['13900139000', '057188886666'] }),
    tenant: makeCustomer({ siteId: SITE, roomId: r.a!.id, name: '赵磊', relation: 'tenant', phones: ['13700137000'] }),
    former: makeCustomer({ siteId: SITE, roomId: r.a!.id, name: '王小明', relation: 'owner', phones: ['13800138999'], active: false }),
    wangB: makeCustomer({ siteId: SITE, roomId: r.b!.id, name: '王芳', relation: 'tenant', phones: ['13800138111'] }),
    ouyang: makeCustomer({ siteId: SITE, roomId: r.c!.id, name: '欧阳娜娜', relation: 'owner', phones: ['18612345678'] }),
    elsewhere: makeCustomer({ roomId: r.other!.id, name: '王五', phones: ['13800138000'] }),
  }
  await db.rooms.bulkAdd(Object.values(rooms))
  await db.customers.bulkAdd(Object.values(people))
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const names = (hits: Awaited<ReturnType<typeof searchArchive>>): (string | null)[] => hits.map((h) => h.customer?.name ?? null)

describe('searchArchive', () => {
  it.each(['3-2-1101', '3栋2单元1101', '3栋2单元1101室', '3 2 1101', '3-2-1101室'])('finds the people of a room typed as %s: active first, owners, tenants, family', async (text) => {
    const hits = await searchArchive(db, SITE, text)
    expect(names(hits)).toEqual(['王建国', '赵磊', '李秀英', '王小明'])
    expect(hits.every((h) => h.room.id === rooms.a!.id)).toBe(true)
  })

  it.each(['1101', '1101室', ' 1101 '])('finds a room by its number alone (%s), in every building of this site, the exact number only', async (text) => {
    const five = makeRoom({ siteId: SITE, building: '5', unit: '1', number: '1101' })
    await db.rooms.add(five)
    const hits = await searchArchive(db, SITE, text, 20)
    expect(new Set(hits.map((h) => h.room.label))).toEqual(new Set(['3-2-1101', '5-1-1101']))
    expect(names(hits.filter((h) => h.room.id === rooms.a!.id))).toEqual(['王建国', '赵磊', '李秀英', '王小明'])
    expect(hits.find((h) => h.room.id === five.id)!.customer).toBeNull()
  })

  it('finds a room number with a letter, whatever its case, and a short one', async () => {
    const shop = makeRoom({ siteId: SITE, building: '商铺', unit: '', number: '602A' })
    await db.rooms.add(shop)
    expect((await searchArchive(db, SITE, '602a')).map((h) => h.room.id)).toEqual([shop.id])
    expect(names(await searchArchive(db, SITE, '201'))).toEqual(['欧阳娜娜'])
  })

  it('finds rooms by the start of their label, a room without customers as a hit of its own', async () => {
    const hits = await searchArchive(db, SITE, '3-2-110', 20)
    expect(new Set(hits.map((h) => h.room.label))).toEqual(new Set(['3-2-1101', '3-2-1102', '3-2-1103']))
    expect(hits.find((h) => h.room.label === '3-2-1103')!.customer).toBeNull()
  })

  it('finds customers by the start of their name, the active before the former', async () => {
    expect(names(await searchArchive(db, SITE, '王'))).toEqual(['王建国', '王芳', '王小明'])
    expect(names(await searchArchive(db, SITE, '欧阳'))).toEqual(['欧阳娜娜'])
  })

  it.each([
    ['13800138000', ['王建国']],
    ['138 0013 8000', ['王建国']],
    ['138-0013', ['王建国', '王芳', '王小明']],
    ['+86 138 0013 8000', ['王建国']],
    ['0571-8888', ['李秀英']],
    ['1861234', ['欧阳娜娜']],
  ])('finds customers by phone digits %s (any of their phones, this site only)', async (text, expected) => {
    expect(names(await searchArchive(db, SITE, text))).toEqual(expected)
  })

  it('needs at least 4 digits for a phone, and finds nothing for blank text', async () => {
    expect(await searchArchive(db, SITE, '138')).toEqual([])
    expect(await searchArchive(db, SITE, '  ')).toEqual([])
  })

  it('returns at most `limit` hits', async () => {
    expect(await searchArchive(db, SITE, '3', 2)).toHaveLength(2)
  })

  it('stays fast over 10,000 rooms and 20,000 customers (indexes, not scans)', async () => {
    const many: Room[] = []
    const folk: Customer[] = []
    for (let i = 0; i < 10_000; i++) {
      const room = makeRoom({ siteId: SITE, building: String(20 + (i % 40)), unit: String(1 + (i % 4)), number: String(100 + i) })
      many.push(room)
      folk.push(makeCustomer({ siteId: SITE, roomId: room.id, name: `住户${i}`, phones: [`135${String(i).padStart(8, '0')}`] }))
      folk.push(makeCustomer({ siteId: SITE, roomId: room.id, name: `家属${i}`, relation: 'family', phones: [] }))
    }
    await db.rooms.bulkAdd(many)
    await db.customers.bulkAdd(folk)
    const t0 = performance.now()
    const byPhone = await searchArchive(db, SITE, '13500009999')
    const byRoom = await searchArchive(db, SITE, '59-4-10099')
    const byName = await searchArchive(db, SITE, '住户999')
    const ms = performance.now() - t0
    console.log(`searchArchive over 10,000 rooms: 3 searches in ${ms.toFixed(0)} ms (fake-indexeddb)`)
    expect(names(byPhone)).toEqual(['住户9999'])
    expect(names(byRoom)).toEqual(['住户9999', '家属9999'])
    expect(names(byName)[0]).toBe('住户999')
  })
})

describe('roomHistory', () => {
  const indexRow = (overrides: Partial<ReceptionIndexRow>): ReceptionIndexRow => ({
    id: newId(),
    siteId: SITE,
    ref: 'R',
    receivedAt: 0,
    room: '',
    roomId: null,
    customerName: '王建国',
    phoneKeys: [],
    category: 'repair',
    urgency: 'normal',
    matter: '厨房漏水',
    status: 'open',
    resolvedAt: null,
    answeredAt: null,
    departmentId: null,
    ownerId: newId(),
    receiverId: newId(),
    lastEventAt: 0,
    ...overrides,
  })

  it('gives the room, its current then former customers, renovations and every request tied to it, newest first', async () => {
    const a = rooms.a!
    await db.renovations.bulkAdd([makeRenovation({ siteId: SITE, roomId: a.id, registeredOn: '2021-01-01' }), makeRenovation({ siteId: SITE, roomId: a.id, registeredOn: '2024-03-01' }), makeRenovation({ siteId: SITE, roomId: rooms.b!.id })])
    await db.receptionIndex.bulkAdd([
      indexRow({ ref: '20240301-A-001', receivedAt: 1000, room: '3-2-1101', roomId: a.id }),
      indexRow({ ref: '20240305-A-001', receivedAt: 3000, room: '3-2-1101', roomId: a.id, status: 'closed' }),
      // Typed with the label before the room was picked from the archive.
      indexRow({ ref: '20240302-B-001', receivedAt: 2000, room: '3-2-1101', roomId: null }),
      indexRow({ ref: '20240303-A-001', receivedAt: 2500, room: '3-2-1102', roomId: rooms.b!.id }),
    ])
    const h = (await roomHistory(db, a.id))!
    expect(h.room).toEqual(a)
    expect(h.customers.map((c) => c.name)).toEqual(['王建国', '赵磊', '李秀英', '王小明'])
    expect(h.renovations.map((r) => r.registeredOn)).toEqual(['2024-03-01', '2021-01-01'])
    expect(h.receptions.map((r) => r.ref)).toEqual(['20240305-A-001', '20240302-B-001', '20240301-A-001'])
  })

  it('is null for a room that does not exist', async () => {
    expect(await roomHistory(db, newId())).toBeNull()
  })
})

describe('listing the archive', () => {
  it('lists buildings in natural order, a building’s rooms with current customers owners first, and counts', async () => {
    expect(await listBuildings(db, SITE)).toEqual(['3', '10'])
    const cards = await listRooms(db, SITE, '3')
    expect(cards.map((c) => c.room.label)).toEqual(['3-2-1101', '3-2-1102', '3-2-1103'])
    expect(cards[0]!.customers.map((c) => c.name)).toEqual(['王建国', '赵磊', '李秀英'])
    expect(await archiveCounts(db, SITE)).toEqual({ rooms: 4, customers: 6 })
  })
})
