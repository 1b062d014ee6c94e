/**
 * The console's API for an owner's request under PIPL 个人信息保护法 Art. 44–47 (issue 14 point 4): who the
 * owner is, what was found (masked), the full records for the print view, and the requests with their
 * answers. One description for the server's schemas and the console's types.
 */
import { Type, type Static } from '@sinclair/typebox'

/** The owner as the administrator identified them: a phone and/or a name with a room ('' when not given). */
export const OwnerIdentitySchema = Type.Object(
  { phone: Type.String({ maxLength: 30 }), name: Type.String({ maxLength: 40 }), room: Type.String({ maxLength: 40 }) },
  { additionalProperties: false },
)
export type OwnerIdentityBody = Static<typeof OwnerIdentitySchema>

const Count = Type.Integer({ minimum: 0 })
export const DossierCountsSchema = Type.Object({ customers: Count, rooms: Count, requests: Count, signatures: Count, loans: Count, loanReturns: Count, paidServices: Count })

/** What a search found, masked: enough to tell it is the right person, nothing to copy. */
export const OwnerFindSchema = Type.Object({
  counts: DossierCountsSchema,
  customers: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), room: Type.String(), relation: Type.String(), phones: Type.Array(Type.String()) })),
  requests: Type.Array(Type.Object({ id: Type.String(), ref: Type.String(), receivedAt: Type.Integer(), room: Type.String() })),
})
export type OwnerFind = Static<typeof OwnerFindSchema>

/** A record as the site holds it (the tablets' schemas describe each; here it is passed through whole). */
const Held = Type.Record(Type.String(), Type.Unknown())

/** Everything held about the owner, for the console's print view (printed to PDF): the export itself. */
export const OwnerPrintSchema = Type.Object({
  site: Type.Object({ name: Type.String(), timezone: Type.String() }),
  /** When it was read (the print's stamp). */
  at: Type.Integer(),
  dossier: Type.Object({
    customers: Type.Array(Held),
    rooms: Type.Array(Held),
    requests: Type.Array(Type.Object({ reception: Held, current: Held, events: Type.Array(Held) })),
    signatures: Type.Array(Held),
    loans: Type.Array(Held),
    loanReturns: Type.Array(Held),
    paidServices: Type.Array(Held),
  }),
  /** Staff and departments by id, for the names a print shows. */
  staff: Type.Record(Type.String(), Type.String()),
  departments: Type.Record(Type.String(), Type.String()),
})
export type OwnerPrint = Static<typeof OwnerPrintSchema>

export const OWNER_REQUEST_KINDS = ['access', 'correction', 'erasure'] as const
export type OwnerRequestKind = (typeof OWNER_REQUEST_KINDS)[number]

/** An owner's access request answered (a correction or an erasure is recorded by its own route). */
export const OwnerAnswerSchema = Type.Object(
  {
    identity: OwnerIdentitySchema,
    /** The site-local day the request came in (YYYY-MM-DD). */
    receivedOn: Type.String({ maxLength: 10 }),
    /** An access request (the copies given), or a correction made elsewhere (a request's, on a tablet). */
    kind: Type.Optional(Type.Union([Type.Literal('access'), Type.Literal('correction')])),
    /** What was done, in words: 已提供 Excel 副本 … */
    done: Type.String({ maxLength: 500 }),
    note: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
)
export type OwnerAnswer = Static<typeof OwnerAnswerSchema>

/** A request and its answer as the console lists it: the requester as stored (surname, masked phone). */
export const OwnerRequestSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union(OWNER_REQUEST_KINDS.map((k) => Type.Literal(k))),
  receivedAt: Type.Integer(),
  name: Type.String(),
  phone: Type.String(),
  room: Type.String(),
  done: Type.String(),
  answeredAt: Type.Integer(),
  answeredBy: Type.String(),
  note: Type.String(),
})
export type OwnerRequest = Static<typeof OwnerRequestSchema>

/** The owner's archive entry corrected from the console: a new name and/or phones ('' and [] keep what is there). */
export const OwnerCorrectionSchema = Type.Object(
  {
    identity: OwnerIdentitySchema,
    receivedOn: Type.String({ maxLength: 10 }),
    customerId: Type.String({ maxLength: 36 }),
    name: Type.String({ maxLength: 40 }),
    phones: Type.Array(Type.String({ maxLength: 30 }), { maxItems: 5 }),
    note: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
)
export type OwnerCorrection = Static<typeof OwnerCorrectionSchema>

/** The owner's personal information erased where the law allows (their archive entries, closed requests' contacts). */
export const OwnerErasureSchema = Type.Object(
  { identity: OwnerIdentitySchema, receivedOn: Type.String({ maxLength: 10 }), note: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
)
export type OwnerErasure = Static<typeof OwnerErasureSchema>
