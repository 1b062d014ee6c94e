/**
 * Splitting a printed table into A4 pages without ever splitting a row (SPEC §6). Pure: the
 * print sheet measures heights in the browser and asks this where each page ends.
 */

export interface PaginationInput {
  /** Height of each body row, in px. */
  rowHeights: readonly number[]
  /** Height available for body rows on every page (page minus header, table head and footer). */
  capacity: number
  /** Height needed after the last row on the last page (closing blocks, signature lines). */
  tail: number
  /** For blank forms: height of an empty row, to fill the last page up; 0 = no filling. */
  blankRowHeight?: number
}

export interface PaginationResult {
  /** Row indices of each page; a page may hold none when only the closing blocks go there. */
  pages: number[][]
  /** Empty rows to add to the last page with rows. */
  blankRows: number
  /** Rows taller than a whole page (printed alone, cut at the page end). */
  oversized: number[]
}

export function paginate({ rowHeights, capacity, tail, blankRowHeight = 0 }: PaginationInput): PaginationResult {
  if (!(capacity > 0)) throw new RangeError('print page has no room for rows')
  const pages: number[][] = [[]]
  const oversized: number[] = []
  let used = 0
  rowHeights.forEach((h, i) => {
    const page = pages.at(-1)!
    if (used + h > capacity && page.length) {
      pages.push([i])
      used = h
    } else {
      page.push(i)
      used += h
    }
    if (h > capacity) oversized.push(i)
  })
  let blankRows = 0
  if (blankRowHeight > 0) {
    // Blank forms: fill what the closing blocks leave free on the last page, at least one row.
    const room = capacity - used - Math.min(tail, capacity)
    blankRows = Math.max(0, Math.floor(room / blankRowHeight))
    used += blankRows * blankRowHeight
  }
  if (used + tail > capacity && (pages.at(-1)!.length || blankRows)) pages.push([])
  return { pages, blankRows, oversized }
}

/**
 * Page numbers through a print job of several sheets, in print order (issue 10 point 10): each
 * sheet's first page number and the job's page count, so a set filed together reads 第1页…第N页/共N页.
 */
export function numberSheets(pageCounts: readonly number[]): { firsts: number[]; total: number } {
  const firsts: number[] = []
  let next = 1
  for (const n of pageCounts) {
    firsts.push(next)
    next += n
  }
  return { firsts, total: next - 1 }
}
