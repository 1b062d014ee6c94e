/**
 * What the console's admin API answers about sites and devices: one description for the server's
 * response schemas and the console page's types.
 */
import { Type, type Static } from '@sinclair/typebox'

export const SiteSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  timezone: Type.String(),
  createdAt: Type.Integer(),
  /** Tablets ever enrolled, revoked ones included. */
  devices: Type.Integer(),
})
export type SiteSummary = Static<typeof SiteSummarySchema>

export const DeviceSummarySchema = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  letter: Type.String(),
  name: Type.String(),
  /** A desk tablet, or a department's own (issue 10 point 12). */
  kind: Type.Union([Type.Literal('desk'), Type.Literal('department')]),
  /** The department a department tablet belongs to, by name; null for a desk tablet ('' if unknown). */
  department: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Integer(),
  lastSeenAt: Type.Union([Type.Integer(), Type.Null()]),
  revokedAt: Type.Union([Type.Integer(), Type.Null()]),
  /**
   * After the server was restored from a backup (`restoredAt`): has this tablet re-sent what it holds
   * and caught up (issue 12 point 2)? Null when the server was never restored.
   */
  resync: Type.Union([Type.Null(), Type.Object({ restoredAt: Type.Integer(), caughtUp: Type.Boolean() })]),
})
export type DeviceSummary = Static<typeof DeviceSummarySchema>

/** A department of a site, for choosing the department of a department tablet's code. */
export const DepartmentSummarySchema = Type.Object({ id: Type.String(), name: Type.String(), active: Type.Boolean() })
export type DepartmentSummary = Static<typeof DepartmentSummarySchema>

/** An entry of a site's access trail as the console lists it (issue 14 point 2): who by name, which tablet by letter. */
export const AccessTrailItemSchema = Type.Object({
  id: Type.String(),
  at: Type.Integer(),
  kind: Type.String(),
  what: Type.String(),
  /** The staff member's name, or the console account's username. */
  who: Type.String(),
  /** The tablet's letter; '' for the console. */
  device: Type.String(),
})
export type AccessTrailItem = Static<typeof AccessTrailItemSchema>

/**
 * A record a revoked tablet uploaded, as the console shows it for review (issue 10 point 13): which
 * tablet, who, and a summary of what — never an owner's phone, owners' names as surname and honorific.
 */
export const QuarantineItemSchema = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  /** When the server received it. */
  receivedAt: Type.Integer(),
  device: Type.Object({ id: Type.String(), letter: Type.String(), name: Type.String() }),
  /** The staff member the tablet says made it; null for a first-run record or one the server does not know. */
  staffName: Type.Union([Type.String(), Type.Null()]),
  /** The mutation's name (`reception.create` …) and the table it writes. */
  name: Type.String(),
  table: Type.String(),
  summary: Type.Object({
    /** The record's own time (received, happened, signed …), if it has one. */
    at: Type.Union([Type.Integer(), Type.Null()]),
    ref: Type.String(),
    room: Type.String(),
    person: Type.String(),
    text: Type.String(),
  }),
  decision: Type.Union([Type.Null(), Type.Object({ kind: Type.Union([Type.Literal('applied'), Type.Literal('discarded')]), at: Type.Integer(), by: Type.String() })]),
  /** Why the last attempt to apply it was refused, said for a person, while it waits. */
  refusal: Type.Union([Type.String(), Type.Null()]),
})
export type QuarantineItem = Static<typeof QuarantineItemSchema>

/** A one-time code the console issued (enrol or connect a tablet), valid until `expiresAt`. */
export const IssuedCodeSchema = Type.Object({ code: Type.String(), expiresAt: Type.Integer() })
export type IssuedCodeAnswer = Static<typeof IssuedCodeSchema>

/** A pushed mutation as a dead letter keeps it: described loosely, so a refused one stays readable after the format changes. */
const PushedMutationSchema = Type.Object({ name: Type.String(), fields: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: true })

/** A mutation the server refused, as stored (snake_case columns, as the console reads them), with the reason. */
export const DeadLetterSchema = Type.Object({ id: Type.String(), site_id: Type.String(), device_id: Type.String(), mutation: PushedMutationSchema, reason: Type.String(), created_at: Type.Integer() })
export type DeadLetter = Static<typeof DeadLetterSchema>

/** An export of a site's data as the console lists it (issue 12 point 7): who, when, which format, phones or not. */
export const SiteExportSchema = Type.Object({
  at: Type.Integer(),
  by: Type.String(),
  format: Type.Union([Type.Literal('json'), Type.Literal('xlsx')]),
  withPhones: Type.Boolean(),
})
export type SiteExport = Static<typeof SiteExportSchema>

/** What importing a site's archive made: the site, how many records and (revoked, letter-keeping) devices. */
export const SiteImportResultSchema = Type.Object({ siteId: Type.String(), name: Type.String(), records: Type.Integer(), devices: Type.Integer() })
export type SiteImportResult = Static<typeof SiteImportResultSchema>

/**
 * The dry run of a site's contact retention (issue 14 point 3) as the console shows it: how many closed
 * requests would have their contact details reduced now, and which (reference, when closed, what shrinks)
 * — never a name or a phone.
 */
export const RetentionPlanSchema = Type.Object({
  years: Type.Integer(),
  due: Type.Integer(),
  items: Type.Array(
    Type.Object({
      ref: Type.String(),
      closedAt: Type.Integer(),
      /** What would shrink: customerName, phone, matter (numbers in it), events (timeline entries). */
      fields: Type.Array(Type.String()),
    }),
  ),
})
export type RetentionPlanView = Static<typeof RetentionPlanSchema>
