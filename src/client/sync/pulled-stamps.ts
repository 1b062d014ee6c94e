/**
 * The per-field stamps this tablet pulled its editable records with, kept for re-sending them to a restored
 * server (docs/sync-protocol.md "After a restore"). Each pulled page's stamps go in one row of `stampPages`
 * (schema 17), in the page's transaction: a row per record cost a fresh tablet about 4 s of a 50,000-record
 * pull (issue 17). Read back all together: the rows of `fieldStamps` (pulled before schema 17) first, then the
 * pages oldest first, so each record's newest stamps win.
 */
import type { DeskbookDb, FieldStampsRow } from '../db/database'

/** Page rows kept before they are folded into one (a tablet pulling every minute makes a few hundred a day). */
export const STAMP_PAGES_FOLD = 2_000

/** One record's key across tables, as the pull, the re-send and these stamps name it. */
export const recordKey = (table: string, id: string): string => `${table}\u0000${id}`

/** Inside the page's transaction: its stamps, if it has any, in one row. */
export async function keepPageStamps(db: DeskbookDb, entries: FieldStampsRow[]): Promise<void> {
  if (entries.length) await db.stampPages.add({ entries })
}

async function newestOfPages(db: DeskbookDb, into: Map<string, FieldStampsRow>): Promise<Map<string, FieldStampsRow>> {
  await db.stampPages.orderBy('order').each((page) => {
    for (const e of page.entries) into.set(recordKey(e.table, e.id), e)
  })
  return into
}

/** Every record's newest stamps, by `table\0id`. */
export async function pulledStamps(db: DeskbookDb): Promise<Map<string, FieldStampsRow>> {
  const all = new Map<string, FieldStampsRow>()
  for (const row of await db.fieldStamps.toArray()) all.set(recordKey(row.table, row.id), row)
  return newestOfPages(db, all)
}

/** Once there are `fold` page rows, they become one row of each record's newest stamps (one transaction). */
export async function foldStampPages(db: DeskbookDb, fold = STAMP_PAGES_FOLD): Promise<boolean> {
  return db.transaction('rw', db.stampPages, async () => {
    if ((await db.stampPages.count()) < fold) return false
    const newest = await newestOfPages(db, new Map())
    await db.stampPages.clear()
    // The key generator never goes back, so the folded row is newer than every row it replaces.
    await db.stampPages.add({ entries: [...newest.values()] })
    return true
  })
}
