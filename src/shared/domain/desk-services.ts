/**
 * What else the desk keeps (篇1 3.4; 篇2 4.4.1 i; SPEC §2): periodicals received and filed, items
 * lent and returned, paid services with their receipt numbers. All append-only: a return is its own
 * record, so the loan's history stays whole.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import { DAY, HOUR, MINUTE } from './time'
import { PHONE_PATTERN } from './reception'

export const PeriodicalSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** 报刊名称 */
  title: Type.String({ minLength: 1, maxLength: 60 }),
  /** 期号 / date of the issue */
  issue: Type.String({ maxLength: 40 }),
  copies: Type.Integer({ minimum: 1, maximum: 500 }),
  receivedAt: InstantSchema,
  /** 装夹: filed in the reading rack. */
  filed: Type.Boolean(),
  staffId: IdSchema,
})
export type Periodical = Static<typeof PeriodicalSchema>

export const LoanSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** 借出物品: umbrella, trolley, tool … */
  item: Type.String({ minLength: 1, maxLength: 60 }),
  quantity: Type.Integer({ minimum: 1, maximum: 100 }),
  borrower: Type.String({ minLength: 1, maxLength: 40 }),
  room: Type.String({ maxLength: 40 }),
  phone: Type.String({ maxLength: 30 }),
  lentAt: InstantSchema,
  staffId: IdSchema,
  note: Type.String({ maxLength: 500 }),
})
export type Loan = Static<typeof LoanSchema>

export const LoanReturnSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  loanId: IdSchema,
  returnedAt: InstantSchema,
  staffId: IdSchema,
  note: Type.String({ maxLength: 500 }),
})
export type LoanReturn = Static<typeof LoanReturnSchema>

export const PaidServiceSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  at: InstantSchema,
  /** 有偿服务 / 便民服务 item. */
  service: Type.String({ minLength: 1, maxLength: 60 }),
  room: Type.String({ maxLength: 40 }),
  customerName: Type.String({ maxLength: 40 }),
  /** In fen (分), so money never goes through floating point. */
  amountFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  /** 收据号 */
  receiptNo: Type.String({ minLength: 1, maxLength: 30 }),
  staffId: IdSchema,
})
export type PaidService = Static<typeof PaidServiceSchema>

/** Loans not yet returned. */
export function openLoans(loans: readonly Loan[], returns: readonly Pick<LoanReturn, 'loanId'>[]): Loan[] {
  const back = new Set(returns.map((r) => r.loanId))
  return loans.filter((l) => !back.has(l.id))
}

/** Pieces out on loan (what the handover counts as lent items). */
export function piecesOut(loans: readonly Loan[], returns: readonly Pick<LoanReturn, 'loanId'>[]): number {
  return openLoans(loans, returns).reduce((n, l) => n + l.quantity, 0)
}

/** "12.50" yuan from fen. */
export function formatYuan(fen: number): string {
  return (fen / 100).toFixed(2)
}

/** Fen from what a clerk types ("12", "12.5", "12.50"); NaN when not money. */
export function parseYuan(text: string): number {
  const m = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text)
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : Number.NaN
}

/** Receipt numbers used in a list of paid services, lowest and highest (for the handover's receipt book). */
export function receiptRange(services: readonly Pick<PaidService, 'receiptNo'>[]): { first: string; last: string } | null {
  if (!services.length) return null
  const sorted = [...services.map((s) => s.receiptNo)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  return { first: sorted[0]!, last: sorted.at(-1)! }
}

/** The receipt number after `no` (keeps letters and leading zeros: A00123 → A00124; long numbers stay exact). */
export function nextReceiptNo(no: string): string {
  const m = /^(.*?)(\d+)$/.exec(no.trim())
  if (!m) return ''
  const next = String(BigInt(m[2]!) + 1n).padStart(m[2]!.length, '0')
  return `${m[1]}${next}`
}

/** 借出超过 24 小时: a loan out this long is shown as overdue-looking at the desk (a reminder, not a rule). */
export const LOAN_OVERDUE_MS = DAY

/** Has `loan` been out longer than {@link LOAN_OVERDUE_MS} at `now`? (Derived from time, never written.) */
export function isLoanOverdue(loan: Pick<Loan, 'lentAt'>, now: number): boolean {
  return now - loan.lentAt > LOAN_OVERDUE_MS
}

/** A receipt number as it is kept and compared: no spaces, capital letters (a000123 and A 000123 are A000123). */
export function normaliseReceiptNo(no: string): string {
  return no.replace(/\s+/g, '').toUpperCase()
}

/** A few minutes of clock difference between tablets are normal; an hour ahead is a typing mistake. */
const FUTURE_SLACK = HOUR

export type PeriodicalProblem = 'titleRequired' | 'copiesInvalid' | 'receivedInFuture'

/** What a periodical entry must hold beyond its schema (篇1 3.4), as problem codes. */
export function periodicalProblems(p: Pick<Periodical, 'title' | 'copies' | 'receivedAt'>, now: number): PeriodicalProblem[] {
  const out: PeriodicalProblem[] = []
  if (!p.title.trim()) out.push('titleRequired')
  if (!Number.isInteger(p.copies) || p.copies < 1 || p.copies > 500) out.push('copiesInvalid')
  if (p.receivedAt > now + FUTURE_SLACK) out.push('receivedInFuture')
  return out
}

export type LoanProblem = 'itemRequired' | 'quantityInvalid' | 'borrowerRequired' | 'phoneInvalid' | 'lentInFuture'

/** What a loan must hold: the item, how many, and who has it (so it can be asked back). */
export function loanProblems(l: Pick<Loan, 'item' | 'quantity' | 'borrower' | 'phone' | 'lentAt'>, now: number): LoanProblem[] {
  const out: LoanProblem[] = []
  if (!l.item.trim()) out.push('itemRequired')
  if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > 100) out.push('quantityInvalid')
  if (!l.borrower.trim()) out.push('borrowerRequired')
  if (l.phone.trim() && !PHONE_PATTERN.test(l.phone.trim())) out.push('phoneInvalid')
  if (l.lentAt > now + FUTURE_SLACK) out.push('lentInFuture')
  return out
}

export type LoanReturnProblem = 'returnBeforeLent' | 'returnedInFuture'

/**
 * A return cannot come before its loan, nor be dated ahead of now. Times are typed to the minute, so a
 * return in the loan's own minute is fine (lent 10:05:40, returned "10:05").
 */
export function loanReturnProblems(r: Pick<LoanReturn, 'returnedAt'>, loan: Pick<Loan, 'lentAt'>, now: number): LoanReturnProblem[] {
  const out: LoanReturnProblem[] = []
  if (r.returnedAt < loan.lentAt - (loan.lentAt % MINUTE)) out.push('returnBeforeLent')
  if (r.returnedAt > now + FUTURE_SLACK) out.push('returnedInFuture')
  return out
}

export type PaidServiceProblem = 'serviceRequired' | 'amountInvalid' | 'amountZero' | 'amountTooLarge' | 'receiptRequired' | 'atInFuture'

/** Largest amount the record holds (1,000,000 yuan): anything above is a typing mistake. */
export const MAX_AMOUNT_FEN = 100_000_000

/** What a paid service must hold (篇2 4.4.1 i): the service, an amount of money above zero, its receipt number. */
export function paidServiceProblems(s: Pick<PaidService, 'service' | 'amountFen' | 'receiptNo' | 'at'>, now: number): PaidServiceProblem[] {
  const out: PaidServiceProblem[] = []
  if (!s.service.trim()) out.push('serviceRequired')
  if (!Number.isInteger(s.amountFen)) out.push('amountInvalid')
  else if (s.amountFen === 0) out.push('amountZero')
  else if (s.amountFen > MAX_AMOUNT_FEN) out.push('amountTooLarge')
  if (!s.receiptNo.trim()) out.push('receiptRequired')
  if (s.at > now + FUTURE_SLACK) out.push('atInFuture')
  return out
}
