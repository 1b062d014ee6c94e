/**
 * Writing and reading quality inspections (篇2 4.4; issue 6). An inspection is saved as one transaction
 * with the inspector's signature, its photos and a nonconformity per failed row — all or nothing, each
 * with its outbox entry. Verifications close nonconformities; the inspected person answers with a
 * comment and signature. Nothing here changes a finding once written.
 */
import { newId } from '@shared/domain/ids'
import { can, type Role } from '@shared/domain/role'
import { localDate } from '@shared/domain/time'
import {
  inspectionProblems,
  kindFor,
  type Inspection,
  type InspectionPhoto,
  type InspectionProblem,
  type InspectionResponse,
  type InspectionResult,
  type Nonconformity,
  type NonconformityDraft,
  type Verification,
} from '@shared/domain/inspection'
import { currentTemplate, defaultInspectionTemplate, inspectionTemplateProblems, type ChecklistItem, type InspectionTemplate, type TemplateProblem } from '@shared/domain/inspection-template'
import type { Signature } from '@shared/domain/signature'
import type { DeskbookDb } from '../database'
import { writeRecords, writeTransaction, type Actor, type RecordWrite } from '../write-records'
import { RecordInvalidError } from '../errors'

type StaffActor = Actor & { staffId: string }

/** Why an inspection write was refused (RecordInvalidError), with the row or item it concerns: `inspection.problems.<code>`. */
export type InspectionWriteProblem = InspectionProblem | TemplateProblem | { code: 'notAllowed' | 'unknownNonconformity' | 'notInspected' | 'commentRequired' }

const refuse = (problems: InspectionWriteProblem[]): RecordInvalidError<InspectionWriteProblem> => new RecordInvalidError(problems)

/** The checklist in force at the site: its latest version, or the regulations' own (not yet saved) when it has none. */
export async function checklistOf(db: DeskbookDb, siteId: string): Promise<{ template: InspectionTemplate; saved: boolean }> {
  const saved = currentTemplate((await db.inspectionTemplates.toArray()).filter((t) => t.siteId === siteId))
  return saved ? { template: saved, saved: true } : { template: defaultInspectionTemplate(siteId, newId(), '00000000-0000-7000-8000-000000000000', 0), saved: false }
}

/** Save a new version of the checklist (issue 6 point 1): old inspections keep the version they used. */
export async function saveChecklist(db: DeskbookDb, actor: StaffActor, role: Role, items: readonly ChecklistItem[], now: number): Promise<InspectionTemplate> {
  if (!can(role, 'inspection.record')) throw refuse([{ code: 'notAllowed' }])
  const clean = items.map((i) => ({ code: i.code.trim(), title: i.title.trim(), standards: i.standards.map((s) => ({ id: s.id, text: s.text.trim() })) }))
  const problems = inspectionTemplateProblems(clean)
  if (problems.length) throw refuse(problems)
  return writeTransaction(db, [db.inspectionTemplates], async () => {
    const { template, saved } = await checklistOf(db, actor.siteId)
    const next: InspectionTemplate = { id: newId(), siteId: actor.siteId, version: saved ? template.version + 1 : 1, items: clean, staffId: actor.staffId, createdAt: now }
    await writeRecords(db, actor, [{ name: 'inspectionTemplate.add', row: next }], now)
    return next
  })
}

export interface InspectionInput {
  /** The checklist version the form showed (checklistOf): the inspection is judged and filed under it. */
  templateId: string
  shiftKey: string
  inspectedIds: string[]
  at: number
  results: InspectionResult[]
  summary: string
  nonconformities: NonconformityDraft[]
  /** Photos as compressed data URLs, by the id the results name them with. */
  photos: { id: string; image: string }[]
  signature: { image: string; name: string; signedAt: number } | null
}

/**
 * Record an inspection (only inspectors, 篇2 4.4.2–4.4.4): the checklist version in force (written as
 * version 1 first when the site has none), the inspector's signature, photos and nonconformities.
 */
export async function saveInspection(db: DeskbookDb, actor: StaffActor, role: Role, input: InspectionInput, tz: string, now: number): Promise<Inspection> {
  return writeTransaction(db, [db.inspectionTemplates, db.signatures, db.inspections, db.inspectionPhotos, db.nonconformities], async () => {
    // The version the form showed, even if a newer one synced in meanwhile; the regulations' own
    // (not saved yet) is written as version 1 with the id the form was given.
    const shown = await db.inspectionTemplates.get(input.templateId)
    const template = shown ?? { ...defaultInspectionTemplate(actor.siteId, input.templateId, actor.staffId, now) }
    const firstVersion: InspectionTemplate | null = shown ? null : template
    const kind = can(role, 'inspection.record') ? kindFor(role) : null
    const problems = inspectionProblems(
      { kind, inspectorId: actor.staffId, inspectedIds: input.inspectedIds, results: input.results, signed: !!input.signature, date: localDate(input.at, tz) },
      template,
      input.nonconformities,
    )
    if (problems.length || !kind || !input.signature) throw refuse(problems)
    const id = newId()
    const signature: Signature = { id: newId(), siteId: actor.siteId, subjectType: 'inspection', subjectId: id, signerName: input.signature.name, signerStaffId: actor.staffId, image: input.signature.image, signedAt: input.signature.signedAt }
    const usedPhotos = new Set(input.results.flatMap((r) => r.photoIds))
    const photos: InspectionPhoto[] = input.photos.filter((p) => usedPhotos.has(p.id)).map((p) => ({ id: p.id, siteId: actor.siteId, inspectionId: id, image: p.image, createdAt: now }))
    const inspection: Inspection = {
      id,
      siteId: actor.siteId,
      templateId: template.id,
      kind,
      inspectorId: actor.staffId,
      shiftKey: input.shiftKey,
      inspectedIds: [...new Set(input.inspectedIds)],
      at: input.at,
      results: input.results.map((r) => ({ ...r, note: r.note.trim(), photoIds: r.photoIds.filter((p) => photos.some((x) => x.id === p)) })),
      summary: input.summary.trim(),
      inspectorSignatureId: signature.id,
      createdAt: now,
    }
    const ncs: Nonconformity[] = input.nonconformities.map((n) => ({
      ...n,
      id: newId(),
      siteId: actor.siteId,
      inspectionId: id,
      finding: n.finding.trim(),
      correction: n.correction.trim(),
      cause: n.cause.trim(),
      measure: n.measure.trim(),
      at: input.at,
      createdAt: now,
    }))
    const writes: RecordWrite[] = [
      ...(firstVersion ? [{ name: 'inspectionTemplate.add' as const, row: firstVersion }] : []),
      { name: 'signature.add', row: signature },
      { name: 'inspection.add', row: inspection },
      ...photos.map((p): RecordWrite => ({ name: 'inspectionPhoto.add', row: p })),
      ...ncs.map((n): RecordWrite => ({ name: 'nonconformity.add', row: n })),
    ]
    await writeRecords(db, actor, writes, now)
    return inspection
  })
}

/** A later verification of a nonconformity (issue 6 point 3); an effective one closes it. */
export async function verifyNonconformity(db: DeskbookDb, actor: StaffActor, role: Role, nonconformityId: string, effective: boolean, note: string, now: number): Promise<Verification> {
  if (!can(role, 'inspection.record')) throw refuse([{ code: 'notAllowed' }])
  if (!effective && !note.trim()) throw refuse([{ code: 'commentRequired' }])
  return writeTransaction(db, [db.nonconformities, db.verifications], async () => {
    if (!(await db.nonconformities.get(nonconformityId))) throw refuse([{ code: 'unknownNonconformity' }])
    const v: Verification = { id: newId(), siteId: actor.siteId, nonconformityId, staffId: actor.staffId, effective, note: note.trim(), at: now, createdAt: now }
    await writeRecords(db, actor, [{ name: 'verification.add', row: v }], now)
    return v
  })
}

/** The inspected person's comment and signature (issue 6 point 7): added beside the findings, never changing them. */
export async function respondToInspection(db: DeskbookDb, actor: StaffActor, role: Role, inspectionId: string, comment: string, signature: { image: string; name: string; signedAt: number } | null, now: number): Promise<InspectionResponse> {
  if (!can(role, 'inspection.respond')) throw refuse([{ code: 'notAllowed' }])
  if (!comment.trim() && !signature) throw refuse([{ code: 'commentRequired' }])
  return writeTransaction(db, [db.inspections, db.signatures, db.inspectionResponses], async () => {
    const inspection = await db.inspections.get(inspectionId)
    if (!inspection?.inspectedIds.includes(actor.staffId)) throw refuse([{ code: 'notInspected' }])
    const id = newId()
    const sig: Signature | null = signature ? { id: newId(), siteId: actor.siteId, subjectType: 'inspectionResponse', subjectId: inspectionId, signerName: signature.name, signerStaffId: actor.staffId, image: signature.image, signedAt: signature.signedAt } : null
    const response: InspectionResponse = { id, siteId: actor.siteId, inspectionId, staffId: actor.staffId, comment: comment.trim(), signatureId: sig?.id ?? null, at: now, createdAt: now }
    await writeRecords(db, actor, [...(sig ? [{ name: 'signature.add' as const, row: sig }] : []), { name: 'inspectionResponse.add', row: response }], now)
    return response
  })
}

export interface InspectionRecord {
  inspection: Inspection
  template: InspectionTemplate | null
  nonconformities: Nonconformity[]
  verifications: Verification[]
  responses: InspectionResponse[]
  photos: InspectionPhoto[]
  signatures: Signature[]
}

/** One inspection with everything that belongs to it, for its page and its print. */
export async function loadInspection(db: DeskbookDb, id: string): Promise<InspectionRecord | null> {
  const inspection = await db.inspections.get(id)
  if (!inspection) return null
  const [template, nonconformities, responses, photos, signatures] = await Promise.all([
    db.inspectionTemplates.get(inspection.templateId),
    db.nonconformities.where('inspectionId').equals(id).toArray(),
    db.inspectionResponses.where('inspectionId').equals(id).toArray(),
    db.inspectionPhotos.where('inspectionId').equals(id).toArray(),
    db.signatures.where('subjectId').equals(id).toArray(),
  ])
  const verifications = await db.verifications.where('nonconformityId').anyOf(nonconformities.map((n) => n.id)).toArray()
  return { inspection, template: template ?? null, nonconformities, verifications, responses, photos, signatures }
}

/** Inspections of the site between two instants, newest first. */
export async function inspectionsBetween(db: DeskbookDb, siteId: string, from: number, to: number): Promise<Inspection[]> {
  return (await db.inspections.where('[siteId+at]').between([siteId, from], [siteId, to], true, false).toArray()).reverse()
}

/** Nonconformities with their verifications, for the today screen, the appraisal and verification lists. */
export async function nonconformitiesWithVerifications(db: DeskbookDb, siteId: string): Promise<{ nonconformities: Nonconformity[]; verifications: Verification[] }> {
  const [nonconformities, verifications] = await Promise.all([db.nonconformities.toArray(), db.verifications.toArray()])
  return { nonconformities: nonconformities.filter((n) => n.siteId === siteId), verifications: verifications.filter((v) => v.siteId === siteId) }
}
