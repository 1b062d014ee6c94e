/**
 * Server rules of quality inspections (issue 6 point 7; 篇2 4.4): only inspectors record, each as the
 * kind their role makes, signed, never inspecting themselves; a nonconformity belongs to a failed row
 * of its inspection and to one of the people inspected; the inspected person may answer and sign but
 * changes no finding (findings are append-only records the response never touches).
 */
import type { Role } from '@shared/domain/role'
import { kindFor, type Inspection, type InspectionResponse, type Nonconformity } from '@shared/domain/inspection'
import { inspectionTemplateProblems, type InspectionTemplate } from '@shared/domain/inspection-template'
import { childRecords, getRecord } from '../repositories/records'
import type { Rule } from './rule'

const inspectionOf = async (trx: Parameters<Rule>[0], siteId: string, id: string): Promise<Inspection | null> => {
  const r = await getRecord(trx, { siteId, table: 'inspections', recordId: id })
  return r && !r.deleted ? (r.data as unknown as Inspection) : null
}

/**
 * A checklist version as strictly as the tablet's editor. Two tablets saving offline may both make the
 * same version number: both are kept (inspections name their version by id), the newest counts as current.
 */
const templateRule: Rule = async (_trx, _siteId, _m, data) => {
  const problems = inspectionTemplateProblems((data as unknown as InspectionTemplate).items)
  return problems.length ? `invalid: ${problems.map((p) => p.code).join(', ')}` : null
}

const inspectionRule: Rule = async (trx, siteId, _m, data, actor) => {
  const i = data as unknown as Inspection
  if (actor.role !== 'admin' && kindFor(actor.role as Role) !== i.kind) return `notAllowed: a ${actor.role} does not make ${i.kind} inspections`
  if (i.inspectedIds.includes(i.inspectorId)) return 'invalid: inspectorInspected'
  const template = await getRecord(trx, { siteId, table: 'inspectionTemplates', recordId: i.templateId })
  if (!template || template.deleted) return 'invalid: unknownTemplate'
  for (const id of i.inspectedIds) {
    const staff = await getRecord(trx, { siteId, table: 'staff', recordId: id })
    if (!staff || staff.deleted) return 'invalid: unknownStaff'
  }
  const signatures = new Set((await childRecords(trx, siteId, 'signatures', i.id)).map((s) => s.id))
  return signatures.has(i.inspectorSignatureId) ? null : 'invalid: signature missing'
}

const nonconformityRule: Rule = async (trx, siteId, _m, data) => {
  const nc = data as unknown as Nonconformity
  const i = await inspectionOf(trx, siteId, nc.inspectionId)
  if (!i) return 'unknownInspection'
  if (!i.inspectedIds.includes(nc.staffId)) return 'invalid: responsibleNotInspected'
  const row = i.results.find((r) => r.itemCode === nc.itemCode && r.standardId === nc.standardId)
  return row?.result === 'fail' ? null : 'invalid: nonconformityWithoutFail'
}

const verificationRule: Rule = async (trx, siteId, _m, data) => {
  const nc = await getRecord(trx, { siteId, table: 'nonconformities', recordId: String(data.nonconformityId) })
  return nc && !nc.deleted ? null : 'unknownNonconformity'
}

/** Only a person inspected answers, on their own behalf (the actor field is checked by the registry). */
const responseRule: Rule = async (trx, siteId, _m, data) => {
  const r = data as unknown as InspectionResponse
  const i = await inspectionOf(trx, siteId, r.inspectionId)
  if (!i) return 'unknownInspection'
  return i.inspectedIds.includes(r.staffId) ? null : 'notAllowed: only a person inspected answers'
}

const photoRule: Rule = async (trx, siteId, _m, data) => ((await inspectionOf(trx, siteId, String(data.inspectionId))) ? null : 'unknownInspection')

export const INSPECTION_RULES: Record<string, Rule> = {
  'inspectionTemplate.add': templateRule,
  'inspection.add': inspectionRule,
  'nonconformity.add': nonconformityRule,
  'verification.add': verificationRule,
  'inspectionResponse.add': responseRule,
  'inspectionPhoto.add': photoRule,
}
