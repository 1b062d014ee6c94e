/**
 * Issue 4 point 8, on the server: departments see only items handed to them; only supervisor and
 * manager take over; only the manager closes as unresolvable; nobody edits history.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { Review } from '@shared/domain/review'
import type { Customer, Room } from '@shared/domain/archive'
import type { Role } from '@shared/domain/role'
import type { Mutation } from '@shared/sync/mutation'
import type { PushResult } from '@shared/sync/protocol'
import { HOUR, MINUTE } from '@shared/domain/time'
import { BACKENDS } from '../support/server-db'
import { departmentPut, enrol, mutation, pullAll, pushOk, siteWithAdmin, testServer, type TestDevice, type TestServer, VERIFIER, applied, rejected, type Expect } from '../support/server-fixtures'


type Who = 'admin' | 'assistant' | 'supervisor' | 'manager' | 'engineer' | 'guard'

describe.each(BACKENDS)('register permissions on $name', (backend) => {
  let s: TestServer
  let tablet: TestDevice
  let siteId: string
  let staff: Record<Who, string>
  let engineering: string
  let security: string
  let t0: number

  afterEach(async () => s?.close())

  beforeEach(async () => {
    s = await testServer(backend)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    t0 = s.clock.now
    tablet = await enrol(s, siteId)
    engineering = newId()
    security = newId()
    staff = { admin: site.adminStaffId, assistant: newId(), supervisor: newId(), manager: newId(), engineer: newId(), guard: newId() }
    const member = (who: Who, name: string, role: Role, departmentId: string | null): Mutation =>
      mutation(tablet, staff.admin, { name: 'staff.put', table: 'staff', recordId: staff[who], fields: { id: staff[who], siteId, name, role, departmentId, pin: VERIFIER, active: true } })
    const { results } = await pushOk(s, tablet, [
      departmentPut(tablet, staff.admin, { id: engineering, name: '物业工程部' }),
      departmentPut(tablet, staff.admin, { id: security, name: '安保部' }),
      member('assistant', '李娜', 'assistant', null),
      member('supervisor', '赵主管', 'supervisor', null),
      member('manager', '陈经理', 'manager', null),
      member('engineer', '张师傅', 'department', engineering),
      member('guard', '刘保安', 'department', security),
    ])
    expect(results.map((r) => r.status)).toEqual(Array(7).fill('applied'))
  })

  function reception(who: Who, overrides: Partial<Reception> = {}): Reception {
    return {
      id: newId(),
      siteId,
      ref: '20261127-A001',
      receivedAt: t0 - 50 * HOUR,
      channel: 'visit',
      receiverId: staff[who],
      relayedBy: '',
      room: '3-2-1101',
      roomId: null,
      customerId: null,
      customerName: '王建国',
      honorific: 'mr',
      phone: '13812345678',
      matter: '厨房水管漏水',
      category: 'repair',
      urgency: 'urgent',
      createdAt: t0 - 50 * HOUR,
      ...overrides,
    }
  }

  function event(who: Who, receptionId: string, type: ReceptionEvent['type'], overrides: Partial<ReceptionEvent> = {}): ReceptionEvent {
    return {
      id: newId(),
      siteId,
      receptionId,
      type,
      at: t0,
      staffId: staff[who],
      note: '',
      departmentId: null,
      assignee: '',
      satisfaction: null,
      level: null,
      correction: null,
      signatureId: null,
      createdAt: t0,
      ...overrides,
    }
  }

  function review(who: Who, kind: Review['kind'], overrides: Partial<Review> = {}): Review {
    return { id: newId(), siteId, kind, period: kind === 'registerDaily' ? '2026-11-26' : '2026-11-16', reviewerId: staff[who], at: t0, covered: [], openCount: 0, comment: '', signatureId: null, ...overrides }
  }

  const create = (who: Who, r: Reception): Mutation => mutation(tablet, staff[who], { name: 'reception.create', table: 'receptions', recordId: r.id, fields: r })
  const add = (who: Who, e: ReceptionEvent): Mutation => mutation(tablet, staff[who], { name: 'receptionEvent.add', table: 'receptionEvents', recordId: e.id, fields: e })
  const addReview = (who: Who, r: Review): Mutation => mutation(tablet, staff[who], { name: 'review.add', table: 'reviews', recordId: r.id, fields: r })

  async function pushOne(m: Mutation): Promise<PushResult> {
    const { results } = await pushOk(s, tablet, [m])
    return results[0]!
  }

  /** Push each step on its own, in order, and check its answer. */
  async function expectSteps(steps: [string, Mutation, Expect][]): Promise<void> {
    for (const [label, m, want] of steps) {
      const got = await pushOne(m)
      if (want.status === 'rejected') expect(got, label).toMatchObject({ id: m.id, status: 'rejected', reason: expect.stringMatching(want.reason) })
      else expect(got, label).toEqual({ id: m.id, status: want.status })
    }
  }

  it('lets each role do only its part of a request’s timeline (篇4 3.1–3.4, 4.6–4.8)', async () => {
    const r = reception('assistant')
    const done = 'departmentDone'
    await expectSteps([
      ['assistant registers', create('assistant', r), applied],
      ['assistant registers in the supervisor’s name', create('assistant', reception('supervisor', { ref: '20261127-A002' })), rejected(/^actorMismatch: receiverId$/)],
      ['engineering staff register a request', create('engineer', reception('engineer', { ref: '20261127-A003' })), rejected(/^notAllowed: department may not reception\.register$/)],
      ['assistant hands over to engineering', add('assistant', event('assistant', r.id, 'handedOver', { departmentId: engineering, assignee: '张师傅' })), applied],
      ['a hand-over without a department', add('assistant', event('assistant', r.id, 'handedOver')), rejected(/departmentRequired/)],
      ['engineering hands it on', add('engineer', event('engineer', r.id, 'handedOver', { departmentId: security })), rejected(/^notAllowed: department may not reception\.handToDepartment$/)],
      ['engineering reports done', add('engineer', event('engineer', r.id, done, { note: '已更换水管', at: t0 + MINUTE })), applied],
      ['engineering follows up', add('engineer', event('engineer', r.id, 'followUp', { note: '明天再看一次', at: t0 + 2 * MINUTE })), applied],
      ['security reports on engineering’s item', add('guard', event('guard', r.id, done, { note: '已处理', at: t0 + MINUTE })), rejected(/not handed to this department/)],
      ['security follows up on engineering’s item', add('guard', event('guard', r.id, 'followUp', { note: '看过', at: t0 + MINUTE })), rejected(/not handed to this department/)],
      ['engineering adds the result', add('engineer', event('engineer', r.id, 'result', { note: '已修好', at: t0 + 3 * MINUTE })), rejected(/a department reports and follows up only/)],
      ['engineering records the return visit', add('engineer', event('engineer', r.id, 'returnVisit', { satisfaction: 'satisfied', at: t0 + 3 * MINUTE })), rejected(/a department reports and follows up only/)],
      ['engineering reports in someone else’s name', add('engineer', event('assistant', r.id, 'followUp', { note: '代记' })), rejected(/^actorMismatch: staffId$/)],
      ['assistant takes over', add('assistant', event('assistant', r.id, 'takenOver', { level: 'supervisor' })), rejected(/^notAllowed: assistant may not reception\.takeOver$/)],
      ['administrator takes over', add('admin', event('admin', r.id, 'takenOver', { level: 'supervisor' })), rejected(/^notAllowed: administrator may not reception\.takeOver$/)],
      ['supervisor takes over at the manager level', add('supervisor', event('supervisor', r.id, 'takenOver', { level: 'manager' })), rejected(/supervisor takes over at the supervisor level/)],
      ['supervisor takes over without a level', add('supervisor', event('supervisor', r.id, 'takenOver')), rejected(/levelRequired/)],
      ['supervisor takes over at the supervisor level', add('supervisor', event('supervisor', r.id, 'takenOver', { level: 'supervisor', at: t0 + 4 * MINUTE })), applied],
      ['manager takes over at the supervisor level', add('manager', event('manager', r.id, 'takenOver', { level: 'supervisor' })), rejected(/manager takes over at the manager level/)],
      ['manager takes over at the manager level', add('manager', event('manager', r.id, 'takenOver', { level: 'manager', at: t0 + 5 * MINUTE })), applied],
      ['assistant closes as unresolvable', add('assistant', event('assistant', r.id, 'closedUnresolvable', { note: '非物业责任' })), rejected(/^notAllowed: assistant may not reception\.closeUnresolvable$/)],
      ['supervisor closes as unresolvable', add('supervisor', event('supervisor', r.id, 'closedUnresolvable', { note: '非物业责任' })), rejected(/^notAllowed: supervisor may not reception\.closeUnresolvable$/)],
      ['engineering closes as unresolvable', add('engineer', event('engineer', r.id, 'closedUnresolvable', { note: '修不了' })), rejected(/^notAllowed: department may not reception\.closeUnresolvable$/)],
      ['manager closes as unresolvable without a reason', add('manager', event('manager', r.id, 'closedUnresolvable', { note: '  ' })), rejected(/noteRequired/)],
      ['manager closes as unresolvable with the reason', add('manager', event('manager', r.id, 'closedUnresolvable', { note: '属市政供水管网,已告知业主向自来水公司报修', at: t0 + 6 * MINUTE })), applied],
      ['an event for a request nobody registered', add('assistant', event('assistant', newId(), 'followUp', { note: '已联系' })), rejected(/^unknownReception$/)],
      ['a department event for a request nobody registered', add('engineer', event('engineer', newId(), done, { note: '已修好' })), rejected(/^unknownReception$/)],
    ])
    const dead = await s.db.kysely.selectFrom('dead_letters').select('reason').where('site_id', '=', siteId).execute()
    expect(dead).toHaveLength(20)
  })

  it('lets a department report from a tablet whose clock was behind the hand-over', async () => {
    const r = reception('assistant')
    await expectSteps([
      ['assistant registers', create('assistant', r), applied],
      ['assistant hands over to engineering', add('assistant', event('assistant', r.id, 'handedOver', { departmentId: engineering })), applied],
      ['engineering reports done, stamped 3 minutes before the hand-over', add('engineer', event('engineer', r.id, 'departmentDone', { note: '已修好', at: t0 - 3 * MINUTE })), applied],
      ['security still may not', add('guard', event('guard', r.id, 'departmentDone', { note: '已修好', at: t0 - 3 * MINUTE })), rejected(/not handed to this department/)],
    ])
  })

  it('takes the department’s report as the result: the desk records the return visit and the owner’s signature on it, a department may not (篇4 4.6)', async () => {
    const r = reception('assistant')
    const signature = { id: newId(), siteId, subjectType: 'reception' as const, subjectId: r.id, signerName: '王先生', signerStaffId: null, image: 'data:image/png;base64,iVBORw0KGgo=', signedAt: t0 + 3 * HOUR }
    const addSignature = (who: Who): Mutation => mutation(tablet, staff[who], { name: 'signature.add', table: 'signatures', recordId: signature.id, fields: signature })
    await expectSteps([
      ['assistant registers', create('assistant', r), applied],
      ['assistant hands over to engineering', add('assistant', event('assistant', r.id, 'handedOver', { departmentId: engineering })), applied],
      ['engineering reports done', add('engineer', event('engineer', r.id, 'departmentDone', { note: '已更换水管', at: t0 + HOUR })), applied],
      ['engineering records the return visit on its own report', add('engineer', event('engineer', r.id, 'returnVisit', { satisfaction: 'satisfied', at: t0 + 2 * HOUR })), rejected(/a department reports and follows up only/)],
      ['engineering has the owner sign', add('engineer', event('engineer', r.id, 'signed', { note: '王先生', signatureId: signature.id, at: t0 + 2 * HOUR })), rejected(/a department reports and follows up only/)],
      ['the desk records the return visit, no result of its own', add('assistant', event('assistant', r.id, 'returnVisit', { satisfaction: 'satisfied', note: '电话回访', at: t0 + 2 * HOUR })), applied],
      ['the owner’s signature', addSignature('assistant'), applied],
      ['the signature on the timeline', add('assistant', event('assistant', r.id, 'signed', { note: '王先生', signatureId: signature.id, at: t0 + 3 * HOUR })), applied],
      ['the desk may still add its own result', add('assistant', event('assistant', r.id, 'result', { note: '业主确认已修好', at: t0 + 4 * HOUR })), applied],
    ])
  })

  it('follows the hand-over: handed on to security, engineering may no longer report, security may', async () => {
    const r = reception('assistant')
    await expectSteps([
      ['assistant registers', create('assistant', r), applied],
      ['to engineering', add('assistant', event('assistant', r.id, 'handedOver', { departmentId: engineering })), applied],
      ['on to security', add('assistant', event('assistant', r.id, 'handedOver', { departmentId: security, at: t0 + HOUR })), applied],
      ['engineering reports after that', add('engineer', event('engineer', r.id, 'departmentDone', { note: '已修好', at: t0 + 2 * HOUR })), rejected(/not handed to this department/)],
      ['security reports', add('guard', event('guard', r.id, 'departmentDone', { note: '已处理', at: t0 + 2 * HOUR })), applied],
    ])
  })

  it('lets nobody edit history: a registered request or an event never changes, a replay is harmless', async () => {
    const r = reception('assistant')
    const registered = create('assistant', r)
    const e = event('assistant', r.id, 'followUp', { note: '已联系业主' })
    const followed = add('assistant', e)
    await expectSteps([
      ['assistant registers', registered, applied],
      ['assistant follows up', followed, applied],
      ['the same create pushed again', registered, { status: 'duplicate' }],
      ['the same event pushed again', followed, { status: 'duplicate' }],
      ['the same record in a new mutation (a re-queued write)', create('assistant', r), applied],
      ['the request with another matter', create('assistant', { ...r, matter: '改成:门禁卡失灵' }), rejected(/^appendOnlyChanged$/)],
      ['only the matter, rewritten', mutation(tablet, staff.assistant, { name: 'reception.create', table: 'receptions', recordId: r.id, fields: { matter: '改' } }), rejected(/^appendOnlyChanged$/)],
      ['the request deleted', mutation(tablet, staff.assistant, { name: 'reception.create', table: 'receptions', recordId: r.id, fields: { _deleted: true } }), rejected(/^appendOnlyChanged$/)],
      ['the event with another note', add('assistant', { ...e, note: '未联系上' }), rejected(/^appendOnlyChanged$/)],
      ['the event with another type', add('assistant', { ...e, type: 'result' }), rejected(/^appendOnlyChanged$/)],
      ['the manager rewriting the request', create('manager', { ...r, receiverId: staff.manager }), rejected(/^appendOnlyChanged$/)],
      ['a correction is a new event', add('assistant', event('assistant', r.id, 'correction', { correction: { matter: '厨房和卫生间水管漏水' } })), applied],
    ])
    const stored = await s.db.kysely.selectFrom('records').select(['data']).where('site_id', '=', siteId).where('record_id', '=', r.id).executeTakeFirstOrThrow()
    expect(JSON.parse(stored.data)).toEqual(r)
    const storedEvent = await s.db.kysely.selectFrom('records').select(['data']).where('site_id', '=', siteId).where('record_id', '=', e.id).executeTakeFirstOrThrow()
    expect(JSON.parse(storedEvent.data)).toEqual(e)
    const { changes } = await pullAll(s, tablet)
    expect(changes.filter((c) => c.table === 'receptions')).toHaveLength(1)
    expect(changes.filter((c) => c.table === 'receptionEvents')).toHaveLength(2)
  })

  it('lets the supervisor review each day (4.3) and the manager each week (4.9)', async () => {
    await expectSteps([
      ['supervisor, daily', addReview('supervisor', review('supervisor', 'registerDaily')), applied],
      ['assistant, daily', addReview('assistant', review('assistant', 'registerDaily')), rejected(/^notAllowed: assistant may not review\.registerDaily$/)],
      ['administrator, daily', addReview('admin', review('admin', 'registerDaily')), rejected(/^notAllowed: administrator may not review\.registerDaily$/)],
      ['manager, daily', addReview('manager', review('manager', 'registerDaily')), rejected(/^notAllowed: manager may not review\.registerDaily$/)],
      ['supervisor, daily in the manager’s name', addReview('supervisor', review('manager', 'registerDaily')), rejected(/^actorMismatch: reviewerId$/)],
      ['manager, weekly', addReview('manager', review('manager', 'registerWeekly')), applied],
      ['supervisor, weekly', addReview('supervisor', review('supervisor', 'registerWeekly')), rejected(/^notAllowed: supervisor may not review\.registerWeekly$/)],
      ['engineering, weekly', addReview('engineer', review('engineer', 'registerWeekly')), rejected(/^notAllowed: department may not review\.registerWeekly$/)],
    ])
  })

  it('takes a review only of a day or week that has ended in the site’s time zone, as the tablet does', async () => {
    // The server's clock: 2026-11-27 23:50 in Shanghai (a tablet 5 minutes ahead is not refused at its midnight).
    s.clock.now = Date.UTC(2026, 10, 27, 15, 50)
    await expectSteps([
      ['today, before midnight', addReview('supervisor', review('supervisor', 'registerDaily', { period: '2026-11-27' })), rejected(/^periodNotOver$/)],
      ['the duty log of today', addReview('supervisor', review('supervisor', 'dutyLogDaily', { period: '2026-11-27' })), rejected(/^periodNotOver$/)],
      ['this week, not over', addReview('manager', review('manager', 'registerWeekly', { period: '2026-11-23' })), rejected(/^periodNotOver$/)],
      ['yesterday', addReview('supervisor', review('supervisor', 'registerDaily', { period: '2026-11-26' })), applied],
    ])
    s.clock.now = Date.UTC(2026, 10, 27, 15, 56) // 23:56: within the slack of a tablet's midnight
    await expectSteps([['today, signed at the tablet’s midnight', addReview('supervisor', review('supervisor', 'registerDaily', { period: '2026-11-27' })), applied]])
  })

  it('lets the desk keep the customer archive, and not a department (篇5 7)', async () => {
    const room = (): Room => ({ id: newId(), siteId, building: '3', unit: '2', number: '1101', label: '3-2-1101', note: '', active: true })
    const customer = (roomId: string): Customer => ({ id: newId(), siteId, roomId, name: '王建国', honorific: 'mr', relation: 'owner', phones: ['13812345678'], moveInDate: '2020-05-01', note: '', active: true })
    const putRoom = (who: Who, r: Room): Mutation => mutation(tablet, staff[who], { name: 'room.put', table: 'rooms', recordId: r.id, fields: r })
    const putCustomer = (who: Who, c: Customer): Mutation => mutation(tablet, staff[who], { name: 'customer.put', table: 'customers', recordId: c.id, fields: c })
    const r = room()
    const c = customer(r.id)
    await expectSteps([
      ['assistant adds a room', putRoom('assistant', r), applied],
      ['assistant adds its owner', putCustomer('assistant', c), applied],
      ['supervisor adds a room', putRoom('supervisor', room()), applied],
      ['engineering adds a room', putRoom('engineer', room()), rejected(/^notAllowed: department may not archive\.edit$/)],
      ['engineering adds a customer', putCustomer('engineer', customer(r.id)), rejected(/^notAllowed: department may not archive\.edit$/)],
      ['security edits the owner’s phone', mutation(tablet, staff.guard, { name: 'customer.put', table: 'customers', recordId: c.id, fields: { phones: ['13900000000'] } }), rejected(/^notAllowed: department may not archive\.edit$/)],
      ['assistant edits the owner’s phone', mutation(tablet, staff.assistant, { name: 'customer.put', table: 'customers', recordId: c.id, fields: { phones: ['13900000000'] } }, t0 + 1000), applied],
    ])
    const stored = await s.db.kysely.selectFrom('records').select(['parent_id', 'data']).where('site_id', '=', siteId).where('record_id', '=', c.id).executeTakeFirstOrThrow()
    expect(stored.parent_id).toBe(r.id)
    expect(JSON.parse(stored.data).phones).toEqual(['13900000000'])
  })

  it('keeps every timeline event under its request (parent_id), and tablets pull them all', async () => {
    const one = reception('assistant')
    const two = reception('assistant', { ref: '20261127-A002' })
    const events = [
      event('assistant', one.id, 'handedOver', { departmentId: engineering }),
      event('engineer', one.id, 'departmentDone', { note: '已修好', at: t0 + MINUTE }),
      event('assistant', two.id, 'answered', { note: '已电话答复' }),
      event('assistant', one.id, 'result', { note: '已修好,业主确认', at: t0 + 2 * MINUTE }),
    ]
    const { results } = await pushOk(s, tablet, [create('assistant', one), create('assistant', two), ...events.map((e) => add(e.staffId === staff.engineer ? 'engineer' : 'assistant', e))])
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('applied'))
    const rows = await s.db.kysely.selectFrom('records').select(['record_id', 'parent_id', 'table_name']).where('site_id', '=', siteId).where('table_name', 'in', ['receptions', 'receptionEvents']).execute()
    const parentOf = Object.fromEntries(rows.map((row) => [row.record_id, row.parent_id]))
    for (const e of events) expect(parentOf[e.id], e.type).toBe(e.receptionId)
    expect(parentOf[one.id]).toBeNull()
    expect(parentOf[two.id]).toBeNull()
    const pulled = (await pullAll(s, tablet)).changes.filter((c) => c.table === 'receptionEvents')
    expect(pulled.map((c) => [c.id, c.data.receptionId]).sort()).toEqual(events.map((e) => [e.id, e.receptionId]).sort())
  })
})
