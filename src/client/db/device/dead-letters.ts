/**
 * Mutations the server refused (kept by the push, `sync/push.ts`) for the settings' sync card to show,
 * so that nothing refused passes unseen. The table is keyed by mutation id with no index on `at`; a
 * tablet keeps few of them, so they are read whole and sorted here.
 */
import type { DeadLetterRow, DeskbookDb } from '../database'

/** The refused mutations, newest first. */
export async function listDeadLetters(db: DeskbookDb): Promise<DeadLetterRow[]> {
  return (await db.deadLetters.toArray()).sort((a, b) => b.at - a.at)
}
