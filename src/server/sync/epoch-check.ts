/**
 * Has the server gone back in time for this tablet (docs/sync-protocol.md "After a restore")? It has
 * when the tablet last synced with another generation (a restore replaced it, or this is another
 * server), when the server knows the device has not caught up since it rejoined, or when the tablet's
 * pull cursor is ahead of the site's last change (a restore nobody marked).
 */
import { epochHeader, type RestoredBody } from '@shared/sync/protocol'
import type { Db } from '../repositories/records'
import type { DeviceRow } from '../repositories/devices'
import { readEpoch } from '../repositories/server-meta'
import { findSite } from '../repositories/sites'

export const RESTORED_MESSAGE = '服务器已从备份恢复,平板正在把本机的记录补传到服务器 (server restored from a backup: re-sending this tablet’s records)'

/** The 409 answer when the tablet must re-send what it holds first; null when it is caught up. */
export async function restoredAnswer(db: Db, device: DeviceRow, header: string | string[] | undefined, cursor?: number): Promise<RestoredBody | null> {
  const epoch = await readEpoch(db)
  const server = { id: epoch.serverId, generation: epoch.generation }
  const body: RestoredBody = { error: 'ServerRestored', message: RESTORED_MESSAGE, server }
  const claimed = Array.isArray(header) ? header[0] : header
  // A tablet that has never been told the generation (before this check existed) is judged by its cursor alone.
  if (claimed !== undefined && claimed !== epochHeader(server)) return body
  if (device.synced_generation !== epoch.generation) return body
  if (cursor !== undefined && cursor > 0) {
    const site = await findSite(db, device.site_id)
    if (site && cursor > site.change_seq) return body
  }
  return null
}
