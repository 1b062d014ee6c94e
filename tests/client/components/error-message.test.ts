import { describe, expect, it } from 'vitest'
import { errorMessageKey, problemKeys } from '@client/components/error-message'
import { RecordInvalidError, refusal, StorageError, StorageFullError } from '@client/db/errors'

// One error type for every refused record: the screens show the rule's problems under their own keys,
// a row the registry's schema refused as errors.invalid, a storage failure as its own key.
describe('what a failed write says', () => {
  const keyOf = (p: string): string => `dutyLog.problems.${p}`

  it('gives each problem of a record its rules refused, under the screen’s keys', () => {
    const e = new RecordInvalidError(['textRequired', 'notAllowed'])
    expect(refusal<string>(e)).toEqual(['textRequired', 'notAllowed'])
    expect(problemKeys(e, keyOf)).toEqual(['dutyLog.problems.textRequired', 'dutyLog.problems.notAllowed'])
  })

  it('says errors.invalid for a row the registry’s schema refused, not the rule keys', () => {
    const e = new RecordInvalidError([], [{ mutation: 'dayNote.add', path: '/text', code: 'tooLong', message: 'Expected string length less or equal to 500' }])
    expect(refusal(e)).toBeNull()
    expect(problemKeys(e, keyOf)).toEqual(['errors.invalid'])
    expect(e.message).toBe('invalid: dayNote.add /text tooLong')
  })

  it('says what a storage failure or anything else is by its own key', () => {
    expect(problemKeys(new StorageFullError(), keyOf)).toEqual(['errors.storageFull'])
    expect(problemKeys(new StorageError(), keyOf)).toEqual(['errors.storage'])
    expect(problemKeys(new Error('bug'), keyOf)).toEqual(['errors.unexpected'])
    expect(errorMessageKey(new RecordInvalidError(['textRequired']))).toBe('errors.invalid')
  })
})
