/**
 * The unit of sync: one change a person made on one device, as it waits in the outbox and
 * travels to the server. Idempotent by `id`; `name@version` says how the server applies it.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from '../domain/ids'
import { HLC_PATTERN } from './hlc'

export const MutationSchema = Type.Object({
  /** UUIDv7 made on the device: the idempotency key. */
  id: IdSchema,
  /** What kind of change, e.g. `staff.put`. */
  name: Type.String({ pattern: '^[a-z][a-zA-Z]*\\.[a-z][a-zA-Z]*$', maxLength: 60 }),
  /** Version of the mutation's shape; the server refuses versions it does not know. */
  version: Type.Integer({ minimum: 1, maximum: 1000 }),
  table: Type.String({ minLength: 1, maxLength: 40 }),
  recordId: Type.String({ minLength: 1, maxLength: 80 }),
  /** The fields written (whole record for a create, changed fields for an edit). */
  fields: Type.Record(Type.String(), Type.Unknown()),
  hlc: Type.String({ pattern: HLC_PATTERN }),
  staffId: Type.Union([IdSchema, Type.Null()]),
  deviceId: IdSchema,
  siteId: IdSchema,
  createdAt: InstantSchema,
})
export type Mutation = Static<typeof MutationSchema>

/** `staff.put@1`: how a mutation is named in logs and the dead-letter list. */
export function mutationLabel(m: Pick<Mutation, 'name' | 'version'>): string {
  return `${m.name}@${m.version}`
}
