/**
 * The JSON archive of one site (issue 12 point 7; docs/decisions.md "Issue 12 — a site's data to take
 * away"): a manifest, the site, its devices and every table's stored rows — merged data, per-field
 * stamps, tombstone and change number, so an import recreates what tablets pull. Written by
 * site-export.ts, checked and read back by site-import.ts; one description for both.
 */
import { createHash } from 'node:crypto'
import { Type, type Static } from '@sinclair/typebox'
import { maskPhone } from '@shared/domain/archive'

export const ARCHIVE_FORMAT = 'deskbook-site-archive'
export const ARCHIVE_VERSION = 1

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' })
const Id = Type.String({ minLength: 1, maxLength: 36 })
const Ms = Type.Integer({ minimum: 0 })

/** Per table (and for the devices): how many rows, how many of them tombstones, and the checksum of their lines. */
export const SectionSchema = Type.Object({ count: Type.Integer({ minimum: 0 }), deleted: Type.Integer({ minimum: 0 }), sha256: Sha256 }, { additionalProperties: false })
export type Section = Static<typeof SectionSchema>

export const ManifestSchema = Type.Object(
  {
    format: Type.Literal(ARCHIVE_FORMAT),
    version: Type.Integer(),
    serverVersion: Type.String({ maxLength: 40 }),
    exportedAt: Ms,
    /** The administrator's username. */
    exportedBy: Type.String({ maxLength: 60 }),
    /** false: owners' phones are masked (138****5678) — fit for an audit, not for an import. */
    phones: Type.Boolean(),
    site: Type.Object({ id: Id, name: Type.String({ minLength: 1, maxLength: 120 }), timezone: Type.String({ minLength: 1, maxLength: 64 }) }),
    devices: SectionSchema,
    tables: Type.Record(Type.String({ maxLength: 40 }), SectionSchema),
  },
  { additionalProperties: false },
)
export type Manifest = Static<typeof ManifestSchema>

export const ArchivedSiteSchema = Type.Object({ id: Id, name: Type.String({ minLength: 1, maxLength: 120 }), timezone: Type.String({ minLength: 1, maxLength: 64 }), createdAt: Ms, changeSeq: Ms }, { additionalProperties: false })

/** A device as the server knew it: its letter stays reserved on the server the site moves to. No token. */
export const ArchivedDeviceSchema = Type.Object(
  {
    id: Id,
    letter: Type.String({ pattern: '^[A-Z]{1,2}$' }),
    name: Type.String({ maxLength: 80 }),
    kind: Type.Union([Type.Literal('desk'), Type.Literal('department')]),
    departmentId: Type.Union([Id, Type.Null()]),
    founder: Type.Boolean(),
    setupAt: Type.Union([Ms, Type.Null()]),
    createdAt: Ms,
    lastSeenAt: Type.Union([Ms, Type.Null()]),
    revokedAt: Type.Union([Ms, Type.Null()]),
  },
  { additionalProperties: false },
)
export type ArchivedDevice = Static<typeof ArchivedDeviceSchema>

/** A stored record: what the server holds, field by field. */
export const ArchivedRowSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    parentId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
    seq: Type.Integer({ minimum: 1 }),
    updatedAt: Ms,
    deleted: Type.Boolean(),
    data: Type.Record(Type.String(), Type.Unknown()),
    fieldHlc: Type.Record(Type.String(), Type.String({ maxLength: 80 })),
  },
  { additionalProperties: false },
)
export type ArchivedRow = Static<typeof ArchivedRowSchema>

export const SiteArchiveSchema = Type.Object(
  {
    manifest: ManifestSchema,
    site: ArchivedSiteSchema,
    devices: Type.Array(ArchivedDeviceSchema),
    tables: Type.Record(Type.String({ maxLength: 40 }), Type.Array(ArchivedRowSchema)),
  },
  { additionalProperties: false },
)
export type SiteArchive = Static<typeof SiteArchiveSchema>

/**
 * Owners' (and borrowers') phones, per table: where they are, and the record with them masked. A
 * contractor's phone (renovations) is a business's, not an owner's, and is kept.
 */
interface PhoneFields {
  phones(d: Record<string, unknown>): string[]
  mask(d: Record<string, unknown>): Record<string, unknown>
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const oneField = (field: string): PhoneFields => ({ phones: (d) => [str(d[field])], mask: (d) => ({ ...d, [field]: maskPhone(str(d[field])) }) })
const correctionOf = (d: Record<string, unknown>): Record<string, unknown> | null => (d.correction && typeof d.correction === 'object' ? (d.correction as Record<string, unknown>) : null)

const PHONE_FIELDS: Record<string, PhoneFields> = {
  customers: {
    phones: (d) => (Array.isArray(d.phones) ? d.phones.map(str) : []),
    mask: (d) => ({ ...d, phones: Array.isArray(d.phones) ? d.phones.map((p) => maskPhone(str(p))) : d.phones }),
  },
  receptions: oneField('phone'),
  loans: oneField('phone'),
  // A correction of a request may carry a new phone.
  receptionEvents: {
    phones: (d) => [str(correctionOf(d)?.phone)],
    mask: (d) => {
      const c = correctionOf(d)
      return c && typeof c.phone === 'string' ? { ...d, correction: { ...c, phone: maskPhone(c.phone) } } : d
    },
  },
}

/** The record's data with owners' phones masked as lists and printouts show them (138****5678). */
export function maskedData(table: string, data: Record<string, unknown>): Record<string, unknown> {
  return PHONE_FIELDS[table]?.mask(data) ?? data
}

/** Does the record hold a masked phone (from an archive exported without phones, whatever its manifest says)? */
export function holdsMaskedPhone(table: string, data: Record<string, unknown>): boolean {
  return PHONE_FIELDS[table]?.phones(data).some((p) => p.includes('*')) ?? false
}

/** A running count and checksum of a section's lines, each line being `JSON.stringify(row)` and a newline. */
export class SectionSum {
  private readonly hash = createHash('sha256')
  count = 0
  deleted = 0

  add(line: string, deleted: boolean): void {
    this.hash.update(line).update('\n')
    this.count++
    if (deleted) this.deleted++
  }

  done(): Section {
    return { count: this.count, deleted: this.deleted, sha256: this.hash.digest('hex') }
  }
}
