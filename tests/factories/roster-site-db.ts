/**
 * A fresh tablet database holding the roster site for each test (vitest hooks), closed and deleted after
 * it. `ready` receives both once the site is written; each month of `approve` is then the usual month
 * (usualMonth), approved on the 21st of the month before.
 */
import { afterEach, beforeEach } from 'vitest'
import { addMonths } from '@shared/domain/roster'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from './db'
import { at } from './duty'
import { approveRoster, usualMonth } from './roster-duty'
import { seedRosterSite, type RosterSite } from './roster-site'

export function useRosterSiteDb(ready: (db: DeskbookDb, s: RosterSite) => void, opts: { approve?: readonly string[] } = {}): void {
  let db: DeskbookDb
  beforeEach(async () => {
    db = freshDb()
    const s = await seedRosterSite(db)
    ready(db, s)
    for (const month of opts.approve ?? []) await approveRoster(db, s, month, usualMonth(s, month), at(`${addMonths(month, -1)}-21`, '09:00'))
  })
  afterEach(async () => {
    db.close()
    await db.delete()
  })
}
