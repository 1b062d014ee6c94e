/**
 * Record and mutation ids: UUIDv7 made on the device, so ids sort by creation time and never
 * need the server to be reachable.
 */
import { v7 as uuidv7, validate, version } from 'uuid'
import { Type } from '@sinclair/typebox'

export function newId(): string {
  return uuidv7()
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7
}

export const IdSchema = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$',
})
/** An instant as milliseconds since the epoch (UTC). */
export const InstantSchema = Type.Integer({ minimum: 0 })
