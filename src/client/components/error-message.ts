import { UserFacingError } from '../db/errors'

/** The i18n key that explains `error` to the person at the tablet. */
export function errorMessageKey(error: unknown): string {
  if (error instanceof UserFacingError) return error.messageKey
  if (error instanceof Error && error.name === 'ValidationError') return 'errors.invalid'
  return 'errors.unexpected'
}
