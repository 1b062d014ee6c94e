/**
 * Column widths of a printed table sized for their longest word (issue 10 point 23). A column marked
 * `keepWords` never breaks inside a word — 接待登记 stays on one line, `11-28 09:10` may wrap at its
 * space — so it is widened to its longest word, label included; what it gains comes off the other
 * columns in proportion to their widths. Pure: the print sheet measures the words in the browser.
 */

/** The other columns keep at least this share of their declared room, however long a word is. */
const KEEP_AT_LEAST = 0.5

/**
 * `widths` are the declared widths in percent of the table; `needed` the percent each keep-words column
 * needs for its longest word (null for the others). Returns the widths to lay out with, summing as the
 * declared ones do.
 */
export function fitColumns(widths: readonly number[], needed: readonly (number | null)[]): number[] {
  const grow = widths.map((w, i) => Math.max(0, (needed[i] ?? w) - w))
  const flexible = widths.reduce((sum, w, i) => (needed[i] === null || needed[i] === undefined ? sum + w : sum), 0)
  const wanted = grow.reduce((a, b) => a + b, 0)
  if (!wanted) return [...widths]
  // Never squeeze the other columns below their floor: the keep-words ones then grow in proportion.
  const given = Math.min(wanted, flexible * (1 - KEEP_AT_LEAST))
  const shrink = flexible ? (flexible - given) / flexible : 1
  return widths.map((w, i) => (needed[i] === null || needed[i] === undefined ? w * shrink : w + (grow[i]! * given) / wanted))
}

/** A CSS width in percent (`12%` → 12), or null when it is given otherwise. */
export function percentOf(width: string): number | null {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(width.trim())
  return m ? Number(m[1]) : null
}

/** The words of a cell: what may not be broken inside. */
export function wordsOf(text: string | undefined): string[] {
  return (text ?? '').split(/\s+/).filter(Boolean)
}
