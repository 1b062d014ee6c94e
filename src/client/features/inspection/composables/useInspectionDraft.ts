/**
 * The inspection being filled in (篇2 4.4; issue 6): one answer per checklist row, grouped by item a–j,
 * with its note, photos and — for a failure — the nonconformity to record. Nothing is written until
 * save; a refused save keeps everything as it was.
 */
import { computed, reactive, type ComputedRef } from 'vue'
import { checklistRows, type InspectionProblem, type NonconformityDraft, type Result } from '@shared/domain/inspection'
import type { InspectionTemplate } from '@shared/domain/inspection-template'
import type { InspectionInput } from '@client/db/inspection/inspections'

export interface NonconformityFields {
  finding: string
  correction: string
  cause: string
  measure: string
  staffId: string
  dueDate: string
}

export interface PhotoDraft {
  id: string
  image: string
}

export interface RowDraft {
  itemCode: string
  standardId: string
  title: string
  text: string
  result: Result | null
  note: string
  photos: PhotoDraft[]
  nc: NonconformityFields
}

export interface ItemGroup {
  code: string
  title: string
  rows: RowDraft[]
}

export interface InspectionDraft {
  /** The checklist version the form shows: the inspection is filed under it (issue 6 point 1). */
  templateId: string
  shiftKey: string
  inspectedIds: string[]
  summary: string
  items: ItemGroup[]
}

export const rowKey = (r: { itemCode: string; standardId: string }): string => `${r.itemCode}/${r.standardId}`

/** Problems that name a row, by row key; the others (who, signature, permission) apart. */
export function splitProblems<P extends { code: string }>(problems: readonly P[]): { byRow: Map<string, P[]>; general: P[] } {
  const byRow = new Map<string, P[]>()
  const general: P[] = []
  for (const p of problems) {
    if ('itemCode' in p && 'standardId' in p) {
      const key = rowKey(p as unknown as InspectionProblem & { itemCode: string; standardId: string })
      byRow.set(key, [...(byRow.get(key) ?? []), p])
    } else general.push(p)
  }
  return { byRow, general }
}

export function useInspectionDraft(): {
  draft: InspectionDraft
  load: (template: Pick<InspectionTemplate, 'id' | 'items'>, dueDate: string) => void
  rows: ComputedRef<RowDraft[]>
  answered: ComputedRef<boolean>
  toInput: (at: number, signature: InspectionInput['signature']) => InspectionInput
} {
  const draft = reactive<InspectionDraft>({ templateId: '', shiftKey: '', inspectedIds: [], summary: '', items: [] })
  const rows = computed(() => draft.items.flatMap((i) => i.rows))

  /** Rows from the checklist in force; a failure's due date starts a week after the inspection. */
  function load(template: Pick<InspectionTemplate, 'id' | 'items'>, dueDate: string): void {
    draft.templateId = template.id
    const groups = new Map<string, ItemGroup>()
    for (const row of checklistRows(template)) {
      const group = groups.get(row.itemCode) ?? { code: row.itemCode, title: row.title, rows: [] }
      groups.set(row.itemCode, group)
      group.rows.push({ ...row, result: null, note: '', photos: [], nc: { finding: '', correction: '', cause: '', measure: '', staffId: '', dueDate } })
    }
    draft.items = [...groups.values()]
  }

  const answered = computed(() => !!draft.summary.trim() || rows.value.some((r) => r.result || r.note.trim() || r.photos.length))

  function toInput(at: number, signature: InspectionInput['signature']): InspectionInput {
    const failed = rows.value.filter((r) => r.result === 'fail')
    // Only one inspected: she is responsible for every failure unless another is named.
    const only = draft.inspectedIds.length === 1 ? draft.inspectedIds[0]! : ''
    const nonconformities: NonconformityDraft[] = failed.map((r) => ({ itemCode: r.itemCode, standardId: r.standardId, ...r.nc, staffId: r.nc.staffId || only }))
    return {
      templateId: draft.templateId,
      shiftKey: draft.shiftKey,
      inspectedIds: [...draft.inspectedIds],
      at,
      results: rows.value.filter((r) => r.result).map((r) => ({ itemCode: r.itemCode, standardId: r.standardId, result: r.result!, note: r.note, photoIds: r.photos.map((p) => p.id) })),
      summary: draft.summary,
      nonconformities,
      photos: rows.value.flatMap((r) => r.photos.map((p) => ({ id: p.id, image: p.image }))),
      signature,
    }
  }

  return { draft, load, rows, answered, toInput }
}
