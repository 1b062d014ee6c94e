import { describe, expect, it } from 'vitest'
import { fitColumns, percentOf, wordsOf } from '@client/components/print-columns'

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
const round = (xs: readonly number[]): number[] => xs.map((x) => Math.round(x * 100) / 100)

describe('fitColumns: columns sized for their longest word (issue 10 point 23)', () => {
  it.each([
    { name: 'every word fits: as declared', widths: [8, 8, 32, 52], needed: [6, 7, null, null], want: [8, 8, 32, 52] },
    { name: '接待登记 needs 10%: the source column grows, the wrapping ones give in proportion', widths: [8, 8, 32, 52], needed: [null, 10, null, null], want: [7.83, 10, 31.3, 50.87] },
    { name: 'two short columns grow at once', widths: [10, 10, 80], needed: [12, 13, null], want: [12, 13, 75] },
    { name: 'the wrapping columns keep half their room, whatever a word wants', widths: [10, 10, 20], needed: [60, null, null], want: [25, 5, 10] },
    { name: 'no wrapping column to take from: as declared', widths: [50, 50], needed: [60, 40], want: [50, 50] },
  ])('$name', ({ widths, needed, want }) => {
    const fitted = fitColumns(widths, needed)
    expect(round(fitted)).toEqual(want)
    expect(sum(fitted)).toBeCloseTo(sum(widths), 6)
  })

  it('reads a percent width, and nothing else', () => {
    expect([percentOf('8%'), percentOf(' 12.5% '), percentOf('30mm'), percentOf('')]).toEqual([8, 12.5, null, null])
  })

  it('splits a cell at spaces only: a CJK word stays whole', () => {
    expect(wordsOf('接待登记')).toEqual(['接待登记'])
    expect(wordsOf(' 11-28  09:10 ')).toEqual(['11-28', '09:10'])
    expect(wordsOf(undefined)).toEqual([])
  })
})
