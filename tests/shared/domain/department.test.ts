import { describe, expect, it } from 'vitest'
import { SUGGESTED_DEPARTMENTS, departmentProblems, duplicateNames, offeredDepartments, type DepartmentEditInput, type DepartmentProblem } from '@shared/domain/department'

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

describe('departmentProblems', () => {
  const engineering = { id: 'e', name: '工程部', active: true }
  const oldCleaning = { id: 'c', name: '保洁部', active: false }
  const security = { id: 's', name: '秩序部', active: true }
  const site = [engineering, oldCleaning, security]

  it.each<{ name: string; input: DepartmentEditInput; problems: DepartmentProblem[] }>([
    { name: 'a new department with a new name', input: { id: null, name: '绿化部', active: true }, problems: [] },
    { name: 'a name of 30 characters', input: { id: null, name: '部'.repeat(30), active: true }, problems: [] },
    { name: 'a name of 31 characters', input: { id: null, name: '部'.repeat(31), active: true }, problems: ['nameTooLong'] },
    { name: 'spaces around a name do not count towards its length', input: { id: null, name: ` ${'部'.repeat(30)} `, active: true }, problems: [] },
    { name: 'an empty name', input: { id: null, name: '', active: true }, problems: ['nameRequired'] },
    { name: 'a name of spaces only', input: { id: null, name: ' \u3000 ', active: true }, problems: ['nameRequired'] },
    { name: 'the name of another active department', input: { id: null, name: '工程部', active: true }, problems: ['nameTaken'] },
    { name: 'the name of another active department with spaces', input: { id: null, name: ' 秩序部 ', active: true }, problems: ['nameTaken'] },
    { name: 'the name of an inactive department, for a new active one', input: { id: null, name: '保洁部', active: true }, problems: [] },
    { name: 'an inactive department may share an active one’s name', input: { id: null, name: '工程部', active: false }, problems: [] },
    { name: 'a department keeps its own name', input: { id: 'e', name: '工程部', active: true }, problems: [] },
    { name: 'renamed to another active one’s name', input: { id: 'e', name: '秩序部', active: true }, problems: ['nameTaken'] },
    { name: 'deactivated', input: { id: 'e', name: '工程部', active: false }, problems: [] },
    { name: 'reactivated with its name free', input: { id: 'c', name: '保洁部', active: true }, problems: [] },
    { name: 'reactivated while an active one has its name', input: { id: 'c', name: '工程部', active: true }, problems: ['nameTaken'] },
  ])('$name: $problems', ({ input, problems }) => {
    expect(departmentProblems(input, site)).toEqual(problems)
  })
})

describe('offeredDepartments', () => {
  const list = [
    { id: 'e', name: '工程部', active: true },
    { id: 'f', name: '财务部', active: false },
    { id: 's', name: '秩序部', active: true },
  ]

  it('offers the active departments for new work, in the order given', () => {
    expect(offeredDepartments(list).map((d) => d.id)).toEqual(['e', 's'])
  })

  it('keeps an inactive department a record already names, in its place', () => {
    expect(offeredDepartments(list, 'f').map((d) => d.id)).toEqual(['e', 'f', 's'])
    expect(offeredDepartments(list, 'e').map((d) => d.id)).toEqual(['e', 's'])
    expect(offeredDepartments(list, 'unknown').map((d) => d.id)).toEqual(['e', 's'])
  })
})
