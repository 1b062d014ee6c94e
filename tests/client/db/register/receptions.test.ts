import { afterEach, describe, expect, it } from 'vitest'
import { freshDb } from '../../../factories/db'
import { makeRegisterInput, makeRegisteringActor } from '../../../factories/reception'
import { addReceptionEvent, loadReception, registerReception } from '@client/db/register/receptions'
import { RecordInvalidError } from '@client/db/errors'
import { queryRegister } from '@client/db/register/reception-queries'
import { submitReview } from '@client/db/review/reviews'
import { defaultSettings } from '@shared/domain/settings'
import { HOUR } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

const T0 = Date.UTC(2026, 10, 27, 2) // 10:00 in Shanghai

describe('registerReception', () => {
  it('gives each request of the day the next number of this device, written with its outbox entry and index row', async () => {
    db = freshDb()
    const actor = makeRegisteringActor({ letter: 'B' })
    const a = await registerReception(db, actor, makeRegisterInput(), T0)
    const b = await registerReception(db, actor, makeRegisterInput({ matter: '门禁卡失灵' }), T0 + 1000)
    expect([a.ref, b.ref]).toEqual(['20261127-B001', '20261127-B002'])
    // The next local day starts again at 001 (Shanghai midnight = 16:00 UTC).
    const c = await registerReception(db, actor, makeRegisterInput(), Date.UTC(2026, 10, 27, 16, 1))
    expect(c.ref).toBe('20261128-B001')
    expect(await db.outbox.count()).toBe(3)
    expect(await db.receptionIndex.get(a.id)).toMatchObject({ ref: a.ref, status: 'open', phoneKeys: ['13812345678'], receiverId: actor.staffId, ownerId: actor.staffId })
  })

  it('refuses a request with nothing to reach the owner by, and writes nothing', async () => {
    db = freshDb()
    const error = await registerReception(db, makeRegisteringActor(), makeRegisterInput({ room: '', customerName: '', phone: '' }), T0).catch((e: unknown) => e)
    expect((error as RecordInvalidError).problems).toEqual(['contactRequired'])
    expect(await db.receptions.count()).toBe(0)
    expect(await db.meta.get('refSeq')).toBeUndefined()
  })
})

describe('addReceptionEvent', () => {
  it('appends to the timeline, keeps the index in step and checks the role', async () => {
    db = freshDb()
    const actor = makeRegisteringActor()
    const r = await registerReception(db, actor, makeRegisterInput(), T0)
    const dept = '0190a000-0000-7000-8000-000000000001'
    await addReceptionEvent(db, actor, 'assistant', r.id, { type: 'handedOver', note: '', departmentId: dept }, T0 + HOUR)
    expect(await db.receptionIndex.get(r.id)).toMatchObject({ status: 'withDepartment', departmentId: dept })
    const refused = await addReceptionEvent(db, actor, 'assistant', r.id, { type: 'closedUnresolvable', note: '无法处理' }, T0 + 2 * HOUR).catch((e: unknown) => e)
    expect((refused as RecordInvalidError).problems).toEqual(['notAllowed'])
    const noNote = await addReceptionEvent(db, actor, 'assistant', r.id, { type: 'result', note: ' ' }, T0 + 2 * HOUR).catch((e: unknown) => e)
    expect((noNote as RecordInvalidError).problems).toEqual(['noteRequired'])
    await addReceptionEvent(db, actor, 'assistant', r.id, { type: 'result', note: '已修好' }, T0 + 3 * HOUR)
    expect(await db.receptionIndex.get(r.id)).toMatchObject({ status: 'awaitingVisit', resolvedAt: T0 + 3 * HOUR, departmentId: null })
    const loaded = await loadReception(db, r.id)
    expect(loaded?.events.map((e) => e.type)).toEqual(['handedOver', 'result'])
  })

  it('refuses an event for a request that does not exist', async () => {
    db = freshDb()
    const error = await addReceptionEvent(db, makeRegisteringActor(), 'assistant', '0190a000-0000-7000-8000-000000000009', { type: 'followUp', note: '电话' }).catch((e: unknown) => e)
    expect((error as RecordInvalidError).problems).toEqual(['unknownReception'])
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('queryRegister', () => {
  it('finds by number, phone (as typed), room and name, and sorts queues by role and time', async () => {
    db = freshDb()
    const actor = makeRegisteringActor()
    const settings = defaultSettings(actor.siteId)
    const leak = await registerReception(db, actor, makeRegisterInput(), T0)
    const complaint = await registerReception(db, actor, makeRegisterInput({ room: '5-1-202', customerName: '李梅', honorific: 'ms', phone: '0571-8888 6666', matter: '楼道噪音', category: 'complaint', receivedAt: T0 + HOUR }), T0 + HOUR)
    const viewer = { id: actor.staffId, role: 'assistant' as const, departmentId: null }
    const find = async (text: string): Promise<string[]> => (await queryRegister(db, actor.siteId, { queue: 'all', text }, viewer, T0 + 2 * HOUR, settings)).map((r) => r.id)
    expect(await find(leak.ref)).toEqual([leak.id])
    expect(await find('138 1234')).toEqual([leak.id])
    expect(await find('057188886666')).toEqual([complaint.id])
    expect(await find('5栋1单元202')).toEqual([complaint.id])
    expect(await find('李')).toEqual([complaint.id])
    expect(await find('噪音')).toEqual([complaint.id])
    // 25 h later the complaint is overdue (24 h, 篇3 五); after 49 h both are the supervisor's.
    const overdue = await queryRegister(db, actor.siteId, { queue: 'overdue' }, viewer, T0 + HOUR + 25 * HOUR, settings)
    expect(overdue.map((r) => r.id)).toEqual([complaint.id])
    const supervisor = { id: 'x', role: 'supervisor' as const, departmentId: null }
    expect((await queryRegister(db, actor.siteId, { queue: 'escalated' }, supervisor, T0 + 49 * HOUR, settings)).map((r) => r.id)).toEqual([leak.id])
    expect((await queryRegister(db, actor.siteId, { queue: 'escalated' }, supervisor, T0 + HOUR + 49 * HOUR, settings)).map((r) => r.id)).toEqual([complaint.id, leak.id])
  })
})

describe('submitReview', () => {
  it("covers every request received that day in site time and counts the open ones; only a supervisor signs a day's register", async () => {
    db = freshDb()
    const actor = makeRegisteringActor()
    const morning = await registerReception(db, actor, makeRegisterInput(), T0)
    await registerReception(db, actor, makeRegisterInput({ receivedAt: Date.UTC(2026, 10, 27, 17) }), Date.UTC(2026, 10, 27, 17)) // 01:00 next day in Shanghai
    await addReceptionEvent(db, actor, 'assistant', morning.id, { type: 'result', note: '已处理' }, T0 + HOUR)
    const input = { kind: 'registerDaily' as const, period: '2026-11-27', tz: 'Asia/Shanghai', comment: '已阅', signature: null }
    const refused = await submitReview(db, actor, 'assistant', input).catch((e: unknown) => e)
    expect((refused as RecordInvalidError).problems).toEqual(['notAllowed'])
    // 篇4 4.3: the day is signed off once it has ended — 23:59 in Shanghai is too early, midnight is not.
    const early = await submitReview(db, actor, 'supervisor', input, Date.UTC(2026, 10, 27, 15, 59)).catch((e: unknown) => e)
    expect((early as RecordInvalidError).problems).toEqual(['periodNotOver'])
    expect(await db.reviews.count()).toBe(0)
    const review = await submitReview(db, actor, 'supervisor', input, Date.UTC(2026, 10, 27, 16, 0))
    expect(review).toMatchObject({ covered: [morning.id], openCount: 0, comment: '已阅', reviewerId: actor.staffId })
    expect((await db.outbox.toArray()).map((m) => m.name)).toContain('review.add')
  })

  it('refuses a week still running: the manager signs last week off from Monday', async () => {
    db = freshDb()
    const actor = makeRegisteringActor()
    const input = { kind: 'registerWeekly' as const, period: '2026-11-23', tz: 'Asia/Shanghai', comment: '', signature: null }
    const sunday = await submitReview(db, actor, 'manager', input, Date.UTC(2026, 10, 29, 15, 59)).catch((e: unknown) => e) // Sunday 23:59 in Shanghai
    expect((sunday as RecordInvalidError).problems).toEqual(['periodNotOver'])
    expect(await submitReview(db, actor, 'manager', input, Date.UTC(2026, 10, 29, 16, 0))).toMatchObject({ kind: 'registerWeekly', period: '2026-11-23' })
  })
})
