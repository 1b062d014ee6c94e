/**
 * A revoked tablet, after its last push, forgets everything (SPEC: a lost tablet wipes its data
 * when it next reaches the server): the database, the app caches, local and session storage.
 */
import type { DeskbookDb } from '../db/database'

export async function wipeDevice(db: DeskbookDb): Promise<void> {
  db.close()
  await db.delete()
  if (typeof caches !== 'undefined') for (const key of await caches.keys()) await caches.delete(key)
  if (typeof localStorage !== 'undefined') localStorage.clear()
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
}
