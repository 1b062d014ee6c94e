import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { DutyEntry } from '@shared/domain/duty-log'
import type { Loan, LoanReturn, PaidService } from '@shared/domain/desk-services'
import type { HandoverProblem, HandoverTemplate } from '@shared/domain/handover'
import type { Reception } from '@shared/domain/reception'
import type { Role } from '@shared/domain/role'
import { addDays, MINUTE } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'
import { carriedTo, completeHandover, handoverContext, type HandoverContext, type HandoverInput } from '@client/db/duty/handover'
import { RecordInvalidError } from '@client/db/errors'
import { freshDb } from '../../factories/db'
import { makeActor, makeStaff } from '../../factories/site'
import { makeEntry, makeHandover, makeRegistered } from '../../factories/duty-seed'
import { at, completeInput, dayAndNight, keyOf, makeTimelineEvent, outboxInOrder, seedReception, type Signer } from '../../factories/duty'

const D = '2026-11-27'
const YESTERDAY = addDays(D, -1)
const siteId = newId()
const otherSite = newId()
const { day, night } = dayAndNight(siteId)
/** The day shift is handed over to the night shift at 20:00 (篇2 4.3). */
const FROM = keyOf(day, D)
const TO = keyOf(night, D)
const LAST_NIGHT = keyOf(night, YESTERDAY)
const SHIFT_STARTS = at(D, '20:00')
const ARRIVED = at(D, '19:40')
const NOW = at(D, '19:55')

const outgoing: Signer = { id: newId(), name: '王芳' }
const incoming: Signer = { id: newId(), name: '李娜' }
const administrator = newId()
const supervisor = newId()
const manager = newId()
const staffRoles: [string, string, Role][] = [
  [outgoing.id, outgoing.name, 'assistant'],
  [incoming.id, incoming.name, 'assistant'],
  [administrator, '陈静', 'administrator'],
  [supervisor, '张主管', 'supervisor'],
  [manager, '赵经理', 'manager'],
]
const device = makeActor({ siteId }).deviceId
const actorOf = (staffId: string): { siteId: string; deviceId: string; staffId: string } => ({ siteId, deviceId: device, staffId })

let db: DeskbookDb
beforeEach(async () => {
  db = freshDb()
  await db.staff.bulkPut(staffRoles.map(([id, name, role]) => makeStaff({ id, siteId, name, role })))
})
afterEach(async () => {
  db.close()
  await db.delete()
})

// ——— Seeding ———

let seq = 0
async function reception(receiverId: string, receivedAt: number, overrides: Partial<Reception> = {}, events: (r: Reception) => Parameters<typeof seedReception>[2] = () => []): Promise<Reception> {
  const { reception: r } = makeRegistered(overrides.siteId ?? siteId, receiverId, receivedAt, D, ++seq, overrides)
  await seedReception(db, r, events(r))
  return r
}

async function entry(overrides: Partial<DutyEntry> & Pick<DutyEntry, 'shiftKey' | 'at' | 'staffId'>, site = siteId): Promise<DutyEntry> {
  const e = makeEntry(site, overrides)
  await db.dutyEntries.put(e)
  return e
}

const loan = (overrides: Partial<Loan> = {}): Loan => ({ id: newId(), siteId, item: '雨伞', quantity: 1, borrower: '王建国', room: '3-2-1101', phone: '', lentAt: at(D, '09:00'), staffId: outgoing.id, note: '', ...overrides })
const paid = (receiptNo: string, when: number, site = siteId): PaidService => ({ id: newId(), siteId: site, at: when, service: '复印', room: '3-2-1101', customerName: '王建国', amountFen: 200, receiptNo, staffId: outgoing.id })

/** The night before was handed over to the day shift at 07:51 (counts: 12 keys, receipt book next A000124). */
async function lastHandover(): Promise<void> {
  const { handover, signatures } = makeHandover(siteId, { fromShiftKey: LAST_NIGHT, toShiftKey: FROM, outgoingId: incoming.id, incomingId: outgoing.id, outgoingName: incoming.name, incomingName: outgoing.name, shiftStartsAt: at(D, '08:00') })
  await db.handovers.put(handover)
  await db.signatures.bulkPut(signatures)
}

interface Desk {
  /** Requests the desk must hand on, oldest first. */
  receptions: Reception[]
  /** Requests that are not the desk's to hand on. */
  notTheDesks: Reception[]
  /** Open follow-ups, oldest first (a corrected one in its latest version). */
  followUps: DutyEntry[]
}

/** A day at the desk: what is still pending, what is not the desk's, follow-ups open and closed, loans and receipts. */
async function deskDay(): Promise<Desk> {
  await lastHandover()
  await entry({ shiftKey: FROM, at: at(D, '07:51'), staffId: outgoing.id, kind: 'dutyStart', source: 'system', content: '', action: '' })

  const older = await reception(outgoing.id, at(YESTERDAY, '15:00'), { category: 'enquiry', matter: '咨询停车位' })
  const awaitingVisit = await reception(outgoing.id, at(D, '08:30'), { category: 'repair', matter: '卫生间漏水' }, (r) => [makeTimelineEvent(r, 'result', at(D, '12:00'), outgoing.id)])
  const open = await reception(outgoing.id, at(D, '09:00'), { category: 'repair', matter: '厨房水龙头漏水' })
  const administrators = await reception(administrator, at(D, '11:00'), { category: 'complaint', matter: '楼上噪音' })
  const supervisors = await reception(outgoing.id, at(D, '10:00'), { category: 'complaint' }, (r) => [makeTimelineEvent(r, 'takenOver', at(D, '10:30'), supervisor)])
  const managers = await reception(outgoing.id, at(D, '09:30'), { category: 'complaint' }, (r) => [makeTimelineEvent(r, 'takenOver', at(D, '13:00'), manager)])
  await reception(outgoing.id, at(D, '08:10'), { category: 'enquiry' }, (r) => [makeTimelineEvent(r, 'result', at(D, '08:20'), outgoing.id)])
  await reception(newId(), at(D, '08:05'), { siteId: otherSite })

  const lastNight = await entry({ shiftKey: LAST_NIGHT, at: at(YESTERDAY, '23:00'), staffId: incoming.id, followUp: true, content: '2栋地下车库积水,请关注' })
  const today = await entry({ shiftKey: FROM, at: at(D, '10:00'), staffId: outgoing.id, followUp: true, content: '5-1-302 门锁待更换' })
  const closed = await entry({ shiftKey: FROM, at: at(D, '11:00'), staffId: outgoing.id, followUp: true, content: '快递待领' })
  await entry({ shiftKey: FROM, at: at(D, '15:00'), staffId: outgoing.id, correctsId: closed.id, resolvesFollowUp: true, content: '业主已领取' })
  const wrong = await entry({ shiftKey: FROM, at: at(D, '12:00'), staffId: outgoing.id, followUp: true, content: '3栋门禁故障' })
  const corrected = await entry({ shiftKey: FROM, at: at(D, '12:00'), staffId: outgoing.id, followUp: true, correctsId: wrong.id, content: '3栋单元门禁故障,已报工程部', createdAt: at(D, '12:10') })
  await entry({ shiftKey: FROM, at: at(D, '13:00'), staffId: outgoing.id })
  await entry({ shiftKey: FROM, at: at(D, '13:00'), staffId: newId(), followUp: true }, otherSite)

  const back = loan({ item: '手推车' })
  const returned: LoanReturn = { id: newId(), siteId, loanId: back.id, returnedAt: at(D, '10:00'), staffId: outgoing.id, note: '' }
  await db.loans.bulkPut([loan({ quantity: 2 }), loan({ item: '工具箱' }), back, loan({ siteId: otherSite, quantity: 9 })])
  await db.loanReturns.put(returned)

  await db.paidServices.bulkPut([paid('A000120', at(YESTERDAY, '15:00')), paid('A000125', at(D, '11:00')), paid('A000124', at(D, '10:00')), paid('A000999', at(D, '10:00'), otherSite)])
  await db.handoverDrafts.put({ id: FROM, value: { outgoingId: outgoing.id }, updatedAt: at(D, '19:41') })

  expect(await db.outbox.count()).toBe(0)
  return { receptions: [older, awaitingVisit, open, administrators], notTheDesks: [supervisors, managers], followUps: [lastNight, today, corrected] }
}

const contextNow = (from = FROM, now = NOW): Promise<HandoverContext> => handoverContext(db, siteId, from, now)

async function fullInput(overrides: Partial<HandoverInput> = {}): Promise<HandoverInput> {
  return { ...completeInput(await contextNow(), { fromShiftKey: FROM, toShiftKey: TO, shiftStartsAt: SHIFT_STARTS, outgoing, incoming, arrivedAt: ARRIVED }), ...overrides }
}

/** Everything but the seed: what a refused or a second handover must leave untouched. */
async function snapshot(): Promise<unknown> {
  return {
    handovers: await db.handovers.toArray(),
    signatures: await db.signatures.toArray(),
    events: await db.receptionEvents.toArray(),
    index: await db.receptionIndex.toArray(),
    entries: await db.dutyEntries.toArray(),
    drafts: await db.handoverDrafts.toArray(),
    outbox: await db.outbox.toArray(),
  }
}

async function refusal(write: Promise<unknown>): Promise<HandoverProblem[]> {
  const e = await write.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(RecordInvalidError)
  return (e as RecordInvalidError<HandoverProblem>).problems
}

// ——— Tests ———

describe('handoverContext', () => {
  it('gathers the desk’s pending requests oldest first, leaving out those the supervisor or manager took over (4.3.2)', async () => {
    const desk = await deskDay()
    const ctx = await contextNow()
    expect(ctx.receptions.map((r) => r.id)).toEqual(desk.receptions.map((r) => r.id))
    expect(ctx.receptions.map((r) => r.ownerId)).toEqual([outgoing.id, outgoing.id, outgoing.id, administrator])
    for (const r of desk.notTheDesks) expect(ctx.receptions.map((x) => x.id)).not.toContain(r.id)
  })

  it('gathers the site’s open follow-ups of the log oldest first, a corrected one in its latest version (4.3.2 a)', async () => {
    const desk = await deskDay()
    const ctx = await contextNow()
    expect(ctx.followUps.map((e) => [e.id, e.content])).toEqual(desk.followUps.map((e) => [e.id, e.content]))
  })

  it('expects what the last handover counted, the open loans, and the receipt book’s next number after the receipts written since (4.3.3)', async () => {
    await deskDay()
    const ctx = await contextNow()
    expect(ctx.template.siteId).toBe(siteId)
    expect(ctx.counts.map((c) => [c.itemId, c.kind, c.expected, c.nextReceiptNo])).toEqual([
      ['keys', 'count', 12, ''],
      ['receipts', 'receiptBook', 1, 'A000126'],
      ['radios', 'count', 0, ''],
      ['loans', 'loans', 3, ''],
      ['stationery', 'count', 0, ''],
      ['cash', 'cash', 0, ''],
    ])
    expect(ctx.receipts).toEqual({ first: 'A000124', last: 'A000125', count: 2 })
    expect(ctx.last?.fromShiftKey).toBe(LAST_NIGHT)
    expect(ctx.alreadyHandedOver).toBe(false)
    expect((await contextNow(LAST_NIGHT)).alreadyHandedOver).toBe(true)
  })

  it('keeps the last handover’s receipt number when no receipt was written since', async () => {
    await lastHandover()
    await db.paidServices.put(paid('A000120', at(YESTERDAY, '15:00')))
    const ctx = await contextNow()
    expect(ctx.receipts).toBeNull()
    expect(ctx.counts.find((c) => c.itemId === 'receipts')?.nextReceiptNo).toBe('A000124')
  })

  it('at the site’s first handover expects the template’s starting counts, and the book goes on after every receipt written', async () => {
    const template: HandoverTemplate = {
      siteId,
      items: [
        { id: 'keys', name: '钥匙', kind: 'count', initial: 20 },
        { id: 'book', name: '收据', kind: 'receiptBook', initial: 2, nextReceiptNo: 'B000010' },
      ],
      checks: [{ id: 'tidy', text: '整洁' }],
    }
    await db.handoverTemplates.put(template)
    let ctx = await contextNow()
    expect(ctx.last).toBeNull()
    expect(ctx.counts.map((c) => [c.itemId, c.expected, c.nextReceiptNo])).toEqual([
      ['keys', 20, ''],
      ['book', 2, 'B000010'],
    ])
    await db.paidServices.bulkPut([paid('B000010', at(D, '09:00')), paid('B000011', at(D, '09:10'))])
    ctx = await contextNow()
    expect(ctx.counts.find((c) => c.itemId === 'book')?.nextReceiptNo).toBe('B000012')
    expect(ctx.receipts).toEqual({ first: 'B000010', last: 'B000011', count: 2 })
  })

  it('is empty for a site with nothing pending', async () => {
    const ctx = await contextNow()
    expect([ctx.receptions, ctx.followUps, ctx.receipts, ctx.last, ctx.alreadyHandedOver]).toEqual([[], [], null, null, false])
  })
})

describe('completeHandover', () => {
  it('writes both signatures, the handover, a carriedOver event per request and the incoming clerk’s dutyStart — each with its outbox entry (4.3.4–4.3.5)', async () => {
    const desk = await deskDay()
    const input = await fullInput()
    const handover = await completeHandover(db, actorOf(incoming.id), input, NOW)

    expect(await db.handovers.get(handover.id)).toEqual(handover)
    expect(handover).toMatchObject({ siteId, fromShiftKey: FROM, toShiftKey: TO, outgoingId: outgoing.id, incomingId: incoming.id, arrivedAt: ARRIVED, shiftStartsAt: SHIFT_STARTS, late: false, createdAt: NOW })
    expect(handover.acknowledgements).toEqual(input.acknowledgements)
    expect(handover.counts).toEqual(input.counts)

    const signatures = await db.signatures.where('subjectId').equals(handover.id).toArray()
    expect(signatures.map((s) => ({ ...s, id: undefined })).sort((a, b) => a.signedAt - b.signedAt)).toEqual([
      { id: undefined, siteId, subjectType: 'handover', subjectId: handover.id, signerName: outgoing.name, signerStaffId: outgoing.id, image: input.outgoingSignature!.image, signedAt: ARRIVED + 10 * MINUTE },
      { id: undefined, siteId, subjectType: 'handover', subjectId: handover.id, signerName: incoming.name, signerStaffId: incoming.id, image: input.incomingSignature!.image, signedAt: ARRIVED + 11 * MINUTE },
    ])
    expect([handover.outgoingSignatureId, handover.incomingSignatureId]).toEqual(signatures.sort((a, b) => a.signedAt - b.signedAt).map((s) => s.id))
    expect([handover.outgoingSignedAt, handover.incomingSignedAt]).toEqual([ARRIVED + 10 * MINUTE, ARRIVED + 11 * MINUTE])

    // Every acknowledged request now belongs to the incoming clerk; the supervisor's and manager's stay theirs.
    const carried = (await db.receptionEvents.filter((e) => e.type === 'carriedOver').toArray()).sort((a, b) => a.receptionId.localeCompare(b.receptionId))
    const acksOfRequests = input.acknowledgements.filter((a) => a.kind === 'reception')
    expect(carried.map((e) => [e.receptionId, e.staffId, e.at, e.note])).toEqual(acksOfRequests.map((a) => [a.itemId, incoming.id, NOW, a.explanation]).sort((a, b) => (a[0] as string).localeCompare(b[0] as string)))
    for (const r of desk.receptions) expect((await db.receptionIndex.get(r.id))?.ownerId).toBe(incoming.id)
    expect((await db.receptionIndex.bulkGet(desk.notTheDesks.map((r) => r.id))).map((r) => r?.ownerId)).toEqual([supervisor, manager])

    const starts = await db.dutyEntries.where('shiftKey').equals(TO).toArray()
    expect(starts).toEqual([expect.objectContaining({ kind: 'dutyStart', staffId: incoming.id, siteId, at: NOW, createdAt: NOW })])

    const outbox = await outboxInOrder(db)
    expect(outbox.map((m) => [m.name, m.recordId])).toEqual([
      ['signature.add', handover.outgoingSignatureId],
      ['signature.add', handover.incomingSignatureId],
      ['handover.add', handover.id],
      ...acksOfRequests.map((a) => ['receptionEvent.add', carried.find((e) => e.receptionId === a.itemId)!.id]),
      ['dutyEntry.add', starts[0]!.id],
    ])
    expect(new Set(outbox.map((m) => `${m.staffId} ${m.siteId} ${m.createdAt}`))).toEqual(new Set([`${incoming.id} ${siteId} ${NOW}`]))

    // The draft on this tablet is done with; the shift now reads as handed over.
    expect(await db.handoverDrafts.get(FROM)).toBeUndefined()
    expect((await contextNow()).alreadyHandedOver).toBe(true)
  })

  it('marks a late arrival: later than the lead before the shift starts (4.3.1, 4.2.7)', async () => {
    await deskDay()
    const onTheMark = await completeHandover(db, actorOf(incoming.id), await fullInput({ arrivedAt: at(D, '19:45') }), NOW)
    expect(onTheMark.late).toBe(false)
    const next = { fromShiftKey: TO, toShiftKey: keyOf(day, addDays(D, 1)), shiftStartsAt: at(addDays(D, 1), '08:00') }
    const late = await completeHandover(
      db,
      actorOf(outgoing.id),
      completeInput(await contextNow(TO, at(addDays(D, 1), '07:55')), { ...next, outgoing: incoming, incoming: outgoing, arrivedAt: at(addDays(D, 1), '07:50') }),
      at(addDays(D, 1), '08:05'),
    )
    expect(late.late).toBe(true)
  })

  it('writes no second dutyStart for an incoming clerk already on the shift taken over', async () => {
    await deskDay()
    await entry({ shiftKey: TO, at: at(D, '19:30'), staffId: incoming.id, kind: 'dutyStart', source: 'system', content: '', action: '' })
    await completeHandover(db, actorOf(incoming.id), await fullInput(), NOW)
    expect(await db.dutyEntries.where('shiftKey').equals(TO).count()).toBe(1)
    expect((await db.outbox.toArray()).filter((m) => m.name === 'dutyEntry.add')).toEqual([])
  })

  it('accepts a count that differs from what is expected when the difference is explained', async () => {
    await deskDay()
    const input = await fullInput()
    input.counts = input.counts.map((c) => (c.itemId === 'keys' ? { ...c, counted: 11, note: '1把钥匙借给工程部' } : c))
    const handover = await completeHandover(db, actorOf(incoming.id), input, NOW)
    expect(handover.counts.find((c) => c.itemId === 'keys')).toMatchObject({ expected: 12, counted: 11, note: '1把钥匙借给工程部' })
  })

  describe('refuses and writes nothing', () => {
    type Case = [string, (input: HandoverInput, desk: Desk) => { input: HandoverInput; actor?: string }, (desk: Desk) => HandoverProblem[]]
    const cases: Case[] = [
      ['a pending request not acknowledged', (input, desk) => ({ input: { ...input, acknowledgements: input.acknowledgements.filter((a) => a.itemId !== desk.receptions[2]!.id) } }), (desk) => [{ code: 'pendingNotAcknowledged', itemId: desk.receptions[2]!.id }]],
      ['an open follow-up not acknowledged', (input, desk) => ({ input: { ...input, acknowledgements: input.acknowledgements.filter((a) => a.itemId !== desk.followUps[0]!.id) } }), (desk) => [{ code: 'pendingNotAcknowledged', itemId: desk.followUps[0]!.id }]],
      ['a count that does not match, without a note', (input) => ({ input: { ...input, counts: input.counts.map((c) => (c.itemId === 'loans' ? { ...c, counted: c.expected - 1, note: '  ' } : c)) } }), () => [{ code: 'countMismatchNote', itemId: 'loans' }]],
      ['an item not counted', (input) => ({ input: { ...input, counts: input.counts.filter((c) => c.itemId !== 'cash') } }), () => [{ code: 'countMissing', itemId: 'cash' }]],
      ['a check not passed, without a note', (input) => ({ input: { ...input, checks: input.checks.map((c) => (c.checkId === 'equipment' ? { ...c, ok: false } : c)) } }), () => [{ code: 'checkNoteRequired', checkId: 'equipment' }]],
      ['the outgoing signature missing', (input) => ({ input: { ...input, outgoingSignature: null } }), () => [{ code: 'outgoingSignatureMissing' }]],
      ['the incoming signature missing', (input) => ({ input: { ...input, incomingSignature: null } }), () => [{ code: 'incomingSignatureMissing' }]],
      ['both signatures missing', (input) => ({ input: { ...input, outgoingSignature: null, incomingSignature: null } }), () => [{ code: 'outgoingSignatureMissing' }, { code: 'incomingSignatureMissing' }]],
      ['the same person as outgoing and incoming', (input) => ({ input: { ...input, outgoingId: incoming.id } }), () => [{ code: 'sameStaff' }]],
      ['someone other than the incoming clerk completing it', (input) => ({ input, actor: outgoing.id }), () => [{ code: 'incomingSignatureMissing' }]],
    ]

    it.each(cases)('%s', async (_, change, want) => {
      const desk = await deskDay()
      const before = await snapshot()
      const { input, actor = incoming.id } = change(await fullInput(), desk)
      expect(await refusal(completeHandover(db, actorOf(actor), input, NOW))).toEqual(want(desk))
      expect(await snapshot()).toEqual(before)
      expect(await db.outbox.count()).toBe(0)
    })
  })

  it('refuses a second handover of the same shift with alreadyHandedOver, writing nothing more', async () => {
    await deskDay()
    await completeHandover(db, actorOf(incoming.id), await fullInput(), NOW)
    const before = await snapshot()
    expect(await refusal(completeHandover(db, actorOf(incoming.id), await fullInput(), NOW + MINUTE))).toEqual([{ code: 'alreadyHandedOver' }])
    expect(await snapshot()).toEqual(before)
    expect(await db.handovers.where('fromShiftKey').equals(FROM).count()).toBe(1)
  })

  it('lets only one of two handovers of the same shift signed at once through, whole', async () => {
    await deskDay()
    const input = await fullInput()
    const results = await Promise.allSettled([completeHandover(db, actorOf(incoming.id), input, NOW), completeHandover(db, actorOf(incoming.id), input, NOW)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const failure = results.find((r) => r.status === 'rejected')!
    expect(failure.reason).toBeInstanceOf(RecordInvalidError)
    expect((failure.reason as RecordInvalidError).problems).toEqual([{ code: 'alreadyHandedOver' }])
    expect(await db.handovers.where('fromShiftKey').equals(FROM).count()).toBe(1)
    expect(await db.signatures.count()).toBe(2 + 2)
    expect(await db.receptionEvents.filter((e) => e.type === 'carriedOver').count()).toBe(4)
    expect(await db.dutyEntries.where('shiftKey').equals(TO).count()).toBe(1)
    expect(await db.outbox.count()).toBe(2 + 1 + 4 + 1)
  })
})

describe('carriedTo', () => {
  async function handedOver(): Promise<Desk> {
    const desk = await deskDay()
    await completeHandover(db, actorOf(incoming.id), await fullInput(), NOW)
    return desk
  }

  it('lists what the handover passed on to the incoming clerk, with labels and explanations, all still open', async () => {
    const desk = await handedOver()
    const got = await carriedTo(db, siteId, incoming.id, TO, at(D, '20:10'))
    expect(got?.handover).toMatchObject({ fromShiftKey: FROM, toShiftKey: TO, incomingId: incoming.id })
    expect(got?.items).toEqual([
      ...desk.receptions.map((r, i) => ({ kind: 'reception', itemId: r.id, label: `${r.ref} ${r.matter}`, explanation: `说明${i + 1}`, open: true })),
      ...desk.followUps.map((e, i) => ({ kind: 'dutyEntry', itemId: e.id, label: e.content, explanation: `说明${desk.receptions.length + i + 1}`, open: true })),
    ])
  })

  it('says which carried items are no longer open: a request closed, a follow-up resolved', async () => {
    const desk = await handedOver()
    const [enquiry] = desk.receptions
    await seedReception(db, (await db.receptions.get(enquiry!.id))!, [...(await db.receptionEvents.where('receptionId').equals(enquiry!.id).toArray()), makeTimelineEvent(enquiry!, 'result', at(D, '21:00'), incoming.id)])
    await entry({ shiftKey: TO, at: at(D, '21:30'), staffId: incoming.id, correctsId: desk.followUps[1]!.id, resolvesFollowUp: true, content: '门锁已更换' })
    const got = await carriedTo(db, siteId, incoming.id, TO, at(D, '22:00'))
    expect(got?.items.map((i) => [i.itemId, i.open])).toEqual([
      [desk.receptions[0]!.id, false],
      [desk.receptions[1]!.id, true],
      [desk.receptions[2]!.id, true],
      [desk.receptions[3]!.id, true],
      [desk.followUps[0]!.id, true],
      [desk.followUps[1]!.id, false],
      [desk.followUps[2]!.id, true],
    ])
  })

  // FAILS against the current code — see the report: carriedTo compares the carried entry's id with the
  // ids of the latest versions, so a follow-up corrected after the handover reads as closed.
  it('keeps a carried follow-up open when the incoming clerk corrects it without closing it', async () => {
    const desk = await handedOver()
    const [lastNight] = desk.followUps
    await entry({ shiftKey: TO, at: lastNight!.at, staffId: incoming.id, followUp: true, correctsId: lastNight!.id, content: '2栋地下车库积水,工程部明早抽水', createdAt: at(D, '20:30') })
    const got = await carriedTo(db, siteId, incoming.id, TO, at(D, '21:00'))
    expect(got?.items.find((i) => i.itemId === lastNight!.id)?.open).toBe(true)
  })

  it('is null for someone the shift was not handed to, and for another shift', async () => {
    await handedOver()
    expect(await carriedTo(db, siteId, outgoing.id, TO, NOW)).toBeNull()
    expect(await carriedTo(db, siteId, incoming.id, keyOf(day, addDays(D, 1)), NOW)).toBeNull()
    expect(await carriedTo(db, otherSite, incoming.id, TO, NOW)).toBeNull()
  })
})
