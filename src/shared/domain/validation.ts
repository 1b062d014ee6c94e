/**
 * One validation path for client and server: TypeBox schemas checked with `Value`
 * (no code generation, so it also runs under a strict CSP on the tablet).
 */
import type { TSchema, Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

export interface FieldProblem {
  /** JSON pointer of the field, e.g. `/staff/0/pin`. */
  path: string
  /** i18n key under `validation.` explaining the problem to a person. */
  code: 'required' | 'type' | 'tooShort' | 'tooLong' | 'pattern' | 'format' | 'range' | 'invalid' | (string & {})
  message: string
}

function codeFor(error: { schema: TSchema; message: string; value: unknown }): FieldProblem['code'] {
  const s = error.schema as Record<string, unknown>
  if (error.value === undefined) return 'required'
  if (typeof error.value === 'string') {
    if (typeof s.minLength === 'number' && error.value.length < s.minLength) return error.value.length === 0 ? 'required' : 'tooShort'
    if (typeof s.maxLength === 'number' && error.value.length > s.maxLength) return 'tooLong'
    if (s.pattern) return 'pattern'
    if (s.format) return 'format'
  }
  if (typeof error.value === 'number') {
    if ((typeof s.minimum === 'number' && error.value < s.minimum) || (typeof s.maximum === 'number' && error.value > s.maximum)) return 'range'
  }
  return 'type'
}

/** Problems of `value` against `schema`, one per field (the first problem found for it). */
export function problems<S extends TSchema>(schema: S, value: unknown): FieldProblem[] {
  const seen = new Set<string>()
  const out: FieldProblem[] = []
  for (const error of Value.Errors(schema, value)) {
    if (seen.has(error.path)) continue
    seen.add(error.path)
    out.push({ path: error.path, code: codeFor(error), message: error.message })
  }
  return out
}

/** Is `value` valid? Narrows its type. */
export function isValid<S extends TSchema>(schema: S, value: unknown): value is Static<S> {
  return Value.Check(schema, value)
}

/** Thrown where invalid data must not be written; carries every field problem. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError'
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path || '/'}: ${p.message}`).join('; '))
  }
}

/** Returns `value` typed when valid, throws {@link ValidationError} otherwise. */
export function assertValid<S extends TSchema>(schema: S, value: unknown): Static<S> {
  const found = problems(schema, value)
  if (found.length) throw new ValidationError(found)
  return value as Static<S>
}
