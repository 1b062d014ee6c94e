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

export const ErrorSchema = Type.Object({
  error: Type.String(),
  message: Type.String(),
})
export type ErrorBody = Static<typeof ErrorSchema>

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
})
export type Change = Static<typeof ChangeSchema>

export const PullResponseSchema = Type.Object({ changes: Type.Array(ChangeSchema), cursor: Type.Integer(), more: Type.Boolean() })
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

export const EnrolRequestSchema = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 32 }), name: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
)
export type EnrolRequest = Static<typeof EnrolRequestSchema>

export const EnrolResponseSchema = Type.Object({ device: DeviceInfoSchema, token: Type.String(), site: SiteSchema })
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
