/**
 * Storage failures turned into errors a clerk can act on. Each carries an i18n key under
 * `errors.`; the UI shows `t(error.messageKey)`.
 */

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
  if (e instanceof Error && e.name === 'ValidationError') return e
  return new StorageError(e)
}
