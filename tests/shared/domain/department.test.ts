import { describe, expect, it } from 'vitest'
import { SUGGESTED_DEPARTMENTS, duplicateNames } from '@shared/domain/department'

describe('duplicateNames', () => {
  it.each<{ name: string; names: string[]; duplicates: string[] }>([
    { name: 'no names', names: [], duplicates: [] },
    { name: 'all different', names: ['工程部', '秩序部', '环境部'], duplicates: [] },
    { name: 'one name twice', names: ['工程部', '秩序部', '工程部'], duplicates: ['工程部'] },
    { name: 'one name three times is reported once', names: ['工程部', '工程部', '工程部'], duplicates: ['工程部'] },
    { name: 'two names twice each, in order of first repeat', names: ['秩序部', '工程部', '工程部', '秩序部'], duplicates: ['工程部', '秩序部'] },
    { name: 'surrounding spaces are ignored', names: ['工程部', ' 工程部 ', '秩序部'], duplicates: ['工程部'] },
    { name: 'full-width spaces count as spaces', names: ['工程部', '\u3000工程部'], duplicates: ['工程部'] },
    { name: 'inner spaces make a different name', names: ['工程 部', '工程部'], duplicates: [] },
    { name: 'letter case makes a different name', names: ['IT', 'it'], duplicates: [] },
    { name: 'blank names repeat as the empty string', names: ['', '  '], duplicates: [''] },
  ])('$name', ({ names, duplicates }) => {
    expect(duplicateNames(names)).toEqual(duplicates)
  })

  it('finds no duplicate among the suggested departments', () => {
    expect(duplicateNames(SUGGESTED_DEPARTMENTS)).toEqual([])
  })
})
