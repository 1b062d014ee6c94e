/**
 * 当日工作注意事项 (篇2 4.4.4): notes for the day, pinned by the administrator at the daily handover
 * check, shown to everyone on duty that day. Append-only; the latest ones show first.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'

export const DayNoteSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  /** The site-local day it is for. */
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  text: Type.String({ minLength: 1, maxLength: 1000 }),
  staffId: IdSchema,
  at: InstantSchema,
})
export type DayNote = Static<typeof DayNoteSchema>
