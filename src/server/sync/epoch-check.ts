/**
 * Has the server gone back in time for this tablet (docs/sync-protocol.md "After a restore")? It has
 * when the tablet last synced with another generation (a restore replaced it, or this is another
 * server), when the server knows the device has not caught up since (it rejoined, or synced last under
 * an older generation), or when the tablet's pull cursor is beyond the site's last change (a restore
 * nobody marked).
 */
import { epochHeader, type RestoredBody } from '@shared/sync/protocol'
import type { Db } from '../repositories/records'
import type { DeviceRow } from '../repositories/devices'
import type { ServerEpoch } from '../repositories/server-meta'
import { findSite } from '../repositories/sites'

export const RESTORED_MESSAGE = '服务器已从备份恢复,平板正在把本机的记录补传到服务器 (server restored from a backup: re-sending this tablet’s records)'

/** The 409 answer that makes the tablet re-send what it holds, then pull the site again. */
export function restoredBody(epoch: ServerEpoch): RestoredBody {
  return { error: 'ServerRestored', message: RESTORED_MESSAGE, server: { id: epoch.serverId, generation: epoch.generation } }
}

/** Must `device` catch up before it pushes or pulls? `header`: the generation it says it caught up with. */
export function mustCatchUp(device: DeviceRow, header: string | string[] | undefined, epoch: ServerEpoch): boolean {
  const claimed = Array.isArray(header) ? header[0] : header
  // A tablet that has never been told the generation (before this check existed) is judged by the server's record alone.
  if (claimed !== undefined && claimed !== epochHeader({ id: epoch.serverId, generation: epoch.generation })) return true
  return device.synced_generation !== epoch.generation
}

/**
 * Is the tablet's cursor beyond the site's last change? Only worth asking when a pull found nothing
 * after the cursor: had the site changed after it, its last change would be past the cursor.
 */
export async function cursorAhead(db: Db, siteId: string, cursor: number): Promise<boolean> {
  if (cursor === 0) return false
  const site = await findSite(db, siteId)
  return !!site && cursor > site.change_seq
}
