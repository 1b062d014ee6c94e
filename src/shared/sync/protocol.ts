/**
 * The sync API's request and answer shapes (docs/sync-protocol.md). The server validates with
 * these schemas and describes them in OpenAPI; the client builds requests from the same types.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from '../domain/ids'
import { SiteSchema } from '../domain/site'
import { DeviceSchema } from '../domain/device'
import { MutationSchema } from './mutation'

export const PROTOCOL_VERSION = 1
export const MIN_CLIENT_PROTOCOL = 1
export const PROTOCOL_HEADER = 'x-deskbook-protocol'
export const MAX_PUSH = 500
export const MAX_PULL = 1000
/** Records in one re-send request after a restore (docs/sync-protocol.md "After a restore"). */
export const MAX_RESEND = 200
/**
 * `<serverId>/<generation>` of the server database the tablet last caught up with. A push or pull
 * carrying another one is answered 409 `ServerRestored`, before anything is applied.
 */
export const GENERATION_HEADER = 'x-deskbook-generation'

export const ErrorSchema = Type.Object({
  error: Type.String(),
  message: Type.String(),
})
export type ErrorBody = Static<typeof ErrorSchema>

/** Which server database answered: its identity, and its generation, which a restore replaces. */
export const ServerEpochSchema = Type.Object({ id: Type.String(), generation: Type.String() })
export type ServerEpochInfo = Static<typeof ServerEpochSchema>

export const epochHeader = (epoch: ServerEpochInfo): string => `${epoch.id}/${epoch.generation}`

/** 409 to a push or pull from a tablet that last synced with another generation (or is ahead of the server). */
export const RestoredSchema = Type.Object({ error: Type.Literal('ServerRestored'), message: Type.String(), server: ServerEpochSchema })
export type RestoredBody = Static<typeof RestoredSchema>

export const PushRequestSchema = Type.Object({ mutations: Type.Array(MutationSchema, { minItems: 1, maxItems: MAX_PUSH }) }, { additionalProperties: false })
export type PushRequest = Static<typeof PushRequestSchema>

export const PushStatusSchema = Type.Union([Type.Literal('applied'), Type.Literal('duplicate'), Type.Literal('rejected'), Type.Literal('quarantined')])
export type PushStatus = Static<typeof PushStatusSchema>

export const PushResultSchema = Type.Object({ id: Type.String(), status: PushStatusSchema, reason: Type.Optional(Type.String()) })
export type PushResult = Static<typeof PushResultSchema>

export const PushResponseSchema = Type.Object({ results: Type.Array(PushResultSchema), revoked: Type.Boolean() })
export type PushResponse = Static<typeof PushResponseSchema>

export const PullQuerySchema = Type.Object(
  {
    // Bounded so that it fits the database's bigint (PostgreSQL refuses a larger number).
    cursor: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 }),
    limit: Type.Integer({ minimum: 1, maximum: MAX_PULL, default: 500 }),
  },
  { additionalProperties: false },
)
export type PullQuery = Static<typeof PullQuerySchema>

export const ChangeSchema = Type.Object({
  table: Type.String(),
  id: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  deleted: Type.Boolean(),
  seq: Type.Integer(),
  /** Per-field clock stamps of an editable record: what the tablet re-sends them with after a restore. */
  stamps: Type.Optional(Type.Record(Type.String(), Type.String())),
})
export type Change = Static<typeof ChangeSchema>

export const PullResponseSchema = Type.Object({ changes: Type.Array(ChangeSchema), cursor: Type.Integer(), more: Type.Boolean(), server: ServerEpochSchema })
export type PullResponse = Static<typeof PullResponseSchema>

export const DeviceInfoSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  letter: Type.String(),
  name: Type.String(),
  createdAt: InstantSchema,
  kind: DeviceSchema.properties.kind,
  departmentId: DeviceSchema.properties.departmentId,
})

/**
 * A tablet the server no longer knows (enrolled after the backup a restore went back to) joins again
 * with a new code as the same device: its id (its outbox's mutations carry it), its site and its
 * letter (its reference numbers carry it), keeping everything it holds.
 */
export const RejoinSchema = Type.Object({ deviceId: IdSchema, siteId: IdSchema, letter: Type.String({ minLength: 1, maxLength: 2, pattern: '^[A-Z]{1,2}$' }) }, { additionalProperties: false })

export const EnrolRequestSchema = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 32 }), name: Type.String({ minLength: 1, maxLength: 40 }), rejoin: Type.Optional(RejoinSchema) },
  { additionalProperties: false },
)
export type EnrolRequest = Static<typeof EnrolRequestSchema>

export const EnrolResponseSchema = Type.Object({ device: DeviceInfoSchema, token: Type.String(), site: SiteSchema, server: ServerEpochSchema })
export type EnrolResponse = Static<typeof EnrolResponseSchema>

export const ConnectRequestSchema = Type.Object(
  {
    code: Type.String({ minLength: 6, maxLength: 32 }),
    site: SiteSchema,
    device: Type.Object({ id: IdSchema, name: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
    /** When the tablet was set up: its first-run mutations (no staff yet) are accepted up to this instant. */
    setupAt: InstantSchema,
  },
  { additionalProperties: false },
)
export type ConnectRequest = Static<typeof ConnectRequestSchema>

export const CountsResponseSchema = Type.Object({ counts: Type.Record(Type.String(), Type.Integer()), cursor: Type.Integer() })
export type CountsResponse = Static<typeof CountsResponseSchema>

/** A record as the tablet holds it, re-sent after a restore; `stamps` per field for editable records. */
export const ResentRecordSchema = Type.Object(
  {
    table: Type.String({ maxLength: 40 }),
    id: Type.String({ minLength: 1, maxLength: 80 }),
    data: Type.Record(Type.String(), Type.Unknown()),
    deleted: Type.Boolean(),
    stamps: Type.Record(Type.String(), Type.String({ maxLength: 80 })),
  },
  { additionalProperties: false },
)
export type ResentRecord = Static<typeof ResentRecordSchema>

export const ResendRequestSchema = Type.Object({ records: Type.Array(ResentRecordSchema, { minItems: 1, maxItems: MAX_RESEND }) }, { additionalProperties: false })
export type ResendRequest = Static<typeof ResendRequestSchema>

export const ResendResponseSchema = Type.Object({
  /** Records the server did not have at least as new, now merged in. */
  applied: Type.Integer(),
  /** Records the server already had at least as new. */
  unchanged: Type.Integer(),
  /** Records it could not take, with the reason (kept on the tablet as they are). */
  refused: Type.Array(Type.Object({ table: Type.String(), id: Type.String(), reason: Type.String() })),
})
export type ResendResponse = Static<typeof ResendResponseSchema>

/** The tablet has re-sent everything it holds: it is caught up with `generation` (then resets its cursor and pulls). */
export const ResendDoneRequestSchema = Type.Object({ generation: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false })
export const ResendDoneResponseSchema = Type.Object({ server: ServerEpochSchema })
export type ResendDoneResponse = Static<typeof ResendDoneResponseSchema>
