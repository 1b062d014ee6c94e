/**
 * Every mutation the server knows: which table it writes, whether that table is editable or
 * append-only, which action the staff member's role must allow, and the record's schema.
 * Client and server read the same table (docs/sync-protocol.md "Push").
 */
import type { TSchema } from '@sinclair/typebox'
import type { Action } from '../domain/role'
import { SiteSchema } from '../domain/site'
import { SettingsSchema } from '../domain/settings'
import { DepartmentSchema } from '../domain/department'
import { ShiftTypeSchema } from '../domain/shift-type'
import { StaffSchema } from '../domain/staff'
import { ReceptionSchema } from '../domain/reception'
import { actionForEvent, ReceptionEventSchema, type EventType } from '../domain/reception-event'
import { REVIEW_ACTIONS, ReviewSchema, type ReviewKind } from '../domain/review'
import { CustomerSchema, RenovationSchema, RoomSchema } from '../domain/archive'
import { SignatureSchema } from '../domain/signature'
import { DutyEntrySchema } from '../domain/duty-log'
import { HandoverSchema, HandoverTemplateSchema } from '../domain/handover'
import { DayNoteSchema } from '../domain/day-note'
import { LoanReturnSchema, LoanSchema, PaidServiceSchema, PeriodicalSchema } from '../domain/desk-services'
import { InspectionTemplateSchema } from '../domain/inspection-template'
import { RosterCellSchema, RosterStepSchema, RosterVersionSchema, type StepKind } from '../domain/roster'
import { RosterAnswerSchema, RosterRequestSchema } from '../domain/roster-request'
import { AccessEntrySchema } from '../domain/access-trail'
import { InspectionPhotoSchema, InspectionResponseSchema, InspectionSchema, NonconformitySchema, VerificationSchema } from '../domain/inspection'

export type RecordKind = 'editable' | 'appendOnly'

export interface MutationSpec {
  table: string
  kind: RecordKind
  /** What the staff member's role must allow. */
  action: Action
  schema: TSchema
  /** The record field holding its site: the record id itself for the site record. */
  siteField: 'siteId' | 'id'
  /** `delete` writes a tombstone; `put` merges fields. */
  op: 'put' | 'delete'
  /** Versions of this mutation the server still applies. */
  versions: readonly number[]
  /** When the action depends on the record (e.g. the type of a timeline event). */
  actionFor?: (fields: Record<string, unknown>) => Action
  /** The field naming the record this one belongs to (a timeline event's request); kept for lookups. */
  parentField?: string
  /** The field naming who did it: it must be the staff member the mutation comes from. */
  actorField?: string
  /** The record's key field: `id`, or `siteId` for one-per-site records (settings, handover template). */
  keyField?: 'id' | 'siteId'
}

/** Mutations a founding device made during first-run setup, before anyone could log in. */
export const SETUP_MUTATIONS: readonly string[] = ['site.put', 'settings.put', 'department.put', 'shiftType.put', 'staff.put']

const REGISTRY = {
  'site.put': { table: 'sites', kind: 'editable', action: 'settings.manage', schema: SiteSchema, siteField: 'id', op: 'put', versions: [1] },
  'settings.put': { table: 'settings', kind: 'editable', action: 'settings.manage', schema: SettingsSchema, siteField: 'siteId', op: 'put', versions: [1], keyField: 'siteId' },
  'department.put': { table: 'departments', kind: 'editable', action: 'settings.manage', schema: DepartmentSchema, siteField: 'siteId', op: 'put', versions: [1] },
  'shiftType.put': { table: 'shiftTypes', kind: 'editable', action: 'settings.manage', schema: ShiftTypeSchema, siteField: 'siteId', op: 'put', versions: [1] },
  'staff.put': { table: 'staff', kind: 'editable', action: 'staff.manage', schema: StaffSchema, siteField: 'siteId', op: 'put', versions: [1] },
  // Reception register (issue 4): the request and its timeline are append-only (篇4; SPEC §1).
  'reception.create': { table: 'receptions', kind: 'appendOnly', action: 'reception.register', schema: ReceptionSchema, siteField: 'siteId', op: 'put', versions: [1], actorField: 'receiverId' },
  'receptionEvent.add': {
    table: 'receptionEvents',
    kind: 'appendOnly',
    action: 'reception.follow',
    actionFor: (fields) => actionForEvent(fields.type as EventType),
    schema: ReceptionEventSchema,
    siteField: 'siteId',
    op: 'put',
    versions: [1],
    parentField: 'receptionId',
    actorField: 'staffId',
  },
  'review.add': {
    table: 'reviews',
    kind: 'appendOnly',
    action: 'review.registerDaily',
    actionFor: (fields) => REVIEW_ACTIONS[fields.kind as ReviewKind] ?? 'review.registerDaily',
    schema: ReviewSchema,
    siteField: 'siteId',
    op: 'put',
    versions: [1],
    actorField: 'reviewerId',
  },
  'signature.add': { table: 'signatures', kind: 'appendOnly', action: 'reception.follow', schema: SignatureSchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'subjectId' },
  // Customer archive (篇5 7): editable.
  'room.put': { table: 'rooms', kind: 'editable', action: 'archive.edit', schema: RoomSchema, siteField: 'siteId', op: 'put', versions: [1] },
  'customer.put': { table: 'customers', kind: 'editable', action: 'archive.edit', schema: CustomerSchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'roomId' },
  'renovation.put': { table: 'renovations', kind: 'editable', action: 'archive.edit', schema: RenovationSchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'roomId' },
  // Duty log and handover (issue 5): confidential to the site's desk (篇2 4.2.4), append-only.
  'dutyEntry.add': { table: 'dutyEntries', kind: 'appendOnly', action: 'dutyLog.write', schema: DutyEntrySchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'shiftKey', actorField: 'staffId' },
  'handover.add': { table: 'handovers', kind: 'appendOnly', action: 'handover.sign', schema: HandoverSchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'fromShiftKey', actorField: 'incomingId' },
  'handoverTemplate.put': { table: 'handoverTemplates', kind: 'editable', action: 'settings.manage', schema: HandoverTemplateSchema, siteField: 'siteId', op: 'put', versions: [1], keyField: 'siteId' },
  'dayNote.add': { table: 'dayNotes', kind: 'appendOnly', action: 'handover.pinNotes', schema: DayNoteSchema, siteField: 'siteId', op: 'put', versions: [1], actorField: 'staffId' },
  'periodical.add': { table: 'periodicals', kind: 'appendOnly', action: 'dutyLog.write', schema: PeriodicalSchema, siteField: 'siteId', op: 'put', versions: [1], actorField: 'staffId' },
  'loan.add': { table: 'loans', kind: 'appendOnly', action: 'dutyLog.write', schema: LoanSchema, siteField: 'siteId', op: 'put', versions: [1], actorField: 'staffId' },
  'loanReturn.add': { table: 'loanReturns', kind: 'appendOnly', action: 'dutyLog.write', schema: LoanReturnSchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'loanId', actorField: 'staffId' },
  'paidService.add': { table: 'paidServices', kind: 'appendOnly', action: 'dutyLog.write', schema: PaidServiceSchema, siteField: 'siteId', op: 'put', versions: [1], actorField: 'staffId' },
  // Quality inspections (issue 6; 篇2 4.4): append-only — findings never change; the checklist is versioned.
  'inspectionTemplate.add': { table: 'inspectionTemplates', kind: 'appendOnly', action: 'inspection.record', schema: InspectionTemplateSchema, siteField: 'siteId', op: 'put', versions: [1], actorField: 'staffId' },
  'inspection.add': { table: 'inspections', kind: 'appendOnly', action: 'inspection.record', schema: InspectionSchema, siteField: 'siteId', op: 'put', versions: [1], actorField: 'inspectorId' },
  'nonconformity.add': { table: 'nonconformities', kind: 'appendOnly', action: 'inspection.record', schema: NonconformitySchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'inspectionId' },
  'verification.add': { table: 'verifications', kind: 'appendOnly', action: 'inspection.record', schema: VerificationSchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'nonconformityId', actorField: 'staffId' },
  'inspectionResponse.add': { table: 'inspectionResponses', kind: 'appendOnly', action: 'inspection.respond', schema: InspectionResponseSchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'inspectionId', actorField: 'staffId' },
  'inspectionPhoto.add': { table: 'inspectionPhotos', kind: 'appendOnly', action: 'inspection.record', schema: InspectionPhotoSchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'inspectionId' },
  // Monthly roster (issue 13; 篇2 4.1, 4.2.6): the working copy cell by cell; versions, steps, requests and answers append-only.
  'rosterCell.put': { table: 'rosterCells', kind: 'editable', action: 'roster.draft', schema: RosterCellSchema, siteField: 'siteId', op: 'put', versions: [1] },
  'rosterVersion.add': {
    table: 'rosterVersions',
    kind: 'appendOnly',
    action: 'roster.draft',
    // A version carrying out an approved request is the supervisor's (篇2 4.2.6).
    actionFor: (fields) => (fields.source === 'request' ? 'roster.approve' : 'roster.draft'),
    schema: RosterVersionSchema,
    siteField: 'siteId',
    op: 'put',
    versions: [1],
    // Kept for lookups: the server reads a month's versions to judge a step or a request (roster-rules.ts).
    parentField: 'month',
    actorField: 'staffId',
  },
  'rosterStep.add': {
    table: 'rosterSteps',
    kind: 'appendOnly',
    action: 'roster.approve',
    actionFor: (fields) => (STEP_ACTIONS[fields.step as StepKind] ?? 'roster.approve'),
    schema: RosterStepSchema,
    siteField: 'siteId',
    op: 'put',
    versions: [1],
    parentField: 'versionId',
    actorField: 'staffId',
  },
  // Kept by who asks: the server finds a person's other requests to refuse overlapping leave.
  'rosterRequest.add': { table: 'rosterRequests', kind: 'appendOnly', action: 'roster.request', schema: RosterRequestSchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'staffId', actorField: 'staffId' },
  // Who showed, printed or exported owners' personal information (issue 14 point 2): append-only, never a phone.
  'accessEntry.add': { table: 'accessTrail', kind: 'appendOnly', action: 'accessTrail.write', schema: AccessEntrySchema, siteField: 'siteId', op: 'put', versions: [1], actorField: 'staffId' },
  'rosterAnswer.add': { table: 'rosterAnswers', kind: 'appendOnly', action: 'roster.approve', schema: RosterAnswerSchema, siteField: 'siteId', op: 'put', versions: [1], parentField: 'requestId', actorField: 'staffId' },
} satisfies Record<string, MutationSpec>

/** 篇2 4.1.1: the supervisor approves or returns a version, the manager acknowledges it. */
const STEP_ACTIONS: Record<StepKind, Action> = { approve: 'roster.approve', return: 'roster.approve', acknowledge: 'roster.acknowledge' }

/** The name of a mutation the registry knows, e.g. `staff.put`. */
export type MutationName = keyof typeof REGISTRY

export const MUTATIONS: Readonly<Record<MutationName, MutationSpec>> = REGISTRY

/** Tables of quality inspections: internal to the site's desk and its managers, like the duty log. */
export const INSPECTION_TABLES: readonly string[] = ['inspectionTemplates', 'inspections', 'nonconformities', 'verifications', 'inspectionResponses', 'inspectionPhotos']

/** Tables of the monthly roster: the desk's own planning, which departments have no part in. */
export const ROSTER_TABLES: readonly string[] = ['rosterCells', 'rosterVersions', 'rosterSteps', 'rosterRequests', 'rosterAnswers']

/**
 * 篇2 4.2.4: the duty log is for the site's desk staff only. These tables go to desk devices only and
 * are refused from any other.
 */
export const CONFIDENTIAL_TABLES: readonly string[] = [...ROSTER_TABLES, 'accessTrail', 'notices', 'dutyEntries', 'handovers', 'dayNotes', 'periodicals', 'loans', 'loanReturns', 'paidServices', ...INSPECTION_TABLES]

/** Tables the server sends to tablets (records of a site). `devices` and `notices` are written by the server only. */
export const PULLED_TABLES = [
  'sites',
  'settings',
  'departments',
  'shiftTypes',
  'staff',
  'devices',
  'receptions',
  'receptionEvents',
  'reviews',
  'signatures',
  'rooms',
  'customers',
  'renovations',
  'dutyEntries',
  'handovers',
  'handoverTemplates',
  'dayNotes',
  'periodicals',
  'loans',
  'loanReturns',
  'paidServices',
  'inspectionTemplates',
  'inspections',
  'nonconformities',
  'verifications',
  'inspectionResponses',
  'inspectionPhotos',
  'rosterCells',
  'rosterVersions',
  'rosterSteps',
  'rosterRequests',
  'rosterAnswers',
  'accessTrail',
  // What the server's time rules found (issue 15 point 4): written by the server only, for desk tablets.
  'notices',
] as const
export type PulledTable = (typeof PULLED_TABLES)[number]

/** The spec of mutation `name` at any version, or null for a name the registry does not know. */
export function mutationSpec(name: string): MutationSpec | null {
  // Own keys only: `constructor` or `toString` are not mutations.
  return Object.hasOwn(MUTATIONS, name) ? MUTATIONS[name as MutationName] : null
}

export function specFor(name: string, version: number): MutationSpec | null {
  const spec = mutationSpec(name)
  return spec && spec.versions.includes(version) ? spec : null
}

/** The version a device writes today: the newest the server applies. */
export function currentVersion(spec: MutationSpec): number {
  return Math.max(...spec.versions)
}

/**
 * The id a mutation of `spec` carries for `record`: its key field, `id`, or `siteId` for the
 * one-per-site records (settings, handover template). The server refuses a mutation whose record
 * does not hold its id there (apply-push.ts, `recordIdMismatch`).
 */
export function recordIdOf(spec: Pick<MutationSpec, 'keyField'>, record: Readonly<Record<string, unknown>>): unknown {
  return record[spec.keyField ?? 'id']
}

/** The spec of the mutation writing `table` (its first, for tables two mutations write), or null. */
export function tableSpec(table: string): MutationSpec | null {
  return Object.values(MUTATIONS).find((s) => s.table === table) ?? null
}

/** The record's parent (a timeline event's request), kept beside it on the server for lookups; null when its table has none. */
export function parentIdOf(spec: Pick<MutationSpec, 'parentField'> | null, data: Readonly<Record<string, unknown>>): string | null {
  return spec?.parentField ? ((data[spec.parentField] as string | undefined) ?? null) : null
}
