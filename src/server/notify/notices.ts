/**
 * The tablets' side of a notification (issue 15 point 4): each event, once, as a `notices` record the
 * server writes itself (server-write.ts), pulled by the site's desk tablets and listed on the today screen
 * of the role it is for. Written only when new — the rules find the same events every minute.
 */
import type { Transaction } from 'kysely'
import type { NotificationEvent } from '@shared/domain/notification'
import type { DbKind } from '../db/connection'
import type { Database } from '../db/tables'
import { existingRecordIds } from '../repositories/records'
import { writeAsServer } from '../sync/server-write'

/** Write the notices of `events` the site does not hold yet (another process may have just written some); returns those written. */
export async function writeNotices(trx: Transaction<Database>, kind: DbKind, siteId: string, events: readonly NotificationEvent[], now: number): Promise<NotificationEvent[]> {
  const held = await existingRecordIds(trx, siteId, 'notices', events.map((e) => e.key))
  const fresh = events.filter((e) => !held.has(e.key))
  if (fresh.length) await writeAsServer(trx, kind, siteId, fresh.map((e) => ({ table: 'notices', recordId: e.key, data: { id: e.key, ...e } })), now)
  return fresh
}
