import { describe, expect, it } from 'vitest'
import {
  formatYuan,
  isLoanOverdue,
  loanProblems,
  loanReturnProblems,
  nextReceiptNo,
  normaliseReceiptNo,
  paidServiceProblems,
  parseYuan,
  periodicalProblems,
  receiptRange,
} from '@shared/domain/desk-services'
import { HOUR } from '@shared/domain/time'

const NOW = Date.UTC(2026, 10, 27, 2)

describe('money in fen', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    [' 0.05 ', 5],
    ['9999999.99', 999_999_999],
  ])('parses %j yuan as %i fen', (text, fen) => expect(parseYuan(text)).toBe(fen))

  it.each(['abc', '', '12.505', '-3', '1,200', '12.', '¥12'])('refuses %j', (text) => expect(parseYuan(text)).toBeNaN())

  it('formats fen back with two decimals', () => expect([formatYuan(1250), formatYuan(5), formatYuan(0)]).toEqual(['12.50', '0.05', '0.00']))
})

describe('receipt numbers', () => {
  it.each([
    ['A000123', 'A000124'],
    ['A000999', 'A001000'],
    ['0099', '0100'],
    ['NO.9', 'NO.10'],
    ['无号', ''],
  ])('%s is followed by %j', (no, next) => expect(nextReceiptNo(no)).toBe(next))

  it('sorts a range numerically, not as text', () => {
    expect(receiptRange([{ receiptNo: 'A000100' }, { receiptNo: 'A000099' }, { receiptNo: 'A000101' }])).toEqual({ first: 'A000099', last: 'A000101' })
    expect(receiptRange([])).toBeNull()
  })

  it('keeps numbers without spaces, in capitals', () => expect(normaliseReceiptNo(' a 000123 ')).toBe('A000123'))
})

describe('loans', () => {
  it('looks overdue only after more than 24 hours out', () => {
    expect(isLoanOverdue({ lentAt: NOW - 24 * HOUR }, NOW)).toBe(false)
    expect(isLoanOverdue({ lentAt: NOW - 24 * HOUR - 1 }, NOW)).toBe(true)
  })

  it.each<[Partial<Parameters<typeof loanProblems>[0]>, string[]]>([
    [{}, []],
    [{ item: ' ' }, ['itemRequired']],
    [{ quantity: 0 }, ['quantityInvalid']],
    [{ quantity: 1.5 }, ['quantityInvalid']],
    [{ borrower: '' }, ['borrowerRequired']],
    [{ phone: '12' }, ['phoneInvalid']],
    [{ phone: '' }, []],
    [{ lentAt: NOW + 2 * HOUR }, ['lentInFuture']],
  ])('a loan with %j has problems %j', (change, expected) => {
    expect(loanProblems({ item: '雨伞', quantity: 1, borrower: '王建国', phone: '13800138000', lentAt: NOW, ...change }, NOW)).toEqual(expected)
  })

  it('refuses a return before the loan or an hour ahead of now', () => {
    expect(loanReturnProblems({ returnedAt: NOW - 1 }, { lentAt: NOW }, NOW)).toEqual(['returnBeforeLent'])
    // Typed to the minute: lent 10:00:40, returned "10:00".
    expect(loanReturnProblems({ returnedAt: NOW }, { lentAt: NOW + 40_000 }, NOW + HOUR)).toEqual([])
    expect(loanReturnProblems({ returnedAt: NOW + 2 * HOUR }, { lentAt: NOW }, NOW)).toEqual(['returnedInFuture'])
    expect(loanReturnProblems({ returnedAt: NOW + 5 * 60_000 }, { lentAt: NOW }, NOW)).toEqual([])
  })
})

describe('periodicals and paid services', () => {
  it.each<[Partial<Parameters<typeof periodicalProblems>[0]>, string[]]>([
    [{}, []],
    [{ title: '' }, ['titleRequired']],
    [{ copies: 0 }, ['copiesInvalid']],
    [{ copies: 501 }, ['copiesInvalid']],
    [{ receivedAt: NOW + 2 * HOUR }, ['receivedInFuture']],
  ])('a periodical with %j has problems %j', (change, expected) => {
    expect(periodicalProblems({ title: '人民日报', copies: 2, receivedAt: NOW, ...change }, NOW)).toEqual(expected)
  })

  it.each<[Partial<Parameters<typeof paidServiceProblems>[0]>, string[]]>([
    [{}, []],
    [{ service: ' ' }, ['serviceRequired']],
    [{ amountFen: Number.NaN }, ['amountInvalid']],
    [{ amountFen: 0 }, ['amountZero']],
    [{ amountFen: 100_000_001 }, ['amountTooLarge']],
    [{ receiptNo: '' }, ['receiptRequired']],
    [{ at: NOW + 2 * HOUR }, ['atInFuture']],
  ])('a paid service with %j has problems %j', (change, expected) => {
    expect(paidServiceProblems({ service: '复印', amountFen: 1250, receiptNo: 'A000123', at: NOW, ...change }, NOW)).toEqual(expected)
  })
})
