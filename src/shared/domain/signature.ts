/**
 * A signature on the tablet (篇1: the sign-in book turned towards the guest; 篇2 4.3.4): the drawing
 * as a small PNG data URL, who signed, for what. Append-only.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'

/** Large enough for a signature drawn on a 13" screen, compressed; small enough to sync on a slow line. */
export const MAX_SIGNATURE_BYTES = 200_000

export const SignatureSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** What was signed, e.g. `reception`. */
  subjectType: Type.String({ minLength: 1, maxLength: 30 }),
  subjectId: IdSchema,
  /** Who signed: the owner's name as they gave it, or a staff member's. */
  signerName: Type.String({ maxLength: 40 }),
  signerStaffId: Type.Union([IdSchema, Type.Null()]),
  image: Type.String({ pattern: '^data:image/(png|webp|jpeg);base64,[A-Za-z0-9+/=]+$', maxLength: MAX_SIGNATURE_BYTES }),
  signedAt: InstantSchema,
})
export type Signature = Static<typeof SignatureSchema>
