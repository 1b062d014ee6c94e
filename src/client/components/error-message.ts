import { refusal, UserFacingError } from '../db/errors'

/** The i18n key that explains `error` to the person at the tablet. */
export function errorMessageKey(error: unknown): string {
  if (error instanceof UserFacingError) return error.messageKey
  return 'errors.unexpected'
}

/**
 * What a failed write tells the person, as i18n keys: each problem of a record its rules refused
 * through `keyOf` (P: the problem type the repository names); any other failure as its message key.
 */
export function problemKeys<P>(error: unknown, keyOf: (problem: P) => string): string[] {
  return refusal<P>(error)?.map(keyOf) ?? [errorMessageKey(error)]
}
