/**
 * Quality inspections 质量检查记录 (篇2 4.4; SPEC §5; issue 6): who inspected whom on which shift,
 * each checklist row passed / failed / not applicable with a note and photos; each failure a
 * nonconformity with its on-site correction, cause, improvement measure, who is responsible and by
 * when, closed by a later verification; the inspected person's comment and signature. All append-only:
 * a finding is never changed after it is recorded (issue 6 point 7).
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import { literalUnion } from './literal-union'
import { SHIFT_KEY_PATTERN } from './duty-log'
import { isDeskRole, standsDuty, type Role } from './role'
import type { InspectionTemplate } from './inspection-template'

/** 篇2 4.4.2 the manager ad hoc; 篇2 4.4.3 the supervisor's spot checks; 篇2 4.4.4 the administrator daily at handover. */
export const INSPECTION_KINDS = ['adhoc', 'spot', 'daily'] as const
export type InspectionKind = (typeof INSPECTION_KINDS)[number]

export const RESULTS = ['pass', 'fail', 'na'] as const
export type Result = (typeof RESULTS)[number]

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$'

export const ResultSchema = Type.Object({
  itemCode: Type.String({ minLength: 1, maxLength: 4 }),
  /** The standard checked, or '' when the item is judged as a whole. */
  standardId: Type.String({ maxLength: 40 }),
  result: literalUnion(RESULTS),
  note: Type.String({ maxLength: 500 }),
  photoIds: Type.Array(IdSchema, { maxItems: 6 }),
})
export type InspectionResult = Static<typeof ResultSchema>

export const InspectionSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** The checklist version used: old inspections keep their old checklist. */
  templateId: IdSchema,
  kind: literalUnion(INSPECTION_KINDS),
  inspectorId: IdSchema,
  /** The shift inspected, and who was inspected on it. */
  shiftKey: Type.String({ pattern: SHIFT_KEY_PATTERN }),
  inspectedIds: Type.Array(IdSchema, { minItems: 1, maxItems: 10 }),
  at: InstantSchema,
  results: Type.Array(ResultSchema, { maxItems: 300 }),
  summary: Type.String({ maxLength: 1000 }),
  inspectorSignatureId: IdSchema,
  createdAt: InstantSchema,
})
export type Inspection = Static<typeof InspectionSchema>

export const NonconformitySchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  inspectionId: IdSchema,
  itemCode: Type.String({ minLength: 1, maxLength: 4 }),
  standardId: Type.String({ maxLength: 40 }),
  /** Who it counts against and who must act on it (篇2 4.4.3: 作为绩效考核的依据). */
  staffId: IdSchema,
  finding: Type.String({ minLength: 1, maxLength: 500 }),
  /** 现场纠正 */
  correction: Type.String({ maxLength: 500 }),
  /** 原因分析 */
  cause: Type.String({ minLength: 1, maxLength: 500 }),
  /** 改进措施 */
  measure: Type.String({ minLength: 1, maxLength: 500 }),
  dueDate: Type.String({ pattern: DATE_PATTERN }),
  at: InstantSchema,
  createdAt: InstantSchema,
})
export type Nonconformity = Static<typeof NonconformitySchema>

/** A later look at whether the measure worked: effective closes the nonconformity. */
export const VerificationSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  nonconformityId: IdSchema,
  staffId: IdSchema,
  effective: Type.Boolean(),
  note: Type.String({ maxLength: 500 }),
  at: InstantSchema,
  createdAt: InstantSchema,
})
export type Verification = Static<typeof VerificationSchema>

/** The inspected person's comment and signature; it never changes the findings. */
export const InspectionResponseSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  inspectionId: IdSchema,
  staffId: IdSchema,
  comment: Type.String({ maxLength: 1000 }),
  signatureId: Type.Union([IdSchema, Type.Null()]),
  at: InstantSchema,
  createdAt: InstantSchema,
})
export type InspectionResponse = Static<typeof InspectionResponseSchema>

/** A photo taken on the tablet for a finding, compressed to JPEG before it is stored and synced. */
export const MAX_PHOTO_BYTES = 400_000
export const InspectionPhotoSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  inspectionId: IdSchema,
  image: Type.String({ pattern: '^data:image/(jpeg|webp|png);base64,[A-Za-z0-9+/=]+$', maxLength: MAX_PHOTO_BYTES }),
  createdAt: InstantSchema,
})
export type InspectionPhoto = Static<typeof InspectionPhotoSchema>

/** Which kind of inspection a role makes (篇2 4.4.2–4.4.4); null for roles that do not inspect. */
export function kindFor(role: Role): InspectionKind | null {
  return role === 'manager' ? 'adhoc' : role === 'supervisor' ? 'spot' : role === 'administrator' ? 'daily' : null
}

/**
 * Whom an inspection offers as 被检查人 (篇2 4.4.1: the desk staff on duty), never the inspector:
 * first who is on duty in the shift by its log (their dutyStart entries, 篇2 4.2.7), then the other desk
 * staff (客服助理, 客服管理员); the supervisor and manager, who oversee the desk rather than stand it,
 * only on purpose (`others`). Each group keeps the order of `staff`.
 */
export function inspecteeGroups<S extends { id: string; role: Role; active: boolean }>(staff: readonly S[], onDuty: readonly string[], inspectorId: string): { shift: S[]; desk: S[]; others: S[] } {
  const candidates = staff.filter((s) => s.active && isDeskRole(s.role) && s.id !== inspectorId)
  const onShift = (s: S): boolean => onDuty.includes(s.id)
  return {
    shift: candidates.filter(onShift),
    desk: candidates.filter((s) => !onShift(s) && standsDuty(s.role)),
    others: candidates.filter((s) => !onShift(s) && !standsDuty(s.role)),
  }
}

/** The rows of a checklist to answer: one per standard, or the item itself when it has none. */
export function checklistRows(template: Pick<InspectionTemplate, 'items'>): { itemCode: string; standardId: string; title: string; text: string }[] {
  return template.items.flatMap((item) =>
    item.standards.length ? item.standards.map((s) => ({ itemCode: item.code, standardId: s.id, title: item.title, text: s.text })) : [{ itemCode: item.code, standardId: '', title: item.title, text: item.title }],
  )
}

export type NonconformityDraft = Pick<Nonconformity, 'itemCode' | 'standardId' | 'staffId' | 'finding' | 'correction' | 'cause' | 'measure' | 'dueDate'>

export type InspectionProblem =
  | { code: 'notAllowed' }
  | { code: 'inspectedRequired' }
  | { code: 'inspectorInspected' }
  | { code: 'rowUnanswered'; itemCode: string; standardId: string }
  | { code: 'failNeedsNonconformity'; itemCode: string; standardId: string }
  | { code: 'nonconformityWithoutFail'; itemCode: string; standardId: string }
  | { code: 'responsibleNotInspected'; itemCode: string; standardId: string }
  | { code: 'findingRequired' | 'causeRequired' | 'measureRequired' | 'dueDateRequired' | 'dueBeforeInspection'; itemCode: string; standardId: string }
  | { code: 'signatureRequired' }

const rowKey = (r: { itemCode: string; standardId: string }): string => `${r.itemCode}/${r.standardId}`

/**
 * Everything missing before an inspection may be saved: the people inspected (not the inspector), an
 * answer on every row, and for every failure a nonconformity naming one of the inspected, with its
 * finding, cause, measure and a due date on or after the inspection's day (篇2 4.4.3–4.4.4).
 */
export function inspectionProblems(
  draft: { kind: InspectionKind | null; inspectorId: string; inspectedIds: readonly string[]; results: readonly Pick<InspectionResult, 'itemCode' | 'standardId' | 'result'>[]; signed: boolean; date: string },
  template: Pick<InspectionTemplate, 'items'>,
  nonconformities: readonly NonconformityDraft[],
): InspectionProblem[] {
  const out: InspectionProblem[] = []
  if (!draft.kind) out.push({ code: 'notAllowed' })
  if (!draft.inspectedIds.length) out.push({ code: 'inspectedRequired' })
  if (draft.inspectedIds.includes(draft.inspectorId)) out.push({ code: 'inspectorInspected' })
  const answers = new Map(draft.results.map((r) => [rowKey(r), r.result]))
  const failed = new Set<string>()
  for (const row of checklistRows(template)) {
    const where = { itemCode: row.itemCode, standardId: row.standardId }
    const answer = answers.get(rowKey(row))
    if (!answer) out.push({ code: 'rowUnanswered', ...where })
    if (answer === 'fail') failed.add(rowKey(row))
    if (answer === 'fail' && !nonconformities.some((n) => rowKey(n) === rowKey(row))) out.push({ code: 'failNeedsNonconformity', ...where })
  }
  // Every nonconformity on its own: a failed row may have several (two clerks, one finding each).
  for (const nc of nonconformities) {
    const where = { itemCode: nc.itemCode, standardId: nc.standardId }
    if (!failed.has(rowKey(nc))) {
      out.push({ code: 'nonconformityWithoutFail', ...where })
      continue
    }
    if (!draft.inspectedIds.includes(nc.staffId)) out.push({ code: 'responsibleNotInspected', ...where })
    if (!nc.finding.trim()) out.push({ code: 'findingRequired', ...where })
    if (!nc.cause.trim()) out.push({ code: 'causeRequired', ...where })
    if (!nc.measure.trim()) out.push({ code: 'measureRequired', ...where })
    if (!nc.dueDate) out.push({ code: 'dueDateRequired', ...where })
    else if (nc.dueDate < draft.date) out.push({ code: 'dueBeforeInspection', ...where })
  }
  if (!draft.signed) out.push({ code: 'signatureRequired' })
  return out
}

export type NonconformityState = 'open' | 'overdue' | 'closed'

/** Open until an effective verification; overdue once its due date has passed at `today` (site-local date). */
export function nonconformityState(nc: Pick<Nonconformity, 'id' | 'dueDate'>, verifications: readonly Pick<Verification, 'nonconformityId' | 'effective'>[], today: string): NonconformityState {
  if (verifications.some((v) => v.nonconformityId === nc.id && v.effective)) return 'closed'
  return today > nc.dueDate ? 'overdue' : 'open'
}

/** Nonconformities still open (or overdue) for `staffId`: shown on their today screen (issue 6 point 3). */
export function openNonconformities<N extends Pick<Nonconformity, 'id' | 'dueDate' | 'staffId'>>(ncs: readonly N[], verifications: readonly Pick<Verification, 'nonconformityId' | 'effective'>[], staffId: string | null, today: string): N[] {
  return ncs.filter((n) => (staffId === null || n.staffId === staffId) && nonconformityState(n, verifications, today) !== 'closed').sort((a, b) => a.dueDate.localeCompare(b.dueDate))
}
