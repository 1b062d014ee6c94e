/**
 * The one local database. Everything the desk records is written here first (SPEC "Offline and
 * sync"); the outbox holds what has not reached the server yet.
 */
import type { InspectionTemplate } from '@shared/domain/inspection-template'
import type { Inspection, InspectionPhoto, InspectionResponse, Nonconformity, Verification } from '@shared/domain/inspection'
import Dexie, { type Table } from 'dexie'
import type { Site } from '@shared/domain/site'
import type { Department } from '@shared/domain/department'
import type { ShiftType } from '@shared/domain/shift-type'
import type { Staff } from '@shared/domain/staff'
import type { Settings } from '@shared/domain/settings'
import type { Device } from '@shared/domain/device'
import type { Mutation } from '@shared/sync/mutation'
import type { ThrottleState } from '@client/db/site/pin-throttle'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { Review } from '@shared/domain/review'
import type { Signature } from '@shared/domain/signature'
import type { Customer, Renovation, Room } from '@shared/domain/archive'
import type { DutyEntry } from '@shared/domain/duty-log'
import type { Handover, HandoverTemplate } from '@shared/domain/handover'
import type { DayNote } from '@shared/domain/day-note'
import type { Loan, LoanReturn, PaidService, Periodical } from '@shared/domain/desk-services'
import type { RosterCell, RosterStep, RosterVersion } from '@shared/domain/roster'
import type { RosterAnswer, RosterRequest } from '@shared/domain/roster-request'
import type { AccessEntry } from '@shared/domain/access-trail'
import type { Notice } from '@shared/domain/notification'
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema'
import type { ReceptionIndexRow } from './register/index-row'
import type { RequestFactsRow } from './register/facts-row'

export interface MetaRow {
  key: string
  value: unknown
}

export interface ThrottleRow extends ThrottleState {
  staffId: string
}

/** Outbox row: the mutation as it will be pushed. */
export type OutboxRow = Mutation

/** A mutation the server refused, kept with its reason for review (never silently dropped). */
export interface DeadLetterRow {
  id: string
  mutation: Mutation
  reason: string
  at: number
}

/** A form's unsaved input, for the staff member who typed it. */
export interface FormDraftRow {
  /** `${staffId}|${form}` */
  id: string
  staffId: string
  /** The form and what it is about, e.g. `register.new`, `register.event:<id>:result`. */
  form: string
  value: unknown
  updatedAt: number
}

/**
 * The per-field clock stamps of a pulled editable record, as the server keeps them: what the tablet
 * re-sends the record with if the server is restored from a backup (sync/resend.ts). Kept after the
 * record is deleted, so the deletion can be re-sent too.
 */
export interface FieldStampsRow {
  table: string
  id: string
  stamps: Record<string, string>
}

/**
 * The stamps of one pulled page, in one row (schema 17): a row per record cost a fresh tablet about 4 s of a
 * 50,000-record pull. `order` counts up as pages are written; the newest row naming a record holds its stamps,
 * and these rows are newer than any `fieldStamps` row (`sync/pulled-stamps.ts` reads them together).
 */
export interface StampPageRow {
  order?: number
  entries: FieldStampsRow[]
}

export const DEFAULT_DB_NAME = 'deskbook'

export class DeskbookDb extends Dexie {
  sites!: Table<Site, string>
  departments!: Table<Department, string>
  shiftTypes!: Table<ShiftType, string>
  staff!: Table<Staff, string>
  settings!: Table<Settings, string>
  devices!: Table<Device, string>
  outbox!: Table<OutboxRow, string>
  meta!: Table<MetaRow, string>
  loginThrottle!: Table<ThrottleRow, string>
  deadLetters!: Table<DeadLetterRow, string>
  receptions!: Table<Reception, string>
  receptionEvents!: Table<ReceptionEvent, string>
  reviews!: Table<Review, string>
  signatures!: Table<Signature, string>
  rooms!: Table<Room, string>
  customers!: Table<Customer, string>
  renovations!: Table<Renovation, string>
  receptionIndex!: Table<ReceptionIndexRow, string>
  /** Each request's clock-free facts for 统计 (schema 16), written with its index row. */
  requestFacts!: Table<RequestFactsRow, string>
  dutyEntries!: Table<DutyEntry, string>
  handovers!: Table<Handover, string>
  handoverTemplates!: Table<HandoverTemplate, string>
  dayNotes!: Table<DayNote, string>
  periodicals!: Table<Periodical, string>
  loans!: Table<Loan, string>
  loanReturns!: Table<LoanReturn, string>
  paidServices!: Table<PaidService, string>
  inspectionTemplates!: Table<InspectionTemplate, string>
  inspections!: Table<Inspection, string>
  nonconformities!: Table<Nonconformity, string>
  verifications!: Table<Verification, string>
  inspectionResponses!: Table<InspectionResponse, string>
  inspectionPhotos!: Table<InspectionPhoto, string>
  rosterCells!: Table<RosterCell, string>
  rosterVersions!: Table<RosterVersion, string>
  rosterSteps!: Table<RosterStep, string>
  rosterRequests!: Table<RosterRequest, string>
  rosterAnswers!: Table<RosterAnswer, string>
  accessTrail!: Table<AccessEntry, string>
  /** What the server's time rules found (issue 15 point 4), pulled: keyed by the event's key. */
  notices!: Table<Notice, string>
  /** Which notices were read on this tablet, and when (local only). */
  noticeReads!: Table<{ id: string; at: number }, string>
  /** A handover in progress on this tablet (local only: it is written as one record when both have signed). */
  handoverDrafts!: Table<{ id: string; value: unknown; updatedAt: number }, string>
  /** What a person has typed in a form and not saved yet (local only, never synced): `form-drafts.ts`. */
  formDrafts!: Table<FormDraftRow, string>
  /** Stamps of pulled editable records, for re-sending them after a server restore. */
  fieldStamps!: Table<FieldStampsRow, [string, string]>
  /** From schema 17: the stamps of each pulled page in one row (`sync/pulled-stamps.ts`). */
  stampPages!: Table<StampPageRow, number>

  constructor(name = DEFAULT_DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name)
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores)
      if (v.upgrade) declared.upgrade(v.upgrade)
    }
  }
}
