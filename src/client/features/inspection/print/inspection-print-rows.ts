/**
 * A quality inspection 质量检查记录 (篇2 4.4.3–4.4.4; issue 6 point 6) as the print frame's rows and
 * blocks: every row of the checklist version the inspection used, with its result and note; each
 * nonconformity with its on-site correction, cause, measure, who is responsible, by when and how it
 * was verified; who signed, with their signatures. Pure: texts come in through `t`.
 */
import { checklistRows, nonconformityState, type Inspection, type InspectionResult, type NonconformityState } from '@shared/domain/inspection'
import type { InspectionTemplate } from '@shared/domain/inspection-template'
import type { Signature } from '@shared/domain/signature'
import { formatDateTime } from '@shared/domain/time'
import type { InspectionRecord } from '@client/db/inspection/inspections'
import type { PrintColumn } from '@client/components/print-types'
import type { Translate } from '@client/locales/translate'


export const RESULT_MARKS: Record<InspectionResult['result'], string> = { pass: '✓', fail: '✗', na: '—' }

export const CHECKLIST_COLUMNS = ['code', 'item', 'standard', 'result', 'note'] as const
export type ChecklistColumn = (typeof CHECKLIST_COLUMNS)[number]
export type ChecklistPrintRow = Record<ChecklistColumn, string>

const WIDTHS: Record<ChecklistColumn, string> = { code: '6%', item: '19%', standard: '45%', result: '8%', note: '22%' }

/** The checklist table's columns, the same on the filled and the blank form. */
export function checklistColumns(t: Translate): PrintColumn[] {
  return CHECKLIST_COLUMNS.map((c) => ({ key: c, label: t(`inspectionReports.print.columns.${c}`), width: WIDTHS[c], align: c === 'code' || c === 'result' ? 'center' : 'left' }))
}

const key = (r: { itemCode: string; standardId: string }): string => `${r.itemCode}/${r.standardId}`

/**
 * The checklist table: one row per standard of the version used (an item without standards is one
 * row), the item's title on its first row only. Results the version does not list (its template has
 * not arrived on this tablet yet) follow by their codes, so nothing recorded is left off the paper.
 * Without `results` (the blank form) the result and note cells stay empty.
 */
export function checklistPrintRows(template: Pick<InspectionTemplate, 'items'> | null, results: readonly InspectionResult[] = []): ChecklistPrintRow[] {
  const answers = new Map(results.map((r) => [key(r), r]))
  const listed = template ? checklistRows(template) : []
  const known = new Set(listed.map(key))
  const extra = results.filter((r) => !known.has(key(r))).map((r) => ({ itemCode: r.itemCode, standardId: r.standardId, title: '', text: r.standardId }))
  let previous = ''
  return [...listed, ...extra].map((row) => {
    const answer = answers.get(key(row))
    const first = row.itemCode !== previous
    previous = row.itemCode
    return {
      code: row.itemCode,
      item: first ? row.title : '',
      standard: row.text,
      result: answer ? RESULT_MARKS[answer.result] : '',
      note: answer?.note ?? '',
    }
  })
}

export interface PrintContext {
  tz: string
  /** Site-local date of printing: whether an open nonconformity is overdue. */
  today: string
  staffName: (id: string) => string
  t: Translate
}

export interface FindingBlock {
  id: string
  /** `a3 站立服务……` */
  item: string
  finding: string
  correction: string
  cause: string
  measure: string
  responsible: string
  dueDate: string
  state: NonconformityState
  /** Each verification in one line, oldest first; or what is still awaited. */
  verification: string[]
}

/** The nonconformities of an inspection with their verifications (篇2 4.4.3: 现场纠正、分析原因、制定改进措施). */
export function findingBlocks(record: Pick<InspectionRecord, 'template' | 'nonconformities' | 'verifications'>, ctx: PrintContext): FindingBlock[] {
  const { t } = ctx
  const texts = new Map((record.template ? checklistRows(record.template) : []).map((r) => [key(r), r.text]))
  return [...record.nonconformities]
    .sort((a, b) => a.itemCode.localeCompare(b.itemCode) || a.standardId.localeCompare(b.standardId, undefined, { numeric: true }))
    .map((n) => {
      const state = nonconformityState(n, record.verifications, ctx.today)
      const checks = record.verifications
        .filter((v) => v.nonconformityId === n.id)
        .sort((a, b) => a.at - b.at)
        .map((v) =>
          t('inspectionReports.print.verified', {
            time: formatDateTime(v.at, ctx.tz),
            name: ctx.staffName(v.staffId),
            result: t(v.effective ? 'inspectionReports.print.effective' : 'inspectionReports.print.notEffective'),
            note: v.note ? t('inspectionReports.print.verifyNote', { note: v.note }) : '',
          }),
        )
      const code = n.standardId || n.itemCode
      return {
        id: n.id,
        item: [code, texts.get(key(n)) ?? ''].filter(Boolean).join(' '),
        finding: n.finding,
        correction: n.correction || t('inspectionReports.print.none'),
        cause: n.cause,
        measure: n.measure,
        responsible: ctx.staffName(n.staffId),
        dueDate: n.dueDate,
        state,
        verification: state === 'closed' ? checks : [...checks, t(`inspectionReports.print.awaiting.${state}`)],
      }
    })
}

export interface SignerLine {
  role: 'inspector' | 'inspected'
  staffId: string
  name: string
  signature: Signature | null
  /** The inspected person's comment(s), oldest first. */
  comments: string[]
}

/**
 * Who signs the form: the inspector with the signature saved with the inspection, then each person
 * inspected with their comments and the latest signature of their responses (none: a line to sign by hand).
 */
export function signerLines(record: Pick<InspectionRecord, 'inspection' | 'responses' | 'signatures'>, staffName: (id: string) => string): SignerLine[] {
  const byId = new Map(record.signatures.map((s) => [s.id, s]))
  const i = record.inspection
  const responses = [...record.responses].sort((a, b) => a.at - b.at)
  return [
    { role: 'inspector', staffId: i.inspectorId, name: staffName(i.inspectorId), signature: byId.get(i.inspectorSignatureId) ?? null, comments: [] },
    ...i.inspectedIds.map((id): SignerLine => {
      const mine = responses.filter((r) => r.staffId === id)
      const signed = mine.filter((r) => r.signatureId && byId.has(r.signatureId)).at(-1)
      return { role: 'inspected', staffId: id, name: staffName(id), signature: signed ? byId.get(signed.signatureId!)! : null, comments: mine.map((r) => r.comment).filter(Boolean) }
    }),
  ]
}

/** Whom an inspection may be shown to: inspectors see all of the site's, anyone else only those that inspected them (issue 6 point 7). */
export function mayView(inspection: Pick<Inspection, 'inspectedIds' | 'inspectorId'>, viewerId: string, mayRecord: boolean): boolean {
  return mayRecord || inspection.inspectorId === viewerId || inspection.inspectedIds.includes(viewerId)
}

export type InspectionPrintScope = { kind: 'one'; id: string } | { kind: 'month'; month: string }

/** `?id=<id>` or `?month=YYYY-MM`; null for anything else. */
export function scopeFromQuery(query: Record<string, unknown>): InspectionPrintScope | null {
  const { id, month } = query
  if (typeof id === 'string' && id) return { kind: 'one', id }
  if (typeof month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return { kind: 'month', month }
  return null
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
