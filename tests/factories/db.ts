import { afterEach } from 'vitest'
import { DeskbookDb } from '@client/db/database'
import { newId } from '@shared/domain/ids'

/** A fresh, empty database for one test. */
export function freshDb(): DeskbookDb {
  return new DeskbookDb(`test-${newId()}`)
}

/** Fresh databases that are closed and deleted after each test of the file that calls this. */
export function dbsDeletedAfterEach(): () => DeskbookDb {
  const dbs: DeskbookDb[] = []
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close()
      await db.delete()
    }
  })
  return () => {
    const db = freshDb()
    dbs.push(db)
    return db
  }
}
