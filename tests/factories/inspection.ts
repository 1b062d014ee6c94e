/**
 * Quality inspections (篇2 4.4; issue 6) for the domain, repository and server tests and the
 * inspection benchmark: checklists, answers to every row, nonconformity drafts, and inspections,
 * nonconformities and verifications as the tablet writes them. Pure and deterministic but for ids.
 */
import { newId } from '@shared/domain/ids'
import { checklistRows, type Inspection, type InspectionResult, type Nonconformity, type NonconformityDraft, type Result, type Verification } from '@shared/domain/inspection'
import { defaultInspectionTemplate, type ChecklistItem, type InspectionTemplate } from '@shared/domain/inspection-template'
import type { InspectionInput } from '@client/db/inspection/inspections'
import { TINY_PNG } from './duty-seed'

/** A tiny JPEG data URL the photo schema accepts (contents never looked at). */
export const TINY_JPEG = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q=='

export { TINY_PNG }

/** The key of a checklist row: `a/a1`, or `j/` for an item judged as a whole. */
export const rowKey = (r: { itemCode: string; standardId: string }): string => `${r.itemCode}/${r.standardId}`

/** A small checklist of two items: a with standards a1–a2, and j judged as a whole. */
export function smallChecklist(): ChecklistItem[] {
  return [
    {
      code: 'a',
      title: '仪容仪表',
      standards: [
        { id: 'a1', text: '按规定着工装' },
        { id: 'a2', text: '站立服务' },
      ],
    },
    { code: 'j', title: '其它临时性事项', standards: [] },
  ]
}

export function makeTemplate(overrides: Partial<InspectionTemplate> = {}): InspectionTemplate {
  return { id: newId(), siteId: newId(), version: 1, items: smallChecklist(), staffId: newId(), createdAt: Date.UTC(2026, 10, 1), ...overrides }
}

/** The regulations' own checklist as a saved template. */
export const regulationsTemplate = (siteId: string, staffId: string, createdAt: number): InspectionTemplate => defaultInspectionTemplate(siteId, newId(), staffId, createdAt)

/** An answer on every row of `template`: pass, but `fail` for the rows named (`a/a1`, `j/`), `na` for those in `na`. */
export function answers(template: Pick<InspectionTemplate, 'items'>, fail: readonly string[] = [], na: readonly string[] = []): InspectionResult[] {
  return checklistRows(template).map((row) => {
    const key = rowKey(row)
    const result: Result = fail.includes(key) ? 'fail' : na.includes(key) ? 'na' : 'pass'
    return { itemCode: row.itemCode, standardId: row.standardId, result, note: result === 'fail' ? '未按规定着工装' : '', photoIds: [] }
  })
}

/** A complete nonconformity draft for the row `key` (`a/a1`) against `staffId`, due on `dueDate`. */
export function ncDraft(key: string, staffId: string, dueDate: string, overrides: Partial<NonconformityDraft> = {}): NonconformityDraft {
  const [itemCode, standardId] = key.split('/') as [string, string]
  return { itemCode, standardId, staffId, finding: '值班期间未佩戴胸卡', correction: '当场佩戴', cause: '胸卡遗落在更衣室', measure: '班前互查仪容仪表', dueDate, ...overrides }
}

/** A signed inspection input failing the rows in `fail`, each with a nonconformity against the first inspected. */
export function inspectionInput(template: Pick<InspectionTemplate, 'id' | 'items'>, p: { shiftKey: string; inspectedIds: string[]; at: number; dueDate: string; fail?: string[] }, overrides: Partial<InspectionInput> = {}): InspectionInput {
  const fail = p.fail ?? []
  return {
    templateId: template.id,
    shiftKey: p.shiftKey,
    inspectedIds: p.inspectedIds,
    at: p.at,
    results: answers(template, fail),
    summary: '整体良好',
    nonconformities: fail.map((key) => ncDraft(key, p.inspectedIds[0]!, p.dueDate)),
    photos: [],
    signature: { image: TINY_PNG, name: '张主管', signedAt: p.at },
    ...overrides,
  }
}

/** An inspection record as the tablet stores it. */
export function makeInspection(overrides: Partial<Inspection> & Pick<Inspection, 'siteId' | 'templateId' | 'inspectorId' | 'inspectedIds' | 'at' | 'shiftKey'>): Inspection {
  return { id: newId(), kind: 'spot', results: [], summary: '', inspectorSignatureId: newId(), createdAt: overrides.at, ...overrides }
}

/** A nonconformity record as the tablet stores it. */
export function makeNonconformity(overrides: Partial<Nonconformity> & Pick<Nonconformity, 'siteId' | 'inspectionId' | 'staffId' | 'at'>): Nonconformity {
  return {
    id: newId(),
    itemCode: 'a',
    standardId: 'a1',
    finding: '值班期间未佩戴胸卡',
    correction: '当场佩戴',
    cause: '胸卡遗落在更衣室',
    measure: '班前互查仪容仪表',
    dueDate: '2026-12-31',
    createdAt: overrides.at,
    ...overrides,
  }
}

export function makeVerification(overrides: Partial<Verification> & Pick<Verification, 'siteId' | 'nonconformityId' | 'staffId' | 'at'>): Verification {
  return { id: newId(), effective: true, note: '', createdAt: overrides.at, ...overrides }
}
