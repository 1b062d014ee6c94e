import type { LoanInput, PaidServiceInput, PeriodicalInput } from '@client/db/duty/desk-services'

const AT = Date.UTC(2026, 10, 27, 2) // 10:00 in Shanghai

export function makePeriodicalInput(overrides: Partial<PeriodicalInput> = {}): PeriodicalInput {
  return { title: '人民日报', issue: '2026-11-27', copies: 2, receivedAt: AT, filed: true, ...overrides }
}

export function makeLoanInput(overrides: Partial<LoanInput> = {}): LoanInput {
  return { item: '雨伞', quantity: 1, borrower: '王建国', room: '3-2-1101', phone: '13800138000', note: '', lentAt: AT, ...overrides }
}

export function makePaidServiceInput(overrides: Partial<PaidServiceInput> = {}): PaidServiceInput {
  return { service: '复印', room: '3-2-1101', customerName: '王建国', amount: '12.50', receiptNo: 'A000123', at: AT, ...overrides }
}
