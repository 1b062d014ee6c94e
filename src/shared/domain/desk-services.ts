/**
 * What else the desk keeps (篇1 3.4; 篇2 4.4.1 i; SPEC §2): periodicals received and filed, items
 * lent and returned, paid services with their receipt numbers. All append-only: a return is its own
 * record, so the loan's history stays whole.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'

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

/** The receipt number after `no` (keeps letters and leading zeros: A00123 → A00124). */
export function nextReceiptNo(no: string): string {
  const m = /^(.*?)(\d+)$/.exec(no.trim())
  if (!m) return ''
  const next = String(Number(m[2]) + 1).padStart(m[2]!.length, '0')
  return `${m[1]}${next}`
}
