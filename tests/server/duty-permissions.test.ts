/**
 * Issue 5 on the server: the duty log and what the desk keeps are confidential to the site's desk
 * (篇2 4.2.4); a shift handed over is locked (4.3.4–4.3.5), once, by two different clerks who both
 * signed; the supervisor reviews the log (4.2.5); the administrator pins the day's notes (4.4.4).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { shiftKey, type DutyEntry } from '@shared/domain/duty-log'
import type { Handover } from '@shared/domain/handover'
import type { DayNote } from '@shared/domain/day-note'
import type { Loan, LoanReturn, PaidService, Periodical } from '@shared/domain/desk-services'
import type { Reception } from '@shared/domain/reception'
import type { Review } from '@shared/domain/review'
import type { Role } from '@shared/domain/role'
import type { Signature } from '@shared/domain/signature'
import type { ShiftType } from '@shared/domain/shift-type'
import { HOUR, MINUTE, instantAt } from '@shared/domain/time'
import { CONFIDENTIAL_TABLES, INSPECTION_TABLES, ROSTER_TABLES } from '@shared/sync/registry'

/** The duty log's own confidential tables (inspections are tested in inspection-permissions.test.ts). */
// The inspections, the roster and the access trail (tests/server/access-trail.test.ts) have their own tests.
const DUTY_TABLES = CONFIDENTIAL_TABLES.filter((t) => !INSPECTION_TABLES.includes(t) && !ROSTER_TABLES.includes(t) && t !== 'accessTrail' && t !== 'notices')
import type { Mutation } from '@shared/sync/mutation'
import type { CountsResponse, PushResult } from '@shared/sync/protocol'
import { BACKENDS } from '../support/server-db'
import { enrol, mutation, protocolHeaders, pullAll, pushOk, siteWithAdmin, testServer, type TestDevice, type TestServer, VERIFIER, applied, rejected, type Expect } from '../support/server-fixtures'

const SIGNATURE_IMAGE = 'data:image/png;base64,iVBORw0KGgo='
const TZ = 'Asia/Shanghai'

type Who = 'admin' | 'assistant' | 'colleague' | 'supervisor' | 'manager' | 'engineer'

describe.each(BACKENDS)('duty log permissions on $name', (backend) => {
  let s: TestServer
  let desk: TestDevice
  let deptTablet: TestDevice
  let siteId: string
  let staff: Record<Who, string>
  let engineering: string
  let dayShift: ShiftType
  let nightShift: ShiftType
  /** The day shift of 2026-11-27, the night shift after it, and the next day's day shift. */
  let day: string
  let night: string
  let nextDay: string
  let t0: number

  afterEach(async () => s?.close())

  beforeEach(async () => {
    s = await testServer(backend)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    t0 = s.clock.now
    desk = await enrol(s, siteId)
    deptTablet = await enrol(s, siteId, '工程部平板', 'department')
    engineering = newId()
    staff = { admin: site.adminStaffId, assistant: newId(), colleague: newId(), supervisor: newId(), manager: newId(), engineer: newId() }
    dayShift = { id: newId(), siteId, code: '白', name: '白班', start: '08:00', end: '20:00', active: true }
    nightShift = { id: newId(), siteId, code: '夜', name: '夜班', start: '20:00', end: '08:00', active: true }
    day = shiftKey('2026-11-27', dayShift.id)
    night = shiftKey('2026-11-27', nightShift.id)
    nextDay = shiftKey('2026-11-28', dayShift.id)
    const member = (who: Who, name: string, role: Role, departmentId: string | null = null): Mutation =>
      mutation(desk, staff.admin, { name: 'staff.put', table: 'staff', recordId: staff[who], fields: { id: staff[who], siteId, name, role, departmentId, pin: VERIFIER, active: true } })
    const { results } = await pushOk(s, desk, [
      mutation(desk, staff.admin, { name: 'department.put', table: 'departments', recordId: engineering, fields: { id: engineering, siteId, name: '物业工程部', active: true } }),
      mutation(desk, staff.admin, { name: 'shiftType.put', table: 'shiftTypes', recordId: dayShift.id, fields: dayShift }),
      mutation(desk, staff.admin, { name: 'shiftType.put', table: 'shiftTypes', recordId: nightShift.id, fields: nightShift }),
      member('assistant', '李娜', 'assistant'),
      member('colleague', '张敏', 'assistant'),
      member('supervisor', '赵主管', 'supervisor'),
      member('manager', '陈经理', 'manager'),
      member('engineer', '张师傅', 'department', engineering),
    ])
    expect(results.map((r) => r.status)).toEqual(Array(8).fill('applied'))
  })

  // Records as the tablet makes them.

  function dutyEntry(who: Who, key: string, overrides: Partial<DutyEntry> = {}): DutyEntry {
    return {
      id: newId(),
      siteId,
      shiftKey: key,
      kind: 'entry',
      at: t0,
      source: 'call',
      content: '3-2-1101 业主来电:楼道灯不亮',
      urgency: 'normal',
      action: '已通知工程部',
      notified: '工程部 张师傅',
      followUp: true,
      escalation: 'none',
      staffId: staff[who],
      correctsId: null,
      resolvesFollowUp: false,
      paperRef: '',
      createdAt: t0,
      ...overrides,
    }
  }

  function handover(outgoing: Who, incoming: Who, from: string, to: string, overrides: Partial<Handover> = {}): Handover {
    const startsAt = instantAt('2026-11-27', '20:00', TZ)
    return {
      id: newId(),
      siteId,
      fromShiftKey: from,
      toShiftKey: to,
      outgoingId: staff[outgoing],
      incomingId: staff[incoming],
      arrivedAt: startsAt - 20 * MINUTE,
      shiftStartsAt: startsAt,
      late: false,
      acknowledgements: [],
      checks: [{ checkId: 'supplies', text: '前台各种工作用品完好、整洁、有序', ok: true, note: '' }],
      counts: [
        { itemId: 'keys', name: '钥匙', kind: 'count', expected: 12, counted: 12, note: '', nextReceiptNo: '' },
        { itemId: 'receipts', name: '收款收据', kind: 'receiptBook', expected: 1, counted: 1, note: '', nextReceiptNo: 'A00124' },
        { itemId: 'cash', name: '备用金(元)', kind: 'cash', expected: 500.5, counted: 500.5, note: '', nextReceiptNo: '' },
      ],
      outgoingSignatureId: newId(),
      incomingSignatureId: newId(),
      outgoingSignedAt: startsAt - 10 * MINUTE,
      incomingSignedAt: startsAt - 10 * MINUTE,
      createdAt: startsAt - 10 * MINUTE,
      ...overrides,
    }
  }

  function signature(id: string, subjectId: string, who: Who): Signature {
    return { id, siteId, subjectType: 'handover', subjectId, signerName: who, signerStaffId: staff[who], image: SIGNATURE_IMAGE, signedAt: t0 }
  }

  const review = (who: Who, kind: Review['kind']): Review => ({ id: newId(), siteId, kind, period: '2026-11-26', reviewerId: staff[who], at: t0, covered: [], openCount: 0, comment: '', signatureId: null })
  const dayNote = (who: Who, overrides: Partial<DayNote> = {}): DayNote => ({ id: newId(), siteId, date: '2026-11-27', text: '今日下午停水 14:00–16:00,请提前告知来访业主', staffId: staff[who], at: t0, ...overrides })
  const loan = (who: Who): Loan => ({ id: newId(), siteId, item: '雨伞', quantity: 2, borrower: '王先生', room: '3-2-1101', phone: '13812345678', lentAt: t0, staffId: staff[who], note: '' })
  const loanReturn = (who: Who, loanId: string): LoanReturn => ({ id: newId(), siteId, loanId, returnedAt: t0 + HOUR, staffId: staff[who], note: '' })
  const periodical = (who: Who): Periodical => ({ id: newId(), siteId, title: '南方都市报', issue: '2026-11-27', copies: 3, receivedAt: t0, filed: true, staffId: staff[who] })
  const paidService = (who: Who): PaidService => ({ id: newId(), siteId, at: t0, service: '复印', room: '3-2-1101', customerName: '王先生', amountFen: 150, receiptNo: 'A00123', staffId: staff[who] })
  const reception = (who: Who): Reception => ({
    id: newId(),
    siteId,
    ref: '20261127-A001',
    receivedAt: t0 - HOUR,
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
    createdAt: t0 - HOUR,
  })

  // Their mutations. `on` is the tablet, `by` who is logged in on it.

  const addEntry = (by: Who, e: DutyEntry, on = desk): Mutation => mutation(on, staff[by], { name: 'dutyEntry.add', table: 'dutyEntries', recordId: e.id, fields: e })
  const addHandover = (by: Who, h: Handover, on = desk): Mutation => mutation(on, staff[by], { name: 'handover.add', table: 'handovers', recordId: h.id, fields: h })
  const addSignature = (by: Who, sig: Signature, on = desk): Mutation => mutation(on, staff[by], { name: 'signature.add', table: 'signatures', recordId: sig.id, fields: sig })
  const addReview = (by: Who, r: Review): Mutation => mutation(desk, staff[by], { name: 'review.add', table: 'reviews', recordId: r.id, fields: r })
  const addDayNote = (by: Who, n: DayNote, on = desk): Mutation => mutation(on, staff[by], { name: 'dayNote.add', table: 'dayNotes', recordId: n.id, fields: n })
  const addLoan = (by: Who, l: Loan, on = desk): Mutation => mutation(on, staff[by], { name: 'loan.add', table: 'loans', recordId: l.id, fields: l })
  const addLoanReturn = (by: Who, r: LoanReturn, on = desk): Mutation => mutation(on, staff[by], { name: 'loanReturn.add', table: 'loanReturns', recordId: r.id, fields: r })
  const addPeriodical = (by: Who, p: Periodical, on = desk): Mutation => mutation(on, staff[by], { name: 'periodical.add', table: 'periodicals', recordId: p.id, fields: p })
  const addPaidService = (by: Who, p: PaidService, on = desk): Mutation => mutation(on, staff[by], { name: 'paidService.add', table: 'paidServices', recordId: p.id, fields: p })
  const addReception = (by: Who, r: Reception, on = desk): Mutation => mutation(on, staff[by], { name: 'reception.create', table: 'receptions', recordId: r.id, fields: r })

  /** The handover pushed as the incoming clerk does it: both signatures first, then the handover, in one batch. */
  function signedHandover(h: Handover, by: Who = 'colleague', on = desk): Mutation[] {
    const outgoing = (Object.keys(staff) as Who[]).find((w) => staff[w] === h.outgoingId) ?? by
    const incoming = (Object.keys(staff) as Who[]).find((w) => staff[w] === h.incomingId) ?? by
    return [addSignature(by, signature(h.outgoingSignatureId, h.id, outgoing), on), addSignature(by, signature(h.incomingSignatureId, h.id, incoming), on), addHandover(by, h, on)]
  }

  async function pushOne(m: Mutation, device = desk): Promise<PushResult> {
    const { results } = await pushOk(s, device, [m])
    return results[0]!
  }

  function expectResult(got: PushResult, m: Mutation, want: Expect, label: string): void {
    if (want.status === 'rejected') expect(got, label).toMatchObject({ id: m.id, status: 'rejected', reason: expect.stringMatching(want.reason) })
    else expect(got, label).toEqual({ id: m.id, status: want.status })
  }

  /** Push each step on its own, in order (from the desk tablet unless it says), and check its answer. */
  async function expectSteps(steps: ([string, Mutation, Expect] | [string, Mutation, Expect, TestDevice])[]): Promise<void> {
    for (const [label, m, want, device] of steps) expectResult(await pushOne(m, device ?? desk), m, want, label)
  }

  async function counts(device: TestDevice): Promise<Record<string, number>> {
    const res = await s.app.inject({ method: 'GET', url: '/api/sync/counts', headers: protocolHeaders(device.token) })
    expect(res.statusCode).toBe(200)
    return res.json<CountsResponse>().counts
  }

  async function tablesPulled(device: TestDevice): Promise<Set<string>> {
    return new Set((await pullAll(s, device)).changes.map((c) => c.table))
  }

  /** Everything confidential the desk keeps, one record of each, pushed from the desk tablet. */
  async function fillTheDesk(): Promise<void> {
    const lent = loan('assistant')
    const h = handover('assistant', 'colleague', day, night)
    const batch = [
      addReception('assistant', reception('assistant')),
      addEntry('assistant', dutyEntry('assistant', day)),
      addEntry('assistant', dutyEntry('assistant', day, { kind: 'dutyStart', content: '', followUp: false })),
      addDayNote('admin', dayNote('admin')),
      addLoan('assistant', lent),
      addLoanReturn('assistant', loanReturn('assistant', lent.id)),
      addPeriodical('assistant', periodical('assistant')),
      addPaidService('assistant', paidService('assistant')),
      ...signedHandover(h),
    ]
    const { results } = await pushOk(s, desk, batch)
    expect(results.map((r) => r.status)).toEqual(Array(batch.length).fill('applied'))
  }

  describe('confidentiality (篇2 4.2.4: 仅限于内部工作人员翻阅)', () => {
    it('enrols the department tablet as a department device', async () => {
      const rows = await s.db.kysely.selectFrom('devices').select(['id', 'kind']).where('site_id', '=', siteId).execute()
      expect(Object.fromEntries(rows.map((r) => [r.id, r.kind]))).toEqual({ [desk.id]: 'desk', [deptTablet.id]: 'department' })
    })

    it('sends the desk tablet everything, the department tablet nothing of the duty log, and counts accordingly', async () => {
      await fillTheDesk()
      const atDesk = await tablesPulled(desk)
      for (const table of DUTY_TABLES) expect(atDesk.has(table), `desk pulls ${table}`).toBe(true)
      const atDepartment = await tablesPulled(deptTablet)
      for (const table of CONFIDENTIAL_TABLES) expect(atDepartment.has(table), `department pulls ${table}`).toBe(false)
      for (const table of ['sites', 'staff', 'departments', 'shiftTypes', 'receptions']) expect(atDepartment.has(table), `department pulls ${table}`).toBe(true)

      const deskCounts = await counts(desk)
      expect(deskCounts).toMatchObject({ dutyEntries: 2, handovers: 1, dayNotes: 1, periodicals: 1, loans: 1, loanReturns: 1, paidServices: 1, receptions: 1 })
      const departmentCounts = await counts(deptTablet)
      for (const table of CONFIDENTIAL_TABLES) expect(departmentCounts, `department counts ${table}`).not.toHaveProperty(table)
      expect(departmentCounts).toMatchObject({ receptions: 1, staff: 6 })
      expect(deskCounts.signatures).toBe(2)
      expect(departmentCounts).not.toHaveProperty('signatures')
    })

    it('pages the department tablet through everything else, skipping none of it', async () => {
      await fillTheDesk()
      const atDesk = await pullAll(s, desk)
      // Small pages, so the withheld records fall between and at the ends of pages.
      const { changes, cursor } = await pullAll(s, deptTablet, 0, 3)
      // Nor the signatures made on what it may not see (the handover's two).
      const hidden = new Set(atDesk.changes.filter((c) => CONFIDENTIAL_TABLES.includes(c.table)).map((c) => c.id))
      const onHidden = (c: { table: string; data: Record<string, unknown> }): boolean => c.table === 'signatures' && hidden.has(String(c.data.subjectId))
      expect(atDesk.changes.filter(onHidden)).toHaveLength(2)
      expect(changes).toEqual(atDesk.changes.filter((c) => !CONFIDENTIAL_TABLES.includes(c.table) && !onHidden(c)))
      // More duty log: still nothing for it; a new request: that, and only that.
      expect((await pushOk(s, desk, [addEntry('colleague', dutyEntry('colleague', night))])).results[0]!.status).toBe('applied')
      expect((await pullAll(s, deptTablet, cursor)).changes).toEqual([])
      const later = reception('assistant')
      await pushOk(s, desk, [addReception('assistant', { ...later, ref: '20261127-A002' }), addLoan('assistant', loan('assistant'))])
      expect((await pullAll(s, deptTablet, cursor, 1)).changes.map((c) => [c.table, c.id])).toEqual([['receptions', later.id]])
      expect((await pullAll(s, desk, atDesk.cursor)).changes.map((c) => c.table)).toEqual(['dutyEntries', 'receptions', 'loans'])
    })

    it('refuses every confidential record from the department tablet, whoever is logged in on it', async () => {
      const lent = loan('assistant')
      await pushOk(s, desk, [addLoan('assistant', lent)])
      const refused = /^confidential: desk devices only$/
      await expectSteps([
        ['a duty entry by the assistant', addEntry('assistant', dutyEntry('assistant', day), deptTablet), rejected(refused), deptTablet],
        ['a duty entry by the supervisor', addEntry('supervisor', dutyEntry('supervisor', day), deptTablet), rejected(refused), deptTablet],
        ['a duty entry by the engineer', addEntry('engineer', dutyEntry('engineer', day), deptTablet), rejected(refused), deptTablet],
        ['a day note by the administrator', addDayNote('admin', dayNote('admin'), deptTablet), rejected(refused), deptTablet],
        ['a loan', addLoan('assistant', loan('assistant'), deptTablet), rejected(refused), deptTablet],
        ['a loan returned', addLoanReturn('assistant', loanReturn('assistant', lent.id), deptTablet), rejected(refused), deptTablet],
        ['a periodical', addPeriodical('assistant', periodical('assistant'), deptTablet), rejected(refused), deptTablet],
        ['a paid service', addPaidService('assistant', paidService('assistant'), deptTablet), rejected(refused), deptTablet],
        ['a handover', addHandover('colleague', handover('assistant', 'colleague', day, night), deptTablet), rejected(refused), deptTablet],
      ])
      const { results } = await pushOk(s, deptTablet, signedHandover(handover('assistant', 'colleague', day, night), 'colleague', deptTablet))
      expect(results.at(-1)).toMatchObject({ status: 'rejected', reason: 'confidential: desk devices only' })
      const stored = await s.db.kysely.selectFrom('records').select('table_name').where('site_id', '=', siteId).where('table_name', 'in', [...CONFIDENTIAL_TABLES]).execute()
      expect(stored.map((r) => r.table_name)).toEqual(['loans'])
      const dead = await s.db.kysely.selectFrom('dead_letters').select(['device_id', 'reason']).where('site_id', '=', siteId).execute()
      expect(dead).toHaveLength(10)
      expect(new Set(dead.map((d) => d.device_id))).toEqual(new Set([deptTablet.id]))
    })

    it('shows a tablet of another site nothing of this site’s log, and lets it write nothing into it', async () => {
      await fillTheDesk()
      const other = await siteWithAdmin(s, '绿城花园')
      const otherDesk = await enrol(s, other.siteId, '绿城前台')
      const { changes } = await pullAll(s, otherDesk)
      expect(changes.length).toBeGreaterThan(0)
      expect(changes.some((c) => CONFIDENTIAL_TABLES.includes(c.table))).toBe(false)
      for (const c of changes) expect(c.table === 'sites' ? c.id : c.data.siteId, `${c.table} ${c.id}`).toBe(other.siteId)
      const otherCounts = await counts(otherDesk)
      for (const table of CONFIDENTIAL_TABLES) expect(otherCounts, `other site counts ${table}`).not.toHaveProperty(table)

      // Its administrator may write a duty log, but only its own site's.
      const intoThisSite = { ...dutyEntry('admin', day), staffId: other.adminStaffId }
      const got = await pushOne(mutation(otherDesk, other.adminStaffId, { name: 'dutyEntry.add', table: 'dutyEntries', recordId: intoThisSite.id, fields: intoThisSite }), otherDesk)
      expect(got).toMatchObject({ status: 'rejected', reason: 'wrongSite' })
      const asThisSite = await pushOne(mutation(otherDesk, other.adminStaffId, { name: 'dutyEntry.add', table: 'dutyEntries', recordId: intoThisSite.id, fields: intoThisSite, siteId }), otherDesk)
      expect(asThisSite).toMatchObject({ status: 'rejected', reason: 'wrongDevice' })
      const own = { ...intoThisSite, id: newId(), siteId: other.siteId }
      expect(await pushOne(mutation(otherDesk, other.adminStaffId, { name: 'dutyEntry.add', table: 'dutyEntries', recordId: own.id, fields: own }), otherDesk)).toEqual(expect.objectContaining({ status: 'applied' }))
      expect((await counts(desk)).dutyEntries).toBe(2)
    })

    it('keeps the department role out of the duty log on a desk tablet too', async () => {
      const lent = loan('assistant')
      await pushOk(s, desk, [addLoan('assistant', lent)])
      await expectSteps([
        ['engineer writes a duty entry', addEntry('engineer', dutyEntry('engineer', day)), rejected(/^notAllowed: department may not dutyLog\.write$/)],
        ['engineer records a loan', addLoan('engineer', loan('engineer')), rejected(/^notAllowed: department may not dutyLog\.write$/)],
        ['engineer records a return', addLoanReturn('engineer', loanReturn('engineer', lent.id)), rejected(/^notAllowed: department may not dutyLog\.write$/)],
        ['engineer records a periodical', addPeriodical('engineer', periodical('engineer')), rejected(/^notAllowed: department may not dutyLog\.write$/)],
        ['engineer records a paid service', addPaidService('engineer', paidService('engineer')), rejected(/^notAllowed: department may not dutyLog\.write$/)],
        ['engineer pins a day note', addDayNote('engineer', dayNote('engineer')), rejected(/^notAllowed: department may not handover\.pinNotes$/)],
        ['the manager writes a duty entry (does not stand the desk)', addEntry('manager', dutyEntry('manager', day)), rejected(/^notAllowed: manager may not dutyLog\.write$/)],
        ['the assistant writes one', addEntry('assistant', dutyEntry('assistant', day)), applied],
        ['the assistant writes one in the colleague’s name', addEntry('assistant', dutyEntry('colleague', day)), rejected(/^actorMismatch: staffId$/)],
      ])
    })
  })

  describe('the locked log (4.3.4–4.3.5)', () => {
    it('locks the shift once it is handed over: no entry after, the next shift open', async () => {
      const before = dutyEntry('assistant', day)
      await expectSteps([['an entry during the day shift', addEntry('assistant', before), applied]])
      const h = handover('assistant', 'colleague', day, night)
      const { results } = await pushOk(s, desk, signedHandover(h))
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
      await expectSteps([
        ['the outgoing clerk adds to the handed-over shift', addEntry('assistant', dutyEntry('assistant', day)), rejected(/^logLocked/)],
        ['the incoming clerk adds to it', addEntry('colleague', dutyEntry('colleague', day)), rejected(/^logLocked/)],
        ['a correction of its entry', addEntry('assistant', dutyEntry('assistant', day, { correctsId: before.id })), rejected(/^logLocked/)],
        ['the follow-up’s result, written into the old shift', addEntry('colleague', dutyEntry('colleague', day, { correctsId: before.id, resolvesFollowUp: true, followUp: false })), rejected(/^logLocked/)],
        ['the incoming clerk writes the night shift', addEntry('colleague', dutyEntry('colleague', night)), applied],
        ['the follow-up’s result, in the night shift', addEntry('colleague', dutyEntry('colleague', night, { correctsId: before.id, resolvesFollowUp: true, followUp: false })), applied],
        ['the next day’s day shift (same shift type) is open', addEntry('assistant', dutyEntry('assistant', nextDay)), applied],
      ])
    })

    it('takes a correction of its entries after the handover, by the desk staff, and nothing else (issue 10 point 3)', async () => {
      const before = dutyEntry('assistant', day)
      const nightEntry = dutyEntry('colleague', night)
      const h = handover('assistant', 'colleague', day, night, { acknowledgements: [{ kind: 'dutyEntry', itemId: before.id, explanation: '等工程部回复', acknowledgedAt: t0 }] })
      const { results } = await pushOk(s, desk, [addEntry('assistant', before), addEntry('colleague', nightEntry), ...signedHandover(h)])
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('applied'))
      /** A correction of the day's entry made on the locked log, as the tablet writes it. */
      const fix = (who: Who, overrides: Partial<DutyEntry> = {}): DutyEntry => dutyEntry(who, day, { correctsId: before.id, afterHandoverId: h.id, content: '3-2-1102 业主来电:楼道灯不亮', createdAt: t0 + HOUR, ...overrides })
      const first = fix('assistant')
      const locked = (problem: string): Expect => rejected(new RegExp(`^logLocked: the shift was handed over \\(${problem}\\)$`))
      await expectSteps([
        ['the outgoing clerk corrects its entry', addEntry('assistant', first), applied],
        ['the administrator corrects that correction', addEntry('admin', fix('admin', { correctsId: first.id })), applied],
        ['the incoming clerk corrects it', addEntry('colleague', fix('colleague')), applied],
        ['the supervisor, who reviews the log and does not stand the desk (篇2 4.1.2)', addEntry('supervisor', fix('supervisor')), locked('notDeskStaff')],
        ['the manager (does not keep the log)', addEntry('manager', fix('manager')), rejected(/^notAllowed: manager may not dutyLog\.write$/)],
        ['the engineer', addEntry('engineer', fix('engineer')), rejected(/^notAllowed: department may not dutyLog\.write$/)],
        ['a correction in the colleague’s name', addEntry('assistant', fix('colleague')), rejected(/^actorMismatch: staffId$/)],
        ['a new entry naming the handover', addEntry('assistant', dutyEntry('assistant', day, { afterHandoverId: h.id })), locked('notACorrection')],
        ['the follow-up’s result naming it', addEntry('colleague', dutyEntry('colleague', day, { correctsId: before.id, resolvesFollowUp: true, followUp: false, afterHandoverId: h.id })), locked('notACorrection')],
        ['a start of duty naming it', addEntry('colleague', dutyEntry('colleague', day, { kind: 'dutyStart', content: '', followUp: false, afterHandoverId: h.id })), locked('notACorrection')],
        ['a correction of the night’s entry, into the day’s log', addEntry('assistant', fix('assistant', { correctsId: nightEntry.id })), locked('notOfThisShift')],
        ['a correction of an entry the server does not have', addEntry('assistant', fix('assistant', { correctsId: newId() })), locked('notOfThisShift')],
        ['a correction dropping the follow-up handed over', addEntry('assistant', fix('assistant', { followUp: false })), locked('changesHandedOver')],
        ['a correction escalating it now', addEntry('assistant', fix('assistant', { escalation: 'supervisor' })), locked('changesHandedOver')],
        ['a correction naming another handover', addEntry('assistant', fix('assistant', { afterHandoverId: newId() })), locked('notThisHandover')],
        ['a correction made before the handover, arriving after it', addEntry('assistant', dutyEntry('assistant', day, { correctsId: before.id })), locked('notThisHandover')],
        ['a correction on the open night log naming the day’s handover', addEntry('colleague', dutyEntry('colleague', night, { correctsId: nightEntry.id, afterHandoverId: h.id })), rejected(/^invalid: notThisHandover$/)],
        ['a correction on the open night log', addEntry('colleague', dutyEntry('colleague', night, { correctsId: nightEntry.id })), applied],
      ])
      // The signed handover and the entry as signed are unchanged; the corrections are records of their own, with who and when.
      const { changes } = await pullAll(s, desk)
      expect(changes.filter((c) => c.table === 'handovers').map((c) => c.data)).toEqual([h])
      expect(changes.find((c) => c.id === before.id)?.data).toEqual(before)
      const corrections = changes.filter((c) => c.table === 'dutyEntries' && c.data.afterHandoverId === h.id).map((c) => c.data as unknown as DutyEntry)
      expect(corrections.map((c) => [c.staffId, c.createdAt])).toEqual((['assistant', 'admin', 'colleague'] as const).map((w) => [staff[w], t0 + HOUR]))
    })

    it('keeps the order of a batch: an entry before the handover is in, one after it is not', async () => {
      const h = handover('assistant', 'colleague', day, night)
      const first = addEntry('assistant', dutyEntry('assistant', day))
      const after = addEntry('colleague', dutyEntry('colleague', day))
      const { results } = await pushOk(s, desk, [first, ...signedHandover(h), after])
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'rejected'])
      expect(results.at(-1)!.reason).toMatch(/^logLocked/)
    })

    it('takes one handover per shift, from two different clerks who both signed', async () => {
      const h = handover('assistant', 'colleague', day, night)
      const one = handover('colleague', 'assistant', night, nextDay)
      await expectSteps([
        ['without any signature', addHandover('colleague', h), rejected(/^invalid: signatures missing$/)],
        ['with the outgoing clerk’s signature only', addSignature('colleague', signature(h.outgoingSignatureId, h.id, 'assistant')), applied],
        ['  … the handover', addHandover('colleague', h), rejected(/^invalid: signatures missing$/)],
        ['with signatures made for another handover', addSignature('assistant', signature(one.incomingSignatureId, newId(), 'assistant')), applied],
        ['  … the handover', addHandover('assistant', one), rejected(/^invalid: signatures missing$/)],
      ])
      const { results } = await pushOk(s, desk, [addSignature('colleague', signature(h.incomingSignatureId, h.id, 'colleague')), addHandover('colleague', h)])
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied'])
      const again = handover('assistant', 'colleague', day, night)
      const second = await pushOk(s, desk, signedHandover(again))
      expect(second.results[2]).toMatchObject({ status: 'rejected', reason: 'alreadyHandedOver' })
      const fromOtherDesk = await enrol(s, siteId, '前台平板二')
      const third = await pushOk(s, fromOtherDesk, signedHandover(handover('assistant', 'supervisor', day, night), 'supervisor', fromOtherDesk))
      expect(third.results[2]).toMatchObject({ status: 'rejected', reason: 'alreadyHandedOver' })
      const stored = await s.db.kysely.selectFrom('records').select('record_id').where('site_id', '=', siteId).where('table_name', '=', 'handovers').execute()
      expect(stored.map((r) => r.record_id)).toEqual([h.id])
    })

    it('refuses a handover between the wrong people', async () => {
      const signed = async (h: Handover, by: Who): Promise<PushResult> => (await pushOk(s, desk, signedHandover(h, by))).results[2]!
      expect(await signed(handover('assistant', 'assistant', day, night), 'assistant'), 'to oneself').toMatchObject({ status: 'rejected', reason: 'invalid: sameStaff' })
      expect(await signed(handover('assistant', 'colleague', day, night), 'assistant'), 'pushed by the outgoing clerk in the incoming clerk’s name').toMatchObject({ status: 'rejected', reason: 'actorMismatch: incomingId' })
      expect(await signed(handover('assistant', 'colleague', day, night), 'supervisor'), 'pushed by the supervisor for them').toMatchObject({ status: 'rejected', reason: 'actorMismatch: incomingId' })
      expect(await signed(handover('assistant', 'engineer', day, night), 'engineer'), 'to the engineer').toMatchObject({ status: 'rejected', reason: 'notAllowed: department may not handover.sign' })
      expect(await signed(handover('manager', 'colleague', day, night), 'colleague'), 'from the manager').toMatchObject({ status: 'rejected', reason: 'notAllowed: the outgoing clerk may not sign a handover' })
      expect(await signed(handover('engineer', 'colleague', day, night), 'colleague'), 'from the engineer').toMatchObject({ status: 'rejected', reason: 'notAllowed: the outgoing clerk may not sign a handover' })
      expect(await signed(handover('assistant', 'manager', day, night), 'manager'), 'to the manager').toMatchObject({ status: 'rejected', reason: 'notAllowed: manager may not handover.sign' })
      const ghost = handover('assistant', 'colleague', day, night, { outgoingId: newId() })
      expect(await signed(ghost, 'colleague'), 'from someone not on the staff').toMatchObject({ status: 'rejected', reason: 'notAllowed: the outgoing clerk may not sign a handover' })
      // Nothing of that locked the shift.
      expect(await pushOne(addEntry('assistant', dutyEntry('assistant', day)))).toMatchObject({ status: 'applied' })
      expect(await signed(handover('assistant', 'colleague', day, night), 'colleague'), 'the right people').toMatchObject({ status: 'applied' })
    })

    it('takes a replay of an applied handover or entry as harmless, once locked', async () => {
      const entry = dutyEntry('assistant', day)
      const h = handover('assistant', 'colleague', day, night)
      const batch = [addEntry('assistant', entry), ...signedHandover(h)]
      expect((await pushOk(s, desk, batch)).results.map((r) => r.status)).toEqual(Array(4).fill('applied'))
      // The same mutations again (a retry after a lost answer).
      expect((await pushOk(s, desk, batch)).results.map((r) => r.status)).toEqual(Array(4).fill('duplicate'))
      // The same records in new mutations (a re-queued write): nothing changes, nothing is refused.
      await expectSteps([
        ['the entry of the locked shift, re-queued', addEntry('assistant', entry), applied],
        ['the handover, re-queued', addHandover('colleague', h), applied],
        ['the handover, changed', addHandover('colleague', { ...h, late: true }), rejected(/^appendOnlyChanged$/)],
      ])
      const { changes } = await pullAll(s, desk)
      expect(changes.filter((c) => c.table === 'handovers').map((c) => c.data)).toEqual([h])
    })
  })

  describe('reviews of the duty log (4.2.5) and the day’s notes (4.4.4)', () => {
    it('lets only the supervisor review the day’s duty log', async () => {
      await expectSteps([
        ['supervisor', addReview('supervisor', review('supervisor', 'dutyLogDaily')), applied],
        ['assistant', addReview('assistant', review('assistant', 'dutyLogDaily')), rejected(/^notAllowed: assistant may not dutyLog\.review$/)],
        ['administrator', addReview('admin', review('admin', 'dutyLogDaily')), rejected(/^notAllowed: administrator may not dutyLog\.review$/)],
        ['manager', addReview('manager', review('manager', 'dutyLogDaily')), rejected(/^notAllowed: manager may not dutyLog\.review$/)],
        ['engineer', addReview('engineer', review('engineer', 'dutyLogDaily')), rejected(/^notAllowed: department may not dutyLog\.review$/)],
        ['supervisor in the assistant’s name', addReview('supervisor', review('assistant', 'dutyLogDaily')), rejected(/^actorMismatch: reviewerId$/)],
      ])
    })

    it('lets the administrator and the supervisor pin the day’s notes, not an assistant', async () => {
      await expectSteps([
        ['administrator', addDayNote('admin', dayNote('admin')), applied],
        ['supervisor', addDayNote('supervisor', dayNote('supervisor')), applied],
        ['assistant', addDayNote('assistant', dayNote('assistant')), rejected(/^notAllowed: assistant may not handover\.pinNotes$/)],
        ['manager', addDayNote('manager', dayNote('manager')), rejected(/^notAllowed: manager may not handover\.pinNotes$/)],
        ['administrator in the assistant’s name', addDayNote('admin', dayNote('assistant')), rejected(/^actorMismatch: staffId$/)],
        ['administrator, an empty note', addDayNote('admin', dayNote('admin', { text: '' })), rejected(/^invalid: \/text/)],
      ])
    })
  })
})
