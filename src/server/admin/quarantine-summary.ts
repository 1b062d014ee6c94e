/**
 * A record a revoked tablet uploaded, summed up for the administrator's review (issue 10 point 13):
 * its time, reference, room, whom it concerns and a few words of what — never an owner's phone (digit
 * runs in texts are masked), owners' names only as surname and honorific.
 */
import { maskedName, maskPhone } from '@shared/domain/archive'
import type { Honorific } from '@shared/domain/reception'
import type { QuarantineItem } from '@shared/sync/admin-api'

type Summary = QuarantineItem['summary']

interface Shape {
  /** The record's own time. */
  at?: string
  ref?: string
  room?: string
  /** An owner's (or a guest's) name, and its honorific field. */
  person?: [name: string, honorific?: string]
  /** A few words of what it is about (a staff member's or department's name is not an owner's). */
  text?: string
  /** The request a timeline event belongs to: its reference and room are shown. */
  reception?: string
}

/** Per table, the fields worth showing. A table not listed shows its kind and time only. */
const SHAPES: Record<string, Shape> = {
  receptions: { at: 'receivedAt', ref: 'ref', room: 'room', person: ['customerName', 'honorific'], text: 'matter' },
  receptionEvents: { at: 'at', text: 'note', reception: 'receptionId' },
  reviews: { at: 'at', text: 'comment' },
  signatures: { at: 'signedAt', person: ['signerName'] },
  rooms: { room: 'label', text: 'note' },
  customers: { person: ['name', 'honorific'] },
  renovations: { text: 'note' },
  dutyEntries: { at: 'at', text: 'content' },
  handovers: { at: 'incomingSignedAt' },
  dayNotes: { at: 'at', text: 'text' },
  periodicals: { at: 'receivedAt', text: 'title' },
  loans: { at: 'lentAt', room: 'room', person: ['borrower'], text: 'item' },
  loanReturns: { at: 'returnedAt', text: 'note' },
  paidServices: { at: 'at', room: 'room', person: ['customerName'], text: 'service' },
  inspections: { at: 'at', text: 'summary' },
  nonconformities: { at: 'at', text: 'finding' },
  verifications: { at: 'at', text: 'note' },
  inspectionResponses: { at: 'at', text: 'comment' },
  sites: { text: 'name' },
  departments: { text: 'name' },
  shiftTypes: { text: 'name' },
  staff: { text: 'name' },
}

const TEXT_LENGTH = 40
/** A phone number or any other run of 7+ digits, however it is spaced. */
const DIGIT_RUN = /\+?\d(?:[\s-]?\d){6,}/g

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/** A text with every phone-like number masked, cut to a glance. */
export function glance(text: string): string {
  const masked = text.replace(DIGIT_RUN, (run) => maskPhone(run)).replace(/\s+/g, ' ').trim()
  return masked.length > TEXT_LENGTH ? `${masked.slice(0, TEXT_LENGTH - 1)}…` : masked
}

/** The summary of `fields` of `table`; `reception`, when the record is a timeline event, is its request as stored. */
export function summarise(table: string, fields: Record<string, unknown>, reception: Record<string, unknown> | null = null): Summary {
  const shape = SHAPES[table] ?? {}
  const at = shape.at ? fields[shape.at] : undefined
  const [nameField, honorificField] = shape.person ?? []
  return {
    at: typeof at === 'number' && Number.isSafeInteger(at) ? at : null,
    ref: str(shape.ref ? fields[shape.ref] : reception?.ref),
    room: glance(str(shape.room ? fields[shape.room] : reception?.room)),
    person: nameField ? maskedName(str(fields[nameField]).slice(0, 40), (honorificField ? fields[honorificField] : undefined) as Honorific | undefined) : '',
    text: shape.text ? glance(str(fields[shape.text])) : '',
  }
}

/** The field naming the request of a timeline event, if `table` has one. */
export function receptionField(table: string): string | null {
  return SHAPES[table]?.reception ?? null
}
