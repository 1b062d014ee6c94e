/**
 * The desk services log (篇1 3.4; 篇2 4.4.1 i; issue 5 point 6): periodicals received and filed, items
 * lent and returned, paid services with their receipt numbers. Every record is append-only and goes
 * through writeRecords with its outbox entry; a return is its own record. The handover counts what is
 * still lent (`loansOutCount`) and the receipts written out since the last one (`paidServicesSince`).
 */
import { newId } from '@shared/domain/ids'
import {
  loanProblems,
  loanReturnProblems,
  nextReceiptNo,
  normaliseReceiptNo,
  openLoans,
  paidServiceProblems,
  parseYuan,
  periodicalProblems,
  piecesOut,
  type Loan,
  type LoanProblem,
  type LoanReturn,
  type LoanReturnProblem,
  type PaidService,
  type PaidServiceProblem,
  type Periodical,
  type PeriodicalProblem,
} from '@shared/domain/desk-services'
import { can, type Role } from '@shared/domain/role'
import { addDays, instantAt } from '@shared/domain/time'
import type { DeskbookDb } from '../database'
import { writeRecords, writeTransaction, type Actor } from '../write-records'
import { RecordInvalidError } from '../errors'

/** Why a desk-services write was refused (RecordInvalidError); each is shown as `t('deskServices.problems.<problem>')`. */
export type DeskServiceProblem = PeriodicalProblem | LoanProblem | LoanReturnProblem | PaidServiceProblem | 'notAllowed' | 'unknownLoan' | 'alreadyReturned' | 'receiptUsed'

type StaffActor = Actor & { staffId: string }

const refuse = (problems: DeskServiceProblem[]): RecordInvalidError<DeskServiceProblem> => new RecordInvalidError(problems)

function refuseUnless(role: Role, found: DeskServiceProblem[]): void {
  // The same action the server checks for these mutations (registry: dutyLog.write).
  if (!can(role, 'dutyLog.write')) found.push('notAllowed')
  if (found.length) throw refuse(found)
}

// ——— Writes ———

export interface PeriodicalInput {
  title: string
  issue: string
  copies: number
  receivedAt: number
  /** 装夹: filed in the rack when entered (the record is append-only, so this is said at entry). */
  filed: boolean
}

/** 篇1 3.4: a periodical the office subscribes to was received (and filed). */
export async function addPeriodical(db: DeskbookDb, actor: StaffActor, role: Role, input: PeriodicalInput, now = Date.now()): Promise<Periodical> {
  const record: Periodical = {
    id: newId(),
    siteId: actor.siteId,
    title: input.title.trim(),
    issue: input.issue.trim(),
    copies: input.copies,
    receivedAt: input.receivedAt,
    filed: input.filed,
    staffId: actor.staffId,
  }
  refuseUnless(role, periodicalProblems(record, now))
  await writeRecords(db, actor, [{ name: 'periodical.add', row: record }], now)
  return record
}

export interface LoanInput {
  item: string
  quantity: number
  borrower: string
  room: string
  phone: string
  note: string
  /** When it went out; now when omitted. */
  lentAt?: number
}

/** Lend an item (umbrella, trolley, tool …) to a resident; it stays open until its return is recorded. */
export async function lendItem(db: DeskbookDb, actor: StaffActor, role: Role, input: LoanInput, now = Date.now()): Promise<Loan> {
  const record: Loan = {
    id: newId(),
    siteId: actor.siteId,
    item: input.item.trim(),
    quantity: input.quantity,
    borrower: input.borrower.trim(),
    room: input.room.trim(),
    phone: input.phone.trim(),
    lentAt: input.lentAt ?? now,
    staffId: actor.staffId,
    note: input.note.trim(),
  }
  refuseUnless(role, loanProblems(record, now))
  await writeRecords(db, actor, [{ name: 'loan.add', row: record }], now)
  return record
}

export interface LoanReturnInput {
  loanId: string
  /** When it came back; now when omitted. */
  returnedAt?: number
  note: string
}

/** Record that a lent item came back; refused for an unknown loan or one already returned. */
export async function returnLoan(db: DeskbookDb, actor: StaffActor, role: Role, input: LoanReturnInput, now = Date.now()): Promise<LoanReturn> {
  const record: LoanReturn = {
    id: newId(),
    siteId: actor.siteId,
    loanId: input.loanId,
    returnedAt: input.returnedAt ?? now,
    staffId: actor.staffId,
    note: input.note.trim(),
  }
  refuseUnless(role, [])
  return writeTransaction(db, [db.loans, db.loanReturns], async () => {
    const loan = await db.loans.get(input.loanId)
    if (!loan || loan.siteId !== actor.siteId) throw refuse(['unknownLoan'])
    if (await db.loanReturns.where('loanId').equals(loan.id).count()) throw refuse(['alreadyReturned'])
    const found = loanReturnProblems(record, loan, now)
    if (found.length) throw refuse(found)
    await writeRecords(db, actor, [{ name: 'loanReturn.add', row: record }], now)
    return record
  })
}

export interface PaidServiceInput {
  service: string
  room: string
  customerName: string
  /** As the clerk typed it, in yuan ("12", "12.5", "12.50"). */
  amount: string
  receiptNo: string
  /** When it was done; now when omitted. */
  at?: number
}

/** Record a paid service with its receipt; a receipt number already used at the site is refused. */
export async function addPaidService(db: DeskbookDb, actor: StaffActor, role: Role, input: PaidServiceInput, now = Date.now()): Promise<PaidService> {
  const record: PaidService = {
    id: newId(),
    siteId: actor.siteId,
    at: input.at ?? now,
    service: input.service.trim(),
    room: input.room.trim(),
    customerName: input.customerName.trim(),
    amountFen: parseYuan(input.amount),
    receiptNo: normaliseReceiptNo(input.receiptNo),
    staffId: actor.staffId,
  }
  refuseUnless(role, paidServiceProblems(record, now))
  return writeTransaction(db, [db.paidServices], async () => {
    // One receipt, one service: a second use of a number is a typing mistake or a lost receipt.
    if (await receiptUsed(db, actor.siteId, record.receiptNo)) throw refuse(['receiptUsed'])
    await writeRecords(db, actor, [{ name: 'paidService.add', row: record }], now)
    return record
  })
}

// ——— Reads for the handover (others import exactly these) ———

async function siteLoans(db: DeskbookDb, siteId: string): Promise<{ loans: Loan[]; returns: LoanReturn[] }> {
  const [loans, returns] = await Promise.all([db.loans.orderBy('lentAt').filter((l) => l.siteId === siteId).toArray(), db.loanReturns.filter((r) => r.siteId === siteId).toArray()])
  return { loans, returns }
}

/** Loans of the site not yet returned, oldest first. */
export async function openLoanList(db: DeskbookDb, siteId: string): Promise<Loan[]> {
  const { loans, returns } = await siteLoans(db, siteId)
  return openLoans(loans, returns)
}

/** Pieces still out on loan at the site (the handover's count of lent items, 篇2 4.3.3). */
export async function loansOutCount(db: DeskbookDb, siteId: string): Promise<number> {
  const { loans, returns } = await siteLoans(db, siteId)
  return piecesOut(loans, returns)
}

/** Paid services of the site recorded at or after `from` (the last handover): the receipts written out since. */
export async function paidServicesSince(db: DeskbookDb, siteId: string, from: number): Promise<PaidService[]> {
  return db.paidServices.where('at').aboveOrEqual(from).filter((s) => s.siteId === siteId).toArray()
}

// ——— Reads for the pages ———

async function receiptUsed(db: DeskbookDb, siteId: string, receiptNo: string): Promise<boolean> {
  return !!(await db.paidServices.where('receiptNo').equals(receiptNo).filter((s) => s.siteId === siteId).first())
}

/**
 * The number to prefill: the one after the receipt recorded last at the site (ids are UUIDv7, so the
 * highest id is the latest recorded), skipping numbers already used; empty before the first receipt.
 */
export async function suggestedReceiptNo(db: DeskbookDb, siteId: string): Promise<string> {
  const last = await db.paidServices.orderBy(':id').reverse().filter((s) => s.siteId === siteId).first()
  let next = last ? nextReceiptNo(last.receiptNo) : ''
  for (let i = 0; next && i < 50 && (await receiptUsed(db, siteId, next)); i++) next = nextReceiptNo(next)
  return next
}

/** The instants a local month (`YYYY-MM`) starts and ends in `tz`. */
export function monthWindow(month: string, tz: string): { from: number; to: number } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { from: instantAt(`${month}-01`, '00:00', tz), to: instantAt(`${next}-01`, '00:00', tz) }
}

/** The instants a local day (`YYYY-MM-DD`) starts and ends in `tz`. */
export function dayWindow(date: string, tz: string): { from: number; to: number } {
  return { from: instantAt(date, '00:00', tz), to: instantAt(addDays(date, 1), '00:00', tz) }
}

/** Periodicals received in a local month, newest first. */
export async function periodicalsOfMonth(db: DeskbookDb, siteId: string, month: string, tz: string): Promise<Periodical[]> {
  const { from, to } = monthWindow(month, tz)
  const rows = await db.periodicals.where('receivedAt').between(from, to, true, false).filter((p) => p.siteId === siteId).toArray()
  return rows.sort((a, b) => b.receivedAt - a.receivedAt)
}

export interface LoanWithReturn {
  loan: Loan
  /** Its return, or null while it is out. */
  returned: LoanReturn | null
}

/** Loans lent in a local month with their return, newest first. */
export async function loansOfMonth(db: DeskbookDb, siteId: string, month: string, tz: string): Promise<LoanWithReturn[]> {
  const { from, to } = monthWindow(month, tz)
  const loans = await db.loans.where('lentAt').between(from, to, true, false).filter((l) => l.siteId === siteId).toArray()
  const returns = await db.loanReturns.where('loanId').anyOf(loans.map((l) => l.id)).toArray()
  // Two tablets offline may both record a return: the earliest counts.
  const byLoan = new Map<string, LoanReturn>()
  for (const r of returns) {
    const seen = byLoan.get(r.loanId)
    if (!seen || r.returnedAt < seen.returnedAt) byLoan.set(r.loanId, r)
  }
  return loans.sort((a, b) => b.lentAt - a.lentAt).map((loan) => ({ loan, returned: byLoan.get(loan.id) ?? null }))
}

/** Paid services of a local day, in order, with their total in fen. */
export async function paidServicesOfDay(db: DeskbookDb, siteId: string, date: string, tz: string): Promise<{ services: PaidService[]; totalFen: number }> {
  const { from, to } = dayWindow(date, tz)
  const services = (await db.paidServices.where('at').between(from, to, true, false).filter((s) => s.siteId === siteId).toArray()).sort((a, b) => a.at - b.at)
  return { services, totalFen: services.reduce((n, s) => n + s.amountFen, 0) }
}
