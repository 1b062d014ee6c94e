import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { HOUR, MINUTE } from '@shared/domain/time'
import type { DeskbookDb } from '@client/db/database'
import {
  addPaidService,
  addPeriodical,
  lendItem,
  loansOfMonth,
  loansOutCount,
  openLoanList,
  paidServicesOfDay,
  paidServicesSince,
  periodicalsOfMonth,
  returnLoan,
  suggestedReceiptNo,
} from '@client/db/duty/desk-services'
import { RecordInvalidError } from '@client/db/errors'
import { freshDb } from '../../factories/db'
import { makeActor } from '../../factories/site'
import { makeLoanInput, makePaidServiceInput, makePeriodicalInput } from '../../factories/desk-services'

const T0 = Date.UTC(2026, 10, 27, 2) // 2026-11-27 10:00 in Shanghai
const TZ = 'Asia/Shanghai'

let db: DeskbookDb
const actor = { ...makeActor(), staffId: newId() }
beforeEach(() => {
  db = freshDb()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

/** The problems a refused write carries. */
async function refused(write: Promise<unknown>): Promise<string[]> {
  const e = await write.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(RecordInvalidError)
  return (e as RecordInvalidError<string>).problems
}

describe('addPeriodical', () => {
  it('writes the periodical, trimmed, with its outbox entry', async () => {
    const p = await addPeriodical(db, actor, 'assistant', makePeriodicalInput({ title: ' 人民日报 ', issue: ' 第 327 期 ', filed: false }), T0 + MINUTE)
    expect(await db.periodicals.get(p.id)).toEqual({ id: p.id, siteId: actor.siteId, title: '人民日报', issue: '第 327 期', copies: 2, receivedAt: T0, filed: false, staffId: actor.staffId })
    const [entry, ...more] = await db.outbox.toArray()
    expect(more).toEqual([])
    expect(entry).toMatchObject({ name: 'periodical.add', version: 1, table: 'periodicals', recordId: p.id, staffId: actor.staffId, siteId: actor.siteId, fields: { title: '人民日报', filed: false } })
  })

  it('refuses a periodical without title, with no copies, or received in the future, and writes nothing', async () => {
    expect(await refused(addPeriodical(db, actor, 'assistant', makePeriodicalInput({ title: ' ', copies: 0, receivedAt: T0 + 2 * HOUR }), T0))).toEqual(['titleRequired', 'copiesInvalid', 'receivedInFuture'])
    expect(await db.periodicals.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('refuses a role that may not write the duty log', async () => {
    expect(await refused(addPeriodical(db, actor, 'manager', makePeriodicalInput(), T0))).toEqual(['notAllowed'])
    expect(await refused(addPeriodical(db, actor, 'department', makePeriodicalInput(), T0))).toEqual(['notAllowed'])
  })
})

describe('lendItem and returnLoan', () => {
  it('lends with an outbox entry, then returns once with its own record and outbox entry', async () => {
    const loan = await lendItem(db, actor, 'assistant', makeLoanInput({ borrower: ' 王建国 ', note: ' 蓝色长柄 ' }), T0)
    expect(await db.loans.get(loan.id)).toMatchObject({ item: '雨伞', quantity: 1, borrower: '王建国', room: '3-2-1101', note: '蓝色长柄', lentAt: T0, staffId: actor.staffId })
    const back = await returnLoan(db, actor, 'assistant', { loanId: loan.id, returnedAt: T0 + 3 * HOUR, note: '完好' }, T0 + 3 * HOUR)
    expect(await db.loanReturns.get(back.id)).toEqual({ id: back.id, siteId: actor.siteId, loanId: loan.id, returnedAt: T0 + 3 * HOUR, staffId: actor.staffId, note: '完好' })
    expect((await db.outbox.toArray()).map((m) => [m.name, m.recordId])).toEqual([
      ['loan.add', loan.id],
      ['loanReturn.add', back.id],
    ])
  })

  it('refuses returning twice, an unknown loan, another site’s loan, and a return before the loan', async () => {
    const loan = await lendItem(db, actor, 'assistant', makeLoanInput(), T0)
    expect(await refused(returnLoan(db, actor, 'assistant', { loanId: loan.id, returnedAt: T0 - MINUTE, note: '' }, T0 + HOUR))).toEqual(['returnBeforeLent'])
    await returnLoan(db, actor, 'assistant', { loanId: loan.id, note: '' }, T0 + HOUR)
    expect(await refused(returnLoan(db, actor, 'assistant', { loanId: loan.id, note: '' }, T0 + 2 * HOUR))).toEqual(['alreadyReturned'])
    expect(await refused(returnLoan(db, actor, 'assistant', { loanId: newId(), note: '' }, T0 + 2 * HOUR))).toEqual(['unknownLoan'])
    const elsewhere = await lendItem(db, { ...actor, siteId: newId() }, 'assistant', makeLoanInput(), T0)
    expect(await refused(returnLoan(db, actor, 'assistant', { loanId: elsewhere.id, note: '' }, T0 + 2 * HOUR))).toEqual(['unknownLoan'])
    expect(await db.loanReturns.count()).toBe(1)
    expect((await db.outbox.toArray()).filter((m) => m.name === 'loanReturn.add')).toHaveLength(1)
  })

  it('refuses a loan without item or borrower, a bad quantity or phone', async () => {
    expect(await refused(lendItem(db, actor, 'assistant', makeLoanInput({ item: '', borrower: ' ', quantity: 0, phone: '12' }), T0))).toEqual(['itemRequired', 'quantityInvalid', 'borrowerRequired', 'phoneInvalid'])
    expect(await refused(lendItem(db, actor, 'manager', makeLoanInput(), T0))).toEqual(['notAllowed'])
    expect(await db.loans.count()).toBe(0)
  })
})

describe('addPaidService', () => {
  it('keeps the amount typed in yuan as fen, with its outbox entry', async () => {
    const s = await addPaidService(db, actor, 'assistant', makePaidServiceInput({ amount: '12.5', receiptNo: ' a000123 ' }), T0)
    expect(await db.paidServices.get(s.id)).toEqual({ id: s.id, siteId: actor.siteId, at: T0, service: '复印', room: '3-2-1101', customerName: '王建国', amountFen: 1250, receiptNo: 'A000123', staffId: actor.staffId })
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ name: 'paidService.add', table: 'paidServices', recordId: s.id, fields: expect.objectContaining({ amountFen: 1250, receiptNo: 'A000123' }) })])
  })

  it.each([
    ['abc', 'amountInvalid'],
    ['12.345', 'amountInvalid'],
    ['', 'amountInvalid'],
    ['0', 'amountZero'],
    ['1000000.01', 'amountTooLarge'],
  ])('refuses the amount %j (%s)', async (amount, problem) => {
    expect(await refused(addPaidService(db, actor, 'assistant', makePaidServiceInput({ amount }), T0))).toEqual([problem])
    expect(await db.paidServices.count()).toBe(0)
  })

  it('refuses a missing receipt number, and a number already used at the site however it is typed', async () => {
    expect(await refused(addPaidService(db, actor, 'assistant', makePaidServiceInput({ receiptNo: '  ' }), T0))).toEqual(['receiptRequired'])
    await addPaidService(db, actor, 'assistant', makePaidServiceInput({ receiptNo: 'A000123' }), T0)
    expect(await refused(addPaidService(db, actor, 'assistant', makePaidServiceInput({ receiptNo: 'a000123', service: '开锁' }), T0 + HOUR))).toEqual(['receiptUsed'])
    expect(await db.paidServices.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
    // Another site keeps its own receipt books.
    await addPaidService(db, { ...actor, siteId: newId() }, 'assistant', makePaidServiceInput({ receiptNo: 'A000123' }), T0)
    expect(await db.paidServices.count()).toBe(2)
  })
})

describe('reads for the handover', () => {
  it('openLoanList gives the site’s loans not returned, oldest first; loansOutCount counts their pieces', async () => {
    const late = await lendItem(db, actor, 'assistant', makeLoanInput({ item: '手推车', quantity: 2, lentAt: T0 + HOUR }), T0 + HOUR)
    const early = await lendItem(db, actor, 'assistant', makeLoanInput({ item: '雨伞', quantity: 3, lentAt: T0 - HOUR }), T0 + HOUR)
    const back = await lendItem(db, actor, 'assistant', makeLoanInput({ item: '工具', lentAt: T0 }), T0 + HOUR)
    await lendItem(db, { ...actor, siteId: newId() }, 'assistant', makeLoanInput({ quantity: 9 }), T0)
    await returnLoan(db, actor, 'assistant', { loanId: back.id, note: '' }, T0 + 2 * HOUR)
    expect((await openLoanList(db, actor.siteId)).map((l) => l.id)).toEqual([early.id, late.id])
    expect(await loansOutCount(db, actor.siteId)).toBe(5)
    expect(await loansOutCount(db, newId())).toBe(0)
  })

  it('paidServicesSince gives the site’s paid services recorded from a moment on (the last handover), in time order', async () => {
    const at = (h: number): number => T0 + h * HOUR
    for (const [no, h] of [['A000099', 1], ['A000101', 3], ['A000100', 2], ['A000098', 0], ['A000102', 5]] as const) {
      await addPaidService(db, actor, 'assistant', makePaidServiceInput({ receiptNo: no, at: at(h) }), at(6))
    }
    await addPaidService(db, { ...actor, siteId: newId() }, 'assistant', makePaidServiceInput({ receiptNo: 'A000500', at: at(2) }), at(6))
    const since = async (h: number): Promise<string[]> => (await paidServicesSince(db, actor.siteId, at(h))).map((s) => s.receiptNo)
    expect(await since(1)).toEqual(['A000099', 'A000100', 'A000101', 'A000102'])
    expect(await since(5)).toEqual(['A000102'])
    expect(await since(6)).toEqual([])
  })
})

describe('reads for the pages', () => {
  it('suggests the number after the last receipt recorded, skipping numbers already used', async () => {
    expect(await suggestedReceiptNo(db, actor.siteId)).toBe('')
    await addPaidService(db, actor, 'assistant', makePaidServiceInput({ receiptNo: 'A000124' }), T0)
    await addPaidService(db, actor, 'assistant', makePaidServiceInput({ receiptNo: 'A000123' }), T0)
    expect(await suggestedReceiptNo(db, actor.siteId)).toBe('A000125')
  })

  it('lists a month’s periodicals and loans (with their returns) newest first, by the site’s local month', async () => {
    // 2026-11-30 23:30 and 2026-12-01 00:30 in Shanghai.
    const endOfNov = Date.UTC(2026, 10, 30, 15, 30)
    const startOfDec = Date.UTC(2026, 10, 30, 16, 30)
    await addPeriodical(db, actor, 'assistant', makePeriodicalInput({ title: '十一月', receivedAt: endOfNov }), startOfDec)
    await addPeriodical(db, actor, 'assistant', makePeriodicalInput({ title: '十二月', receivedAt: startOfDec }), startOfDec)
    await addPeriodical(db, actor, 'assistant', makePeriodicalInput({ title: '较早', receivedAt: T0 }), startOfDec)
    expect((await periodicalsOfMonth(db, actor.siteId, '2026-11', TZ)).map((p) => p.title)).toEqual(['十一月', '较早'])
    expect((await periodicalsOfMonth(db, actor.siteId, '2026-12', TZ)).map((p) => p.title)).toEqual(['十二月'])

    const out = await lendItem(db, actor, 'assistant', makeLoanInput({ item: '手推车', lentAt: endOfNov }), startOfDec)
    const back = await lendItem(db, actor, 'assistant', makeLoanInput({ item: '雨伞', lentAt: T0 }), startOfDec)
    await returnLoan(db, actor, 'assistant', { loanId: back.id, returnedAt: T0 + HOUR, note: '完好' }, startOfDec)
    const month = await loansOfMonth(db, actor.siteId, '2026-11', TZ)
    expect(month.map((r) => [r.loan.id, r.returned?.note ?? null])).toEqual([
      [out.id, null],
      [back.id, '完好'],
    ])
  })

  it('lists a day’s paid services in order with their total', async () => {
    await addPaidService(db, actor, 'assistant', makePaidServiceInput({ receiptNo: 'A2', amount: '3', at: T0 + HOUR }), T0 + 2 * HOUR)
    await addPaidService(db, actor, 'assistant', makePaidServiceInput({ receiptNo: 'A1', amount: '12.5', at: T0 }), T0 + 2 * HOUR)
    await addPaidService(db, actor, 'assistant', makePaidServiceInput({ receiptNo: 'A3', amount: '100', at: T0 + 24 * HOUR }), T0 + 24 * HOUR)
    const day = await paidServicesOfDay(db, actor.siteId, '2026-11-27', TZ)
    expect(day.services.map((s) => s.receiptNo)).toEqual(['A1', 'A2'])
    expect(day.totalFen).toBe(1550)
  })
})
