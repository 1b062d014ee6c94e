/**
 * Storage failures and refused records turned into errors a clerk can act on. Each carries an i18n
 * key under `errors.`; the UI shows `t(error.messageKey)`, or a refused record's own problems.
 */
import type { FieldProblem } from '@shared/domain/validation'

export class UserFacingError extends Error {
  constructor(
    readonly messageKey: string,
    options?: { cause?: unknown },
  ) {
    super(messageKey, options)
  }
}

/** The device is out of storage: nothing of the failed write was kept. */
export class StorageFullError extends UserFacingError {
  override readonly name = 'StorageFullError'
  constructor(cause?: unknown) {
    super('errors.storageFull', { cause })
  }
}

/** Any other failure of the local database. */
export class StorageError extends UserFacingError {
  override readonly name = 'StorageError'
  constructor(cause?: unknown) {
    super('errors.storage', { cause })
  }
}

/** A field problem the registry's schema found in the row of mutation `mutation`. */
export interface RecordFieldProblem extends FieldProblem {
  mutation: string
}

/**
 * A record refused before anything was written (the batch it came in included). Either by its rules:
 * `problems` are the rule's codes, which each screen shows under its own keys (`dutyLog.problems.…`)
 * — the repository names their type; or by the registry's schema (writeRecords checks every row as
 * the server will): `problems` is empty and `fields` says what, and the screen shows `errors.invalid`.
 */
export class RecordInvalidError<P = unknown> extends UserFacingError {
  override readonly name = 'RecordInvalidError'
  constructor(
    readonly problems: P[],
    readonly fields: RecordFieldProblem[] = [],
  ) {
    super('errors.invalid')
    // The codes for the console and test failures; the screen uses messageKey or the problems.
    this.message = fields.length ? `invalid: ${fields.map((f) => `${f.mutation} ${f.path} ${f.code}`).join(', ')}` : problems.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(', ')
  }
}

/**
 * The problems of a record its rules refused, typed as the repository that threw names them; null
 * for any other failure (a storage error, a row the schema refused: shown by its message key).
 */
export function refusal<P>(error: unknown): P[] | null {
  return error instanceof RecordInvalidError && !error.fields.length ? (error.problems as P[]) : null
}

function isQuotaError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { name?: string; inner?: unknown; cause?: unknown }
    if (err.name === 'QuotaExceededError') return true
    cur = err.inner ?? err.cause
  }
  return false
}

/** Map an IndexedDB/Dexie failure to an error with a message key; leaves our own errors alone. */
export function toStorageError(e: unknown): Error {
  if (e instanceof UserFacingError) return e
  if (isQuotaError(e)) return new StorageFullError(e)
  return new StorageError(e)
}
