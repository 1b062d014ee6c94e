import { DeskbookDb } from '@client/db/database'
import { newId } from '@shared/domain/ids'

/** A fresh, empty database for one test. */
export function freshDb(): DeskbookDb {
  return new DeskbookDb(`test-${newId()}`)
}
