import { describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { checklistRows, inspecteeGroups, inspectionProblems, kindFor, nonconformityState, openNonconformities, type InspectionProblem, type NonconformityDraft } from '@shared/domain/inspection'
import { DEFAULT_CHECKLIST } from '@shared/domain/inspection-template'
import { ROLES, type Role } from '@shared/domain/role'
import { answers, makeTemplate, ncDraft } from '../../factories/inspection'

describe('kindFor: who inspects, and how (篇2 4.4.2–4.4.4)', () => {
  it.each<[Role, string | null]>([
    ['manager', 'adhoc'],
    ['supervisor', 'spot'],
    ['administrator', 'daily'],
    ['assistant', null],
    ['department', null],
    ['admin', null],
  ])('%s → %s', (role, kind) => {
    expect(kindFor(role)).toBe(kind)
  })

  it('covers every role', () => {
    expect(ROLES).toHaveLength(6)
  })
})

describe('inspecteeGroups: the desk staff of the shift first, the supervisor and manager only on purpose (issue 10 point 19)', () => {
  const person = (name: string, role: Role, active = true) => ({ id: name, name, role, active })
  const staff = [
    person('孙经理', 'manager'),
    person('陈主管', 'supervisor'),
    person('周主管', 'supervisor'),
    person('王管理', 'administrator'),
    person('李娜', 'assistant'),
    person('王芳', 'assistant'),
    person('赵离职', 'assistant', false),
    person('工程部', 'department'),
    person('系统管理员', 'admin'),
  ]
  const names = (g: Record<'shift' | 'desk' | 'others', { name: string }[]>) => ({ shift: g.shift.map((s) => s.name), desk: g.desk.map((s) => s.name), others: g.others.map((s) => s.name) })

  it.each<{ name: string; onDuty: string[]; inspector: string; expected: { shift: string[]; desk: string[]; others: string[] } }>([
    { name: 'a supervisor inspects the shift 李娜 stands', onDuty: ['李娜'], inspector: '陈主管', expected: { shift: ['李娜'], desk: ['王管理', '王芳'], others: ['孙经理', '周主管'] } },
    { name: 'the manager inspects a shift of two', onDuty: ['王芳', '李娜'], inspector: '孙经理', expected: { shift: ['李娜', '王芳'], desk: ['王管理'], others: ['陈主管', '周主管'] } },
    { name: 'the administrator inspects at handover; never herself, even on duty', onDuty: ['王管理', '李娜'], inspector: '王管理', expected: { shift: ['李娜'], desk: ['王芳'], others: ['孙经理', '陈主管', '周主管'] } },
    { name: 'nobody has started duty yet', onDuty: [], inspector: '陈主管', expected: { shift: [], desk: ['王管理', '李娜', '王芳'], others: ['孙经理', '周主管'] } },
    { name: 'a supervisor who started duty on the shift is of the shift', onDuty: ['周主管'], inspector: '陈主管', expected: { shift: ['周主管'], desk: ['王管理', '李娜', '王芳'], others: ['孙经理'] } },
    { name: 'an inactive clerk, a department and company IT are never offered, on duty or not', onDuty: ['赵离职', '工程部'], inspector: '陈主管', expected: { shift: [], desk: ['王管理', '李娜', '王芳'], others: ['孙经理', '周主管'] } },
  ])('$name', ({ onDuty, inspector, expected }) => {
    expect(names(inspecteeGroups(staff, onDuty, inspector))).toEqual(expected)
  })
})

describe('checklistRows', () => {
  it('makes one row per standard, and one for an item judged as a whole', () => {
    expect(checklistRows(makeTemplate())).toEqual([
      { itemCode: 'a', standardId: 'a1', title: '仪容仪表', text: '按规定着工装' },
      { itemCode: 'a', standardId: 'a2', title: '仪容仪表', text: '站立服务' },
      { itemCode: 'j', standardId: '', title: '其它临时性事项', text: '其它临时性事项' },
    ])
  })

  it('gives the regulations’ checklist 26 rows, items a–j in order', () => {
    const rows = checklistRows({ items: [...DEFAULT_CHECKLIST] })
    expect(rows).toHaveLength(26)
    expect([...new Set(rows.map((r) => r.itemCode))]).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])
    expect(rows.at(-1)).toMatchObject({ itemCode: 'j', standardId: '' })
  })
})

describe('inspectionProblems (4.4.3–4.4.4)', () => {
  const template = makeTemplate()
  const inspector = newId()
  const clerk = newId()
  const colleague = newId()
  const stranger = newId()
  const DATE = '2026-11-27'
  type Draft = Parameters<typeof inspectionProblems>[0]
  const draft = (overrides: Partial<Draft> = {}): Draft => ({ kind: 'spot', inspectorId: inspector, inspectedIds: [clerk, colleague], results: answers(template, ['a/a1']), signed: true, date: DATE, ...overrides })
  const nc = (overrides: Partial<NonconformityDraft> = {}): NonconformityDraft => ncDraft('a/a1', clerk, DATE, overrides)
  const a1 = { itemCode: 'a', standardId: 'a1' }

  it('finds nothing wrong with a complete, signed inspection', () => {
    expect(inspectionProblems(draft(), template, [nc()])).toEqual([])
    expect(inspectionProblems(draft({ results: answers(template) }), template, [])).toEqual([])
    expect(inspectionProblems(draft({ results: answers(template, [], ['a/a1', 'a/a2', 'j/']) }), template, []), 'all not applicable').toEqual([])
    expect(inspectionProblems(draft({ inspectedIds: [colleague] }), template, [nc({ staffId: colleague })]), 'against the other person inspected').toEqual([])
  })

  it.each<{ case: string; draft?: Partial<Draft>; ncs?: NonconformityDraft[]; want: InspectionProblem[] }>([
    { case: 'a role that does not inspect', draft: { kind: null }, want: [{ code: 'notAllowed' }] },
    { case: 'nobody inspected', draft: { inspectedIds: [] }, ncs: [], want: [{ code: 'inspectedRequired' }, { code: 'failNeedsNonconformity', ...a1 }] },
    { case: 'the inspector inspecting themselves', draft: { inspectedIds: [inspector, clerk] }, want: [{ code: 'inspectorInspected' }] },
    { case: 'an unanswered row', draft: { results: answers(template, ['a/a1']).filter((r) => r.standardId !== 'a2') }, want: [{ code: 'rowUnanswered', itemCode: 'a', standardId: 'a2' }] },
    { case: 'the whole-item row unanswered', draft: { results: answers(template, ['a/a1']).filter((r) => r.itemCode !== 'j') }, want: [{ code: 'rowUnanswered', itemCode: 'j', standardId: '' }] },
    { case: 'nothing answered', draft: { results: [] }, ncs: [], want: ['a1', 'a2'].map((s) => ({ code: 'rowUnanswered' as const, itemCode: 'a', standardId: s })).concat([{ code: 'rowUnanswered', itemCode: 'j', standardId: '' }]) },
    { case: 'a fail without a nonconformity', ncs: [], want: [{ code: 'failNeedsNonconformity', ...a1 }] },
    { case: 'a nonconformity on a passed row', draft: { results: answers(template) }, want: [{ code: 'nonconformityWithoutFail', ...a1 }] },
    { case: 'a nonconformity on a row not applicable', draft: { results: answers(template, [], ['a/a1']) }, want: [{ code: 'nonconformityWithoutFail', ...a1 }] },
    { case: 'a nonconformity on an unanswered row', draft: { results: answers(template).filter((r) => r.standardId !== 'a1') }, want: [{ code: 'rowUnanswered', ...a1 }, { code: 'nonconformityWithoutFail', ...a1 }] },
    { case: 'a nonconformity naming someone not inspected', ncs: [nc({ staffId: stranger })], want: [{ code: 'responsibleNotInspected', ...a1 }] },
    { case: 'a nonconformity naming the inspector', ncs: [nc({ staffId: inspector })], want: [{ code: 'responsibleNotInspected', ...a1 }] },
    { case: 'no finding', ncs: [nc({ finding: '  ' })], want: [{ code: 'findingRequired', ...a1 }] },
    { case: 'no cause', ncs: [nc({ cause: '' })], want: [{ code: 'causeRequired', ...a1 }] },
    { case: 'no measure', ncs: [nc({ measure: '\n' })], want: [{ code: 'measureRequired', ...a1 }] },
    { case: 'no due date', ncs: [nc({ dueDate: '' })], want: [{ code: 'dueDateRequired', ...a1 }] },
    { case: 'due the day before the inspection', ncs: [nc({ dueDate: '2026-11-26' })], want: [{ code: 'dueBeforeInspection', ...a1 }] },
    { case: 'due in the month before', ncs: [nc({ dueDate: '2026-10-31' })], want: [{ code: 'dueBeforeInspection', ...a1 }] },
    { case: 'the signature missing', draft: { signed: false }, want: [{ code: 'signatureRequired' }] },
  ])('$case', ({ draft: d, ncs, want }) => {
    expect(inspectionProblems(draft(d), template, ncs ?? [nc()])).toEqual(want)
  })

  it('accepts a due date on the inspection’s own day or later, and no correction on site', () => {
    for (const dueDate of [DATE, '2026-11-28', '2027-01-01']) expect(inspectionProblems(draft(), template, [nc({ dueDate })]), dueDate).toEqual([])
    expect(inspectionProblems(draft(), template, [nc({ correction: '' })])).toEqual([])
  })

  it('lists every problem at once, in order: the rows, then each nonconformity, then the signature', () => {
    const got = inspectionProblems(draft({ kind: null, inspectedIds: [inspector], results: answers(template, ['a/a1', 'j/']).filter((r) => r.standardId !== 'a2'), signed: false }), template, [nc({ cause: '', dueDate: '2026-11-01' })])
    expect(got.map((p) => p.code)).toEqual(['notAllowed', 'inspectorInspected', 'rowUnanswered', 'failNeedsNonconformity', 'responsibleNotInspected', 'causeRequired', 'dueBeforeInspection', 'signatureRequired'])
  })

  it('checks every nonconformity of a failed row, not only the last (two clerks chatting, 篇1 4)', () => {
    const both = [nc({ staffId: stranger, cause: '' }), nc({ staffId: colleague })]
    expect(inspectionProblems(draft(), template, both)).toEqual([
      { code: 'responsibleNotInspected', ...a1 },
      { code: 'causeRequired', ...a1 },
    ])
  })

  it('refuses a nonconformity on a row the checklist does not have', () => {
    const offList = ncDraft('z/z1', clerk, DATE)
    expect(inspectionProblems(draft(), template, [nc(), offList])).toContainEqual(expect.objectContaining({ itemCode: 'z', standardId: 'z1' }))
  })
})

describe('nonconformityState: open until an effective verification (issue 6 point 3)', () => {
  const id = newId()
  const other = newId()
  const nc = { id, dueDate: '2026-11-30' }
  it.each<{ case: string; today: string; verifications: { nonconformityId: string; effective: boolean }[]; state: string }>([
    { case: 'before its due date', today: '2026-11-27', verifications: [], state: 'open' },
    { case: 'on its due date', today: '2026-11-30', verifications: [], state: 'open' },
    { case: 'the day after', today: '2026-12-01', verifications: [], state: 'overdue' },
    { case: 'a year after', today: '2027-11-30', verifications: [], state: 'overdue' },
    { case: 'verified effective', today: '2026-11-27', verifications: [{ nonconformityId: id, effective: true }], state: 'closed' },
    { case: 'verified effective after its due date', today: '2026-12-05', verifications: [{ nonconformityId: id, effective: true }], state: 'closed' },
    { case: 'verified not effective', today: '2026-11-27', verifications: [{ nonconformityId: id, effective: false }], state: 'open' },
    { case: 'verified not effective, past due', today: '2026-12-01', verifications: [{ nonconformityId: id, effective: false }], state: 'overdue' },
    { case: 'not effective, then effective', today: '2026-12-01', verifications: [{ nonconformityId: id, effective: false }, { nonconformityId: id, effective: true }], state: 'closed' },
    { case: 'another nonconformity verified', today: '2026-11-27', verifications: [{ nonconformityId: other, effective: true }], state: 'open' },
  ])('$case → $state', ({ today, verifications, state }) => {
    expect(nonconformityState(nc, verifications, today)).toBe(state)
  })
})

describe('openNonconformities: what is still open on a person’s today screen', () => {
  const clerk = newId()
  const colleague = newId()
  const make = (staffId: string, dueDate: string): { id: string; staffId: string; dueDate: string } => ({ id: newId(), staffId, dueDate })
  const late = make(clerk, '2026-11-20')
  const soon = make(clerk, '2026-12-01')
  const closed = make(clerk, '2026-11-25')
  const retried = make(clerk, '2026-11-28')
  const theirs = make(colleague, '2026-11-21')
  const all = [soon, closed, theirs, late, retried]
  const verifications = [
    { nonconformityId: closed.id, effective: true },
    { nonconformityId: retried.id, effective: false },
  ]

  it('lists a person’s open and overdue ones, earliest due first, without the closed', () => {
    expect(openNonconformities(all, verifications, clerk, '2026-11-27')).toEqual([late, retried, soon])
  })

  it('lists everyone’s when no person is given', () => {
    expect(openNonconformities(all, verifications, null, '2026-11-27')).toEqual([late, theirs, retried, soon])
  })

  it('lists nothing for someone without any', () => {
    expect(openNonconformities(all, verifications, newId(), '2026-11-27')).toEqual([])
  })
})
