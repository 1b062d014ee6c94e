/** A site (小区/项目) and its customer-service centre. */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema } from './ids'
import { DEFAULT_TIMEZONE } from './time'

export const SiteSchema = Type.Object({
  id: IdSchema,
  name: Type.String({ minLength: 1, maxLength: 60 }),
  timezone: Type.String({ minLength: 1, maxLength: 64 }),
})
export type Site = Static<typeof SiteSchema>

export function makeSite(id: string, name: string, timezone = DEFAULT_TIMEZONE): Site {
  return { id, name: name.trim(), timezone }
}
