import { describe, expect, it } from 'vitest'
import { numberSheets, paginate } from '@client/components/print-pagination'

describe('paginate', () => {
  it.each([
    { name: 'everything fits on one page', rows: [10, 10, 10], capacity: 100, tail: 20, pages: [[0, 1, 2]] },
    { name: 'a row that would cross the page end starts the next page', rows: [40, 40, 40], capacity: 100, tail: 0, pages: [[0, 1], [2]] },
    { name: 'rows exactly filling a page stay on it', rows: [50, 50, 10], capacity: 100, tail: 0, pages: [[0, 1], [2]] },
    { name: 'closing blocks that do not fit go to a page of their own', rows: [45, 45], capacity: 100, tail: 20, pages: [[0, 1], []] },
    { name: 'closing blocks that just fit stay', rows: [40, 40], capacity: 100, tail: 20, pages: [[0, 1]] },
    { name: 'no rows: one page with the closing blocks', rows: [], capacity: 100, tail: 20, pages: [[]] },
  ])('$name', ({ rows, capacity, tail, pages }) => {
    expect(paginate({ rowHeights: rows, capacity, tail }).pages).toEqual(pages)
  })

  it('never splits a row: each row lies wholly on one page and every page holds at most its capacity', () => {
    const rows = Array.from({ length: 500 }, (_, i) => 8 + ((i * 37) % 23))
    const { pages } = paginate({ rowHeights: rows, capacity: 700, tail: 120 })
    expect(pages.flat()).toEqual(rows.map((_, i) => i))
    for (const page of pages) expect(page.reduce((s, i) => s + rows[i]!, 0)).toBeLessThanOrEqual(700)
  })

  it('fills a blank form up to the closing blocks', () => {
    const r = paginate({ rowHeights: [], capacity: 1000, tail: 300, blankRowHeight: 40 })
    expect(r).toEqual({ pages: [[]], blankRows: 17, oversized: [] })
  })

  it('reports a row taller than a page instead of looping', () => {
    expect(paginate({ rowHeights: [10, 500, 10], capacity: 100, tail: 0 })).toEqual({ pages: [[0], [1], [2]], blankRows: 0, oversized: [1] })
  })

  it('refuses a page with no room', () => {
    expect(() => paginate({ rowHeights: [1], capacity: 0, tail: 0 })).toThrow(RangeError)
  })
})

describe('numberSheets: pages numbered through a print job (issue 10 point 10)', () => {
  it.each([
    { name: 'one sheet', counts: [3], firsts: [1], total: 3 },
    { name: 'a shift, its appendix, the next shift', counts: [4, 3, 1], firsts: [1, 5, 8], total: 8 },
    { name: 'a month of one-page shifts', counts: [1, 1, 1, 1], firsts: [1, 2, 3, 4], total: 4 },
    { name: 'no sheet', counts: [], firsts: [], total: 0 },
  ])('$name', ({ counts, firsts, total }) => {
    expect(numberSheets(counts)).toEqual({ firsts, total })
  })
})
