/**
 * Comments cite the regulations as `篇N x.y` (issue 11 point 4): 篇2 and 篇4 both have a 4.3, so a bare
 * section number leaves the reader to guess which rule the code rests on.
 */
import { describe, expect, it } from 'vitest'
import { readSources } from './import-graph'

// A section number (4.3, 4.3.2) that is not a ratio (4.5:1), a duration or a size.
const SECTION = /(?<![\w.§#])([1-5]\.\d{1,2}(?:\.\d{1,2})?)(?![\w.]*\d)(?!\s*(?::1|µs|ms|s\b|h\b|MB|KB|%|px|mm|米|秒|倍|x\b))/g
// What may stand between `篇N` and a further number of the same citation: numbers, dashes, commas, item letters.
const SAME_CITATION = /^(?:[\s\d.–\-,、/()（）]|(?<![a-zA-Z])[a-zA-Z](?![a-zA-Z]))*$/
const COMMENT = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->/g
// Numbers that are not the regulations': the spec's sections, issues and their points, versions.
const OTHER_NUMBERING = /(§|SPEC|issue|point|version|v)\s*$/i

/** The section numbers in `text`'s comments that do not say which part of the regulations they are in. */
export function bareCitations(text: string): string[] {
  const found: string[] = []
  for (const comment of text.match(COMMENT) ?? []) {
    for (const m of comment.matchAll(SECTION)) {
      const before = comment.slice(Math.max(0, m.index - 30), m.index)
      const part = before.lastIndexOf('篇')
      if (part >= 0 && SAME_CITATION.test(before.slice(part + 2))) continue
      if (OTHER_NUMBERING.test(before.slice(-12))) continue
      found.push(m[1]!)
    }
  }
  return found
}

describe('citations of the regulations', () => {
  it('tells a bare section from a cited one', () => {
    expect(bareCitations('// handed over (4.3.4–4.3.5)')).toEqual(['4.3.4', '4.3.5'])
    expect(bareCitations('// handed over (篇2 4.3.4–4.3.5; 篇3 九)')).toEqual([])
    expect(bareCitations('/** 篇2 4.3.2 a, b: acknowledged */')).toEqual([])
    expect(bareCitations('/* contrast 4.5:1, issue 4 point 6, SPEC §2.3 */')).toEqual([])
    expect(bareCitations('// the supervisor (篇4 4.3) and the manager (4.9)')).toEqual(['4.9'])
  })

  it('every comment in src/ cites a section with its part (篇N x.y)', () => {
    const bare = readSources().flatMap((s) => bareCitations(s.text).map((c) => `${s.file}: ${c}`))
    expect(bare).toEqual([])
  })
})
