/**
 * A schema helper the domain files' schemas use. Its own file, away from `validation.ts`: a screen that
 * imports a domain file's rules then does not bring TypeBox's `Value` checker with it (issue 17).
 */
import { Type } from '@sinclair/typebox'

/** A schema for one of the strings in `values` (keeps their literal types for `Static`). */
export function literalUnion<V extends string>(values: readonly V[]) {
  return Type.Union(values.map((v) => Type.Literal(v)))
}
