/**
 * The server's check of a record against its schema: compiled once per schema (the server may
 * generate code; the tablet, under its CSP, checks with `Value`), the problems listed only for a
 * record that fails — a reconnect storm checks 100,000 valid ones (issue 12 point 4).
 */
import type { TSchema } from '@sinclair/typebox'
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler'
import { problems } from '@shared/domain/validation'

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>()

/** Null when `value` fits `schema`; else why not, as a push or re-send answers it. */
export function recordProblem(schema: TSchema, value: unknown): string | null {
  let check = compiled.get(schema)
  if (!check) {
    check = TypeCompiler.Compile(schema)
    compiled.set(schema, check)
  }
  if (check.Check(value)) return null
  return `invalid: ${problems(schema, value)
    .map((p) => `${p.path} ${p.code}`)
    .join(', ')}`.slice(0, 200)
}
