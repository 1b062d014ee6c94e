import { describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { checklistRows, type Inspection, type InspectionResult, type Nonconformity, type Verification, type InspectionResponse } from '@shared/domain/inspection'
import { defaultInspectionTemplate } from '@shared/domain/inspection-template'
import type { Signature } from '@shared/domain/signature'
import { instantAt } from '@shared/domain/time'
import { checklistPrintRows, findingBlocks, mayView, nextMonth, scopeFromQuery, signerLines } from '@client/features/inspection/print/inspection-print-rows'

const TZ = 'Asia/Shanghai'
const SITE = newId()
const INSPECTOR = newId()
const CLERK = newId()
const OTHER = newId()
const names: Record<string, string> = { [INSPECTOR]: '张主管', [CLERK]: '李娜', [OTHER]: '王管理' }
const staffName = (id: string): string => names[id] ?? '?'
const t = (key: string, p: Record<string, string | number> = {}): string => `${key}${Object.keys(p).length ? JSON.stringify(p) : ''}`
const template = defaultInspectionTemplate(SITE, newId(), INSPECTOR, 0)
const at = instantAt('2026-11-27', '09:30', TZ)

function answer(itemCode: string, standardId: string, result: InspectionResult['result'], note = ''): InspectionResult {
  return { itemCode, standardId, result, note, photoIds: [] }
}

function inspection(results: InspectionResult[]): Inspection {
  return { id: newId(), siteId: SITE, templateId: template.id, kind: 'spot', inspectorId: INSPECTOR, shiftKey: `2026-11-27/${newId()}`, inspectedIds: [CLERK, OTHER], at, results, summary: '', inspectorSignatureId: newId(), createdAt: at }
}

function nc(overrides: Partial<Nonconformity> = {}): Nonconformity {
  return { id: newId(), siteId: SITE, inspectionId: newId(), itemCode: 'a', standardId: 'a3', staffId: CLERK, finding: '坐着接待业主', correction: '当场提醒起身', cause: '疲劳', measure: '每两小时轮换', dueDate: '2026-11-30', at, createdAt: at, ...overrides }
}

function verification(n: Nonconformity, effective: boolean, day: string, note = ''): Verification {
  return { id: newId(), siteId: SITE, nonconformityId: n.id, staffId: INSPECTOR, effective, note, at: instantAt(day, '10:00', TZ), createdAt: 0 }
}

describe('checklistPrintRows', () => {
  it('prints every row of the version used, the item title on its first row, results as ✓ ✗ — and unanswered rows blank', () => {
    const rows = checklistPrintRows(template, [answer('a', 'a1', 'pass'), answer('a', 'a3', 'fail', '坐姿服务'), answer('j', '', 'na')])
    expect(rows).toHaveLength(checklistRows(template).length)
    expect(rows.map((r) => r.standard)).toEqual(checklistRows(template).map((r) => r.text))
    expect(rows[0]).toEqual({ code: 'a', item: '前台值班人员仪容仪表行为规范', standard: '按规定着工装,服装整洁,佩戴胸卡(篇3 一)', result: '✓', note: '' })
    expect(rows[1]!.item).toBe('')
    expect(rows[2]).toMatchObject({ code: 'a', result: '✗', note: '坐姿服务' })
    expect(rows[3]!.result).toBe('')
    // j has no standards: the item itself is the row.
    expect(rows.at(-1)).toEqual({ code: 'j', item: '其它临时性事项处理情况', standard: '其它临时性事项处理情况', result: '—', note: '' })
  })

  it('keeps results the version does not list, and prints a blank form without results', () => {
    const rows = checklistPrintRows({ items: [{ code: 'a', title: '仪容', standards: [{ id: 'a1', text: '着工装' }] }] }, [answer('a', 'a1', 'pass'), answer('k', 'k9', 'fail', '另查')])
    expect(rows).toEqual([
      { code: 'a', item: '仪容', standard: '着工装', result: '✓', note: '' },
      { code: 'k', item: '', standard: 'k9', result: '✗', note: '另查' },
    ])
    expect(checklistPrintRows(null, [answer('b', 'b1', 'pass')])).toEqual([{ code: 'b', item: '', standard: 'b1', result: '✓', note: '' }])
    expect(checklistPrintRows(template).every((r) => r.result === '' && r.note === '')).toBe(true)
  })
})

describe('findingBlocks', () => {
  const ctx = { tz: TZ, today: '2026-12-02', staffName, t }

  it('gives each nonconformity its standard, correction, cause, measure, who and by when, by item', () => {
    const late = nc({ itemCode: 'd', standardId: 'd10', correction: '' })
    const early = nc()
    const [first, second] = findingBlocks({ template, nonconformities: [late, early], verifications: [] }, ctx)
    expect(first).toMatchObject({ id: early.id, item: 'a3 站立服务,站姿端正,保持自然亲切的微笑(篇1 4;篇3 二)', finding: '坐着接待业主', correction: '当场提醒起身', cause: '疲劳', measure: '每两小时轮换', responsible: '李娜', dueDate: '2026-11-30', state: 'overdue' })
    expect(first!.verification).toEqual(['inspectionReports.print.awaiting.overdue'])
    expect(second).toMatchObject({ item: expect.stringMatching(/^d10 投诉在 24 小时内/), correction: 'inspectionReports.print.none' })
  })

  it('lists verifications oldest first; an effective one closes the finding', () => {
    const n = nc()
    const blocks = findingBlocks({ template, nonconformities: [n], verifications: [verification(n, true, '2026-11-30'), verification(n, false, '2026-11-29', '仍坐着')] }, ctx)
    expect(blocks[0]!.state).toBe('closed')
    expect(blocks[0]!.verification).toEqual([
      'inspectionReports.print.verified{"time":"2026-11-29 10:00","name":"张主管","result":"inspectionReports.print.notEffective","note":"inspectionReports.print.verifyNote{\\"note\\":\\"仍坐着\\"}"}',
      'inspectionReports.print.verified{"time":"2026-11-30 10:00","name":"张主管","result":"inspectionReports.print.effective","note":""}',
    ])
  })

  it('prints the code alone when the version used is not on the tablet', () => {
    expect(findingBlocks({ template: null, nonconformities: [nc()], verifications: [] }, { ...ctx, today: '2026-11-28' })[0]).toMatchObject({ item: 'a3', state: 'open' })
  })
})

describe('signerLines', () => {
  it('puts the inspector first with the saved signature, then each inspected with comments and their latest signature', () => {
    const i = inspection([])
    const sig = (id: string, staffId: string, subjectType: string): Signature => ({ id, siteId: SITE, subjectType, subjectId: i.id, signerName: staffName(staffId), signerStaffId: staffId, image: 'data:image/png;base64,AAAA', signedAt: at })
    const inspectorSig = sig(i.inspectorSignatureId, INSPECTOR, 'inspection')
    const first = sig(newId(), CLERK, 'inspectionResponse')
    const second = sig(newId(), CLERK, 'inspectionResponse')
    const response = (signatureId: string | null, comment: string, minutes: number): InspectionResponse => ({ id: newId(), siteId: SITE, inspectionId: i.id, staffId: CLERK, comment, signatureId, at: at + minutes * 60_000, createdAt: 0 })
    const lines = signerLines({ inspection: i, responses: [response(second.id, '已改正', 20), response(first.id, '接受', 10), response(null, '', 30)], signatures: [inspectorSig, first, second] }, staffName)
    expect(lines.map((l) => [l.role, l.name, l.signature?.id ?? null, l.comments])).toEqual([
      ['inspector', '张主管', inspectorSig.id, []],
      ['inspected', '李娜', second.id, ['接受', '已改正']],
      ['inspected', '王管理', null, []],
    ])
  })
})

describe('who may see, and the scope of a print', () => {
  it('lets inspectors see every inspection and anyone else only those of themselves', () => {
    const i = inspection([])
    expect(mayView(i, newId(), true)).toBe(true)
    expect(mayView(i, CLERK, false)).toBe(true)
    expect(mayView(i, INSPECTOR, false)).toBe(true)
    expect(mayView(i, newId(), false)).toBe(false)
  })

  it.each([
    [{ id: 'x' }, { kind: 'one', id: 'x' }],
    [{ month: '2026-11' }, { kind: 'month', month: '2026-11' }],
    [{ month: '2026-13' }, null],
    [{ month: ['2026-11'] }, null],
    [{}, null],
  ])('reads %j', (query, want) => {
    expect(scopeFromQuery(query)).toEqual(want)
  })

  it('knows the month after', () => {
    expect([nextMonth('2026-11'), nextMonth('2026-12')]).toEqual(['2026-12', '2027-01'])
  })
})
