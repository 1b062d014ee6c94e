import { makeReception } from '../../../factories/register-print'
import { afterEach, describe, expect, it } from 'vitest'
import { liveQuery } from 'dexie'
import { freshDb } from '../../../factories/db'
import { DeskbookDb } from '@client/db/database'
import { SCHEMA_VERSIONS } from '@client/db/schema'
import { derivationsFor } from '@client/db/derived'
import { indexRow, matterGrams, searchText, type ReceptionIndexRow } from '@client/db/register/index-row'
import { countChanges, countedRanges, COUNTED_INDEXES, DAY_MS } from '@client/db/register/index-counts'
import { putIndexRows } from '@client/db/register/reception-index'
import { countRegister, openRegister, queryRegister } from '@client/db/register/reception-queries'
import { matchesQuery, queueState, type RegisterQuery } from '@client/db/register/register-query'
import { CATEGORIES, CHANNELS, type Category, type Reception } from '@shared/domain/reception'
import type { EventType, ReceptionEvent } from '@shared/domain/reception-event'
import { QUEUES, type Viewer } from '@client/db/register/reception-queue'
import type { Status } from '@shared/domain/reception-status'
import { defaultSettings } from '@shared/domain/settings'
import { DAY, HOUR } from '@shared/domain/time'

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

const SITE = '01930000-0000-7000-8000-00000000s001'
const OTHER_SITE = '01930000-0000-7000-8000-00000000s002'
const CLERKS = ['01930000-0000-7000-8000-0000000000a1', '01930000-0000-7000-8000-0000000000a2', '01930000-0000-7000-8000-0000000000a3']
const SUPERVISOR = '01930000-0000-7000-8000-0000000000b1'
const DEPTS = ['01930000-0000-7000-8000-0000000000d1', '01930000-0000-7000-8000-0000000000d2']
const OTHER_CLERK = '01930000-0000-7000-8000-0000000000c1'
const OTHER_DEPT = '01930000-0000-7000-8000-0000000000d9'
const T0 = Date.UTC(2026, 10, 27, 2) // 10:00 in Shanghai
const settings = defaultSettings(SITE)

function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let serial = 0
const id = (): string => `01930000-0000-7000-8000-${String(++serial).padStart(12, '0')}`

/** A request of this site with its own serial number; the rest as the register factory makes it. */
function reception(overrides: Partial<Reception> = {}): Reception {
  const r = makeReception({ id: id(), siteId: SITE, receivedAt: T0, receiverId: CLERKS[0]!, createdAt: T0 })
  return { ...r, ref: `20261127-A${String(serial).padStart(3, '0')}`, ...overrides }
}

function event(r: Reception, type: EventType, at: number, overrides: Partial<ReceptionEvent> = {}): ReceptionEvent {
  return { id: id(), siteId: r.siteId, receptionId: r.id, type, at, staffId: r.receiverId, note: '已处理', departmentId: null, assignee: '', satisfaction: null, level: null, correction: null, signatureId: null, createdAt: at, ...overrides }
}

/** Index rows written as the app writes them: with their counts per day. */
async function putRows(rows: ReceptionIndexRow[]): Promise<void> {
  await db.transaction('rw', [db.receptionIndex, db.meta], () => putIndexRows(db, rows))
}

async function put(...items: [Reception, ReceptionEvent[]][]): Promise<ReceptionIndexRow[]> {
  const rows = items.map(([r, e]) => indexRow(r, e))
  await putRows(rows)
  return rows
}

/** A register with every status, category, owner and department, over 30 days, some at the same instant, some at another site. */
async function randomRegister(n: number, seed = 7): Promise<void> {
  const rand = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const items: [Reception, ReceptionEvent[]][] = []
  let last = T0
  for (let i = 0; i < n; i++) {
    const receivedAt = rand() < 0.1 ? last : T0 - Math.floor(rand() * 30 * DAY)
    last = receivedAt
    // Staff and departments belong to one site: the other site's requests have their own.
    const other = rand() < 0.08
    const r = reception({ siteId: other ? OTHER_SITE : SITE, receivedAt, category: pick(CATEGORIES), receiverId: other ? OTHER_CLERK : pick(CLERKS), customerName: pick(['王建国', '李梅', '张伟', '欧阳娜']), matter: pick(['厨房水龙头漏水', '楼上装修噪音扰民', '电梯异响，请尽快维修', '咨询物业费']), channel: pick(CHANNELS) })
    const events: ReceptionEvent[] = []
    const at = (h: number): number => receivedAt + h * HOUR
    if (rand() < 0.4) events.push(event(r, 'answered', at(rand() * 40)))
    if (rand() < 0.5) events.push(event(r, 'handedOver', at(1), { departmentId: other ? OTHER_DEPT : pick(DEPTS) }))
    if (events.some((e) => e.type === 'handedOver') && rand() < 0.5) events.push(event(r, 'departmentDone', at(2)))
    if (rand() < 0.15) events.push(event(r, 'takenOver', at(3), { staffId: other ? OTHER_CLERK : SUPERVISOR, level: 'supervisor' }))
    if (rand() < 0.05) events.push(event(r, 'closedUnresolvable', at(4)))
    else if (rand() < 0.5) {
      events.push(event(r, 'result', at(5)))
      if (rand() < 0.5) events.push(event(r, 'returnVisit', at(30), { satisfaction: 'satisfied' }))
    }
    items.push([r, events])
  }
  await put(...items)
}

const VIEWERS: Viewer[] = [
  { id: CLERKS[0]!, role: 'assistant', departmentId: null },
  { id: SUPERVISOR, role: 'supervisor', departmentId: null },
  { id: 'manager', role: 'manager', departmentId: null },
  { id: 'dept-staff', role: 'department', departmentId: DEPTS[0]! },
]

const FILTERS: Omit<RegisterQuery, 'queue'>[] = [
  {},
  { statuses: ['open'] },
  { statuses: ['closed', 'awaitingVisit', 'withDepartment'] },
  { categories: ['complaint'] },
  { categories: ['repair', 'enquiry'], statuses: ['open', 'withDepartment', 'closed'] },
  { categories: CATEGORIES.slice(0, 5), statuses: ['open', 'withDepartment', 'awaitingVisit'] },
  { departmentId: DEPTS[1]! },
  { from: T0 - 10 * DAY, to: T0 - 3 * DAY },
  { from: T0 - 20 * DAY, statuses: ['open', 'unresolvable'], departmentId: DEPTS[0]! },
  // Words of the matter (no room, name or phone starts so).
  { text: '漏水' },
  { text: '异响，请', categories: ['repair', 'complaint', 'enquiry'] },
  { text: '电梯', statuses: ['open', 'withDepartment'], to: T0 - 5 * DAY },
  // Neither the channel nor the level has an index: checked on the rows of the other dimensions.
  { channels: ['phone'] },
  { channels: ['visit', 'online'], categories: ['repair'], from: T0 - 12 * DAY },
  { levels: ['supervisor'], statuses: ['open'] },
  { levels: ['desk'], statuses: ['closed', 'awaitingVisit'], channels: ['relayed'] },
  { levels: ['manager'], text: '漏水' },
]

/** What a query must give: every row of the site, checked by the whole rule (and the words of the matter), newest first. */
async function reference(q: RegisterQuery, viewer: Viewer, now: number): Promise<string[]> {
  const all = await db.receptionIndex.where('siteId').equals(SITE).toArray()
  return all
    .map((r) => queueState(r, now, settings))
    .filter((r) => matchesQuery(r, q, viewer) && (!q.text || searchText(r.matter).includes(searchText(q.text))))
    .sort((a, b) => b.receivedAt - a.receivedAt || (a.id < b.id ? 1 : -1))
    .map((r) => r.id)
}

describe('openRegister over indexes', () => {
  it('gives every queue, viewer and filter the same rows in the same order as the rule itself, window by window', async () => {
    db = freshDb()
    await randomRegister(400)
    const plans = new Set<string>()
    for (const now of [T0, T0 + 3 * DAY])
      for (const viewer of VIEWERS)
        for (const queue of QUEUES)
          for (const filter of FILTERS) {
            const q = { queue, ...filter }
            const want = await reference(q, viewer, now)
            // Tiny reads so that a few hundred rows need the count tree, halved many times.
            const result = await openRegister(db, SITE, q, viewer, now, settings, { tuning: { top: 4, leaf: 6 } })
            plans.add(result.plan)
            const label = `${viewer.role} ${queue} ${JSON.stringify(filter)} +${(now - T0) / DAY}d`
            expect(result.total, label).toBe(want.length)
            const ids = async (a: number, b: number): Promise<string[]> => (await result.window(a, b)).map((r) => r.id)
            expect(await ids(0, 3), label).toEqual(want.slice(0, 3))
            const mid = Math.floor(want.length / 2)
            expect(await ids(mid - 7, mid + 9), label).toEqual(want.slice(Math.max(0, mid - 7), mid + 9))
            expect(await ids(want.length - 5, want.length + 5), label).toEqual(want.slice(Math.max(0, want.length - 5)))
          }
    expect([...plans].sort()).toEqual(['empty', 'index', 'scan'])
  }, 60_000)

  it('reads any window of a large queue without reading what lies before it, and all of it on request', async () => {
    db = freshDb()
    await randomRegister(1200, 11)
    const viewer = VIEWERS[0]!
    const want = await reference({ queue: 'all' }, viewer, T0)
    const result = await openRegister(db, SITE, { queue: 'all' }, viewer, T0, settings, { tuning: { top: 20, leaf: 30 } })
    expect(result.plan).toBe('index')
    const rand = random(3)
    const windows = Array.from({ length: 25 }, () => {
      const a = Math.floor(rand() * want.length)
      return [a, a + 1 + Math.floor(rand() * 80)] as const
    })
    // Concurrent windows share the tree as it is split.
    const got = await Promise.all(windows.map(([a, b]) => result.window(a, b)))
    got.forEach((rows, i) => expect(rows.map((r) => r.id)).toEqual(want.slice(windows[i]![0], windows[i]![1])))
    expect((await result.window(0, result.total)).map((r) => r.id)).toEqual(want)
    expect(await result.window(result.total, result.total + 10)).toEqual([])
  })

  it('carries level and overdue worked out from "now", never stored', async () => {
    db = freshDb()
    const complaint = reception({ category: 'complaint', receivedAt: T0 })
    await put([complaint, []])
    const at = async (now: number): Promise<unknown> => (await queryRegister(db, SITE, { queue: 'all' }, VIEWERS[0]!, now, settings))[0]
    expect(await at(T0 + HOUR)).toMatchObject({ level: 'desk', overdue: false })
    expect(await at(T0 + 25 * HOUR)).toMatchObject({ level: 'desk', overdue: true })
    expect(await at(T0 + 49 * HOUR)).toMatchObject({ level: 'supervisor', overdue: true })
    expect(await at(T0 + 8 * DAY)).toMatchObject({ level: 'manager', overdue: true })
    expect(await countRegister(db, SITE, { queue: 'overdue' }, VIEWERS[0]!, T0 + 23 * HOUR, settings)).toBe(0)
    expect(await countRegister(db, SITE, { queue: 'overdue' }, VIEWERS[0]!, T0 + 25 * HOUR, settings)).toBe(1)
    // Exactly at the thresholds: escalation needs strictly more than 48 h, the manager strictly more than 7 days.
    expect(await countRegister(db, SITE, { queue: 'escalated' }, VIEWERS[1]!, T0 + 48 * HOUR, settings)).toBe(0)
    expect(await countRegister(db, SITE, { queue: 'escalated' }, VIEWERS[1]!, T0 + 48 * HOUR + 1, settings)).toBe(1)
    expect(await countRegister(db, SITE, { queue: 'escalated' }, VIEWERS[1]!, T0 + 7 * DAY, settings)).toBe(1)
    expect(await countRegister(db, SITE, { queue: 'escalated' }, VIEWERS[2]!, T0 + 7 * DAY, settings)).toBe(0)
    expect(await countRegister(db, SITE, { queue: 'escalated' }, VIEWERS[2]!, T0 + 7 * DAY + 1, settings)).toBe(1)
    expect(await countRegister(db, SITE, { queue: 'escalated' }, VIEWERS[1]!, T0 + 7 * DAY + 1, settings)).toBe(0)
  })
})

describe('register filters', () => {
  it('filters by status, category, date range and the department a request was handed to (resolved or not)', async () => {
    db = freshDb()
    const leak = reception({ receivedAt: T0 - 3 * DAY })
    const noise = reception({ category: 'complaint', matter: '楼上装修噪音', receivedAt: T0 - 2 * DAY })
    const fee = reception({ category: 'enquiry', matter: '咨询物业费', receivedAt: T0 - DAY })
    await put(
      [leak, [event(leak, 'handedOver', T0 - 3 * DAY + HOUR, { departmentId: DEPTS[0]! }), event(leak, 'result', T0 - 2 * DAY)]],
      [noise, [event(noise, 'handedOver', T0 - 2 * DAY + HOUR, { departmentId: DEPTS[0]! })]],
      [fee, []],
    )
    const find = async (filter: Omit<RegisterQuery, 'queue'>): Promise<string[]> => (await queryRegister(db, SITE, { queue: 'all', ...filter }, VIEWERS[0]!, T0, settings)).map((r) => r.id)
    expect(await find({})).toEqual([fee.id, noise.id, leak.id])
    expect(await find({ statuses: ['awaitingVisit'] })).toEqual([leak.id])
    expect(await find({ statuses: ['open', 'withDepartment'] })).toEqual([fee.id, noise.id])
    expect(await find({ categories: ['complaint', 'enquiry'] })).toEqual([fee.id, noise.id])
    expect(await find({ categories: ['repair'], statuses: ['open'] })).toEqual([])
    expect(await find({ departmentId: DEPTS[0]! })).toEqual([noise.id, leak.id])
    expect(await find({ departmentId: DEPTS[1]! })).toEqual([])
    expect(await find({ from: T0 - 2 * DAY - HOUR, to: T0 - DAY })).toEqual([noise.id])
    expect(await find({ from: T0 - 2 * DAY, to: T0 - 2 * DAY })).toEqual([])
    expect(await find({ departmentId: DEPTS[0]!, statuses: ['withDepartment'], from: T0 - 5 * DAY })).toEqual([noise.id])
  })

  it('filters by how a request came in and the escalation it reached (statistics’ bars, 篇4 4.6–4.8)', async () => {
    db = freshDb()
    const call = reception({ channel: 'phone', receivedAt: T0 - 3 * DAY })
    const walkIn = reception({ channel: 'visit', receivedAt: T0 - 2 * DAY - HOUR })
    const corrected = reception({ channel: 'online', receivedAt: T0 - HOUR })
    await put(
      [call, [event(call, 'result', T0 - 3 * DAY + HOUR)]],
      [walkIn, []],
      [corrected, [event(corrected, 'correction', T0 - HOUR + 60_000, { correction: { matter: '网上报修:厨房漏水' } })]],
    )
    const find = async (filter: Omit<RegisterQuery, 'queue'>): Promise<string[]> => (await queryRegister(db, SITE, { queue: 'all', ...filter }, VIEWERS[0]!, T0, settings)).map((r) => r.id)
    expect(await find({ channels: ['phone'] })).toEqual([call.id])
    expect(await find({ channels: ['visit'] })).toEqual([walkIn.id])
    expect(await find({ channels: ['online', 'phone'] })).toEqual([corrected.id, call.id])
    // Completed within an hour: the desk's; open 2 days and 1 hour: the supervisor's by now.
    expect(await find({ levels: ['desk'] })).toEqual([corrected.id, call.id])
    expect(await find({ levels: ['supervisor'] })).toEqual([walkIn.id])
    expect(await countRegister(db, SITE, { queue: 'all', levels: ['manager'] }, VIEWERS[0]!, T0, settings)).toBe(0)
    expect(await countRegister(db, SITE, { queue: 'all', levels: ['manager'] }, VIEWERS[0]!, T0 + 6 * DAY, settings)).toBe(1)
  })

  it('gives each queue its requests: mine, my department, open, overdue complaints, escalated by role', async () => {
    db = freshDb()
    const mine = reception({ receivedAt: T0 - HOUR })
    const colleague = reception({ receiverId: CLERKS[1]!, receivedAt: T0 - 2 * HOUR })
    const handed = reception({ receiverId: CLERKS[1]!, receivedAt: T0 - 3 * DAY })
    const visitDue = reception({ receivedAt: T0 - 4 * DAY })
    const done = reception({ receivedAt: T0 - 5 * DAY, category: 'enquiry' })
    const complaint = reception({ category: 'complaint', receivedAt: T0 - 10 * DAY })
    const answered = reception({ category: 'complaint', receivedAt: T0 - 9 * DAY })
    await put(
      [mine, []],
      [colleague, []],
      [handed, [event(handed, 'handedOver', T0 - 3 * DAY + HOUR, { departmentId: DEPTS[0]! })]],
      [visitDue, [event(visitDue, 'result', T0 - 3 * DAY)]],
      [done, [event(done, 'result', T0 - 5 * DAY + HOUR)]],
      [complaint, []],
      [answered, [event(answered, 'answered', T0 - 9 * DAY + HOUR)]],
    )
    const ids = async (queue: RegisterQuery['queue'], viewer: Viewer): Promise<string[]> => (await queryRegister(db, SITE, { queue }, viewer, T0, settings)).map((r) => r.id)
    const [clerk, supervisor, manager, department] = VIEWERS as [Viewer, Viewer, Viewer, Viewer]
    expect(await ids('mine', clerk)).toEqual([mine.id, visitDue.id, answered.id, complaint.id])
    expect(await ids('open', clerk)).toEqual([mine.id, colleague.id, handed.id, visitDue.id, answered.id, complaint.id])
    expect(await ids('overdue', clerk)).toEqual([complaint.id])
    expect(await ids('escalated', clerk)).toEqual([])
    expect(await ids('escalated', supervisor)).toEqual([handed.id])
    expect(await ids('escalated', manager)).toEqual([answered.id, complaint.id])
    expect(await ids('department', department)).toEqual([handed.id])
    // A department sees only what is with it, whichever queue it asks for.
    expect(await ids('all', department)).toEqual([handed.id])
    expect(await ids('department', clerk)).toEqual([])
  })
})

describe('register search', () => {
  async function searchable(): Promise<Record<string, ReceptionIndexRow>> {
    db = freshDb()
    const [leak, noise, lift, elsewhere] = await put(
      [reception({ ref: '20261127-A001', room: '3-2-1101', customerName: '王建国', phone: '138 1234 5678', matter: '厨房水龙头漏水', receivedAt: T0 - 3 * HOUR }), []],
      [reception({ ref: '20261127-A002', room: '5-1-202', customerName: '李梅', phone: '0571-8888 6666', matter: '楼上装修噪音，晚上十点后还在施工', category: 'complaint', receivedAt: T0 - 2 * HOUR }), []],
      [reception({ ref: '20261127-B001', room: 'A-1-101', customerName: '欧阳娜', phone: '', matter: 'A座电梯E3报错 停在3楼', receivedAt: T0 - HOUR }), []],
      [reception({ siteId: OTHER_SITE, ref: '20261127-A003', room: '3-2-1101', customerName: '王建国', matter: '厨房水龙头漏水', receivedAt: T0 }), []],
    )
    return { leak: leak!, noise: noise!, lift: lift!, elsewhere: elsewhere! }
  }
  const find = async (text: string, q: Partial<RegisterQuery> = {}): Promise<string[]> => (await queryRegister(db, SITE, { queue: 'all', text, ...q }, VIEWERS[0]!, T0, settings)).map((r) => r.id)

  it('finds by reference number, phone as typed or its start, room as typed or spelled, and name', async () => {
    const r = await searchable()
    expect(await find('20261127-a001')).toEqual([r.leak!.id])
    expect(await find('20261127-A003')).toEqual([]) // another site's
    expect(await find('138 1234 5678')).toEqual([r.leak!.id])
    expect(await find('1381')).toEqual([r.leak!.id])
    expect(await find('0571-8888')).toEqual([r.noise!.id])
    expect(await find('3-2-1101')).toEqual([r.leak!.id])
    expect(await find('3栋2单元1101室')).toEqual([r.leak!.id])
    expect(await find('3 2')).toEqual([r.leak!.id])
    expect(await find('a-1')).toEqual([r.lift!.id]) // letters in either case
    expect(await find('欧阳')).toEqual([r.lift!.id])
    expect(await find('王')).toEqual([r.leak!.id])
  })

  it('finds words of the matter through its 2-grams, checked for the whole text, when nothing else has it', async () => {
    const r = await searchable()
    expect(await find('漏水')).toEqual([r.leak!.id])
    expect(await find('水龙头漏水')).toEqual([r.leak!.id])
    expect(await find('十点后')).toEqual([r.noise!.id])
    expect(await find('装修 噪音')).toEqual([r.noise!.id]) // spaces and punctuation do not count
    expect(await find('e3报错')).toEqual([r.lift!.id]) // case-blind, letters and digits in the matter
    expect(await find('噪音漏水')).toEqual([]) // both pairs occur, the text does not
    expect(await find('漏')).toEqual([]) // one character finds rooms and names only
    expect(await find('噪音', { categories: ['repair'] })).toEqual([])
    expect(await find('噪音', { queue: 'overdue' })).toEqual([])
    expect(await find('噪音', { statuses: ['open'], categories: ['complaint'] })).toEqual([r.noise!.id])
  })

  it('reads a two-character word straight from the pair index, newest first; longer words are checked on the rarest pair', async () => {
    db = freshDb()
    const rows = await put(
      ...Array.from({ length: 30 }, (_, i): [Reception, ReceptionEvent[]] => [reception({ matter: i % 3 ? `${i}号楼电梯异响` : `${i}号楼厨房漏水`, receivedAt: T0 - i * HOUR }), []]),
    )
    const leaks = rows.filter((r) => r.matter.includes('漏水')).map((r) => r.id)
    const word = await openRegister(db, SITE, { queue: 'all', text: '漏水' }, VIEWERS[0]!, T0, settings, { tuning: { top: 2, leaf: 3 } })
    expect(word).toMatchObject({ plan: 'index', total: 10 })
    expect((await word.window(3, 8)).map((r) => r.id)).toEqual(leaks.slice(3, 8))
    const longer = await openRegister(db, SITE, { queue: 'all', text: '厨房漏水' }, VIEWERS[0]!, T0, settings)
    expect(longer).toMatchObject({ plan: 'scan', total: 10 })
    expect((await longer.window(0, 10)).map((r) => r.id)).toEqual(leaks)
    expect((await openRegister(db, SITE, { queue: 'all', text: '电梯漏水' }, VIEWERS[0]!, T0, settings)).total).toBe(0)
    // A word and a filter: the smaller side is read, the other checked.
    const recent = await openRegister(db, SITE, { queue: 'all', text: '漏水', from: T0 - 10 * HOUR }, VIEWERS[0]!, T0, settings)
    expect((await recent.window(0, 10)).map((r) => r.id)).toEqual(leaks.slice(0, 4))
  })

  it('reads at most textCap candidates for the list, and says the text is too broad beyond', async () => {
    await searchable()
    const broad = await openRegister(db, SITE, { queue: 'all', text: '3' }, VIEWERS[0]!, T0, settings, { textCap: 0 })
    // Candidates are looked up no further than the cap (the other site's among them), the total says which cap.
    expect(broad).toMatchObject({ plan: 'text', tooBroad: true, total: 0 })
    expect(await broad.window(0, 10)).toEqual([])
    const narrow = await openRegister(db, SITE, { queue: 'all', text: '3' }, VIEWERS[0]!, T0, settings)
    expect(narrow).toMatchObject({ plan: 'text', tooBroad: false, total: 1 })
  })
})

describe('the register in a live query', () => {
  it('is read again when a request in its ranges changes', async () => {
    db = freshDb()
    const [row] = await put([reception({ receivedAt: T0 - DAY }), []])
    const seen: number[] = []
    const sub = liveQuery(async () => (await openRegister(db, SITE, { queue: 'open' }, VIEWERS[0]!, T0, settings)).total).subscribe((n) => seen.push(n))
    await expect.poll(() => seen).toEqual([1])
    await putRows([{ ...row!, status: 'closed', resolvedAt: T0, pending: null, unresolved: null }])
    await expect.poll(() => seen).toEqual([1, 0])
    await put([reception({ receivedAt: T0 - 2 * DAY }), []])
    await expect.poll(() => seen).toEqual([1, 0, 1])
    sub.unsubscribe()
  })
})

describe('the index row', () => {
  it('keeps the queue flags, the latest department handed to and the pairs of the matter', async () => {
    const r = reception({ category: 'complaint', matter: '噪音 噪音！' })
    expect(indexRow(r, [])).toMatchObject({ pending: 1, unresolved: 1, unanswered: 1, handedTo: null, grams: [['噪音', T0], ['音噪', T0]] })
    const handed = [event(r, 'handedOver', T0 + HOUR, { departmentId: DEPTS[0]! }), event(r, 'handedOver', T0 + 2 * HOUR, { departmentId: DEPTS[1]! })]
    const answered = event(r, 'answered', T0 + 3 * HOUR)
    const result = event(r, 'result', T0 + 4 * HOUR)
    const visit = event(r, 'returnVisit', T0 + 5 * HOUR, { satisfaction: 'satisfied' })
    expect(indexRow(r, [...handed, answered])).toMatchObject({ pending: 1, unresolved: 1, unanswered: null, handedTo: DEPTS[1], departmentId: DEPTS[1] })
    expect(indexRow(r, [...handed, answered, result])).toMatchObject({ status: 'awaitingVisit', pending: 1, unresolved: null, handedTo: DEPTS[1], departmentId: null })
    expect(indexRow(r, [...handed, answered, result, visit])).toMatchObject({ status: 'closed', pending: null, unresolved: null })
  })

  it('indexes the distinct pairs of a matter, NFKC and lower case, up to a limit', () => {
    expect(matterGrams('ＡＢ座，电梯')).toEqual(['ab', 'b座', '座电', '电梯'])
    expect(matterGrams('漏')).toEqual([])
    expect(matterGrams('一二三四五六七八九十'.repeat(100)).length).toBe(10)
    expect(matterGrams(Array.from({ length: 600 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('')).length).toBe(256)
  })
})

describe('counts per day', () => {
  const stored = async (): Promise<Record<string, unknown>> => Object.fromEntries((await db.meta.where('key').startsWith('registerCount|').toArray()).map((m) => [m.key, m.value]))
  const recount = async (): Promise<Record<string, number>> => Object.fromEntries(countChanges([], await db.receptionIndex.toArray()))

  it('counts every counted range of every row per day, and follows rows rewritten to other days, statuses, owners and departments', async () => {
    db = freshDb()
    await randomRegister(150, 5)
    expect(await stored()).toEqual(await recount())
    const rand = random(9)
    const rows = await db.receptionIndex.toArray()
    const changed = rows.filter(() => rand() < 0.5).map((r) => ({ ...r, receivedAt: r.receivedAt + Math.floor((rand() - 0.5) * 4 * DAY_MS), status: 'closed' as const, pending: null, unresolved: null, ownerId: CLERKS[2]!, handedTo: rand() < 0.5 ? null : DEPTS[1]! }))
    await putRows(changed)
    expect(await stored()).toEqual(await recount())
    // Nothing changed, nothing to count: the same rows again.
    await putRows(changed)
    expect(await stored()).toEqual(await recount())
  })

  it('follows requests pulled from the server, as the pull applies them (its transaction holds meta)', async () => {
    db = freshDb()
    const r = reception({ receivedAt: T0 - DAY })
    const handed = event(r, 'handedOver', T0 - DAY + HOUR, { departmentId: DEPTS[0]! })
    const [derivation] = derivationsFor(['receptions', 'receptionEvents'])
    await db.transaction('rw', [...derivation!.tables, 'outbox'], async () => {
      await db.receptions.put(r)
      await db.receptionEvents.put(handed)
      await derivation!.refresh(db, [
        { table: 'receptions', id: r.id, data: r },
        { table: 'receptionEvents', id: handed.id, data: handed },
      ])
    })
    expect(await stored()).toEqual(await recount())
    expect(await countRegister(db, SITE, { queue: 'all', departmentId: DEPTS[0]! }, VIEWERS[0]!, T0, settings)).toBe(1)
  })

  it('leaves out of a range a row missing one of its key parts', () => {
    const row = indexRow(reception({ siteId: SITE }), [])
    expect(countedRanges(row).map((k) => k.split('|')[1])).toEqual(['site', 'status', 'category', 'categoryStatus', 'pending', 'unresolved', 'owner'])
    expect(Object.keys(COUNTED_INDEXES)).toHaveLength(10)
  })
})

describe('schema version 5', () => {
  it('fills in the new keys of index rows written by version 4, the hand-over from the timeline', async () => {
    const name = `test-${id()}`
    const v4 = new DeskbookDb(name, SCHEMA_VERSIONS.filter((v) => v.version <= 4))
    const r = reception({ category: 'complaint', matter: '楼道噪音' })
    const events = [event(r, 'handedOver', T0 + HOUR, { departmentId: DEPTS[0]! }), event(r, 'result', T0 + 2 * HOUR)]
    const full = indexRow(r, events)
    const { pending, unresolved, unanswered, handedTo, grams, ...old } = full
    expect([pending, unresolved, unanswered, handedTo, grams]).toEqual([1, null, null, DEPTS[0], [['楼道', T0], ['道噪', T0], ['噪音', T0]]])
    await v4.receptionIndex.put(old)
    await v4.receptionEvents.bulkPut(events)
    v4.close()
    db = new DeskbookDb(name)
    expect(await db.receptionIndex.get(r.id)).toEqual(full)
    expect(Object.fromEntries((await db.meta.where('key').startsWith('registerCount|').toArray()).map((m) => [m.key, m.value]))).toEqual(Object.fromEntries(countChanges([], [full])))
    const found = await queryRegister(db, SITE, { queue: 'open', categories: ['complaint'] as Category[], statuses: ['awaitingVisit'] as Status[], departmentId: DEPTS[0]!, text: '噪音' }, VIEWERS[0]!, T0, settings)
    expect(found.map((x) => x.id)).toEqual([r.id])
  })
})
