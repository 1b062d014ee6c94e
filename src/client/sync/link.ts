/**
 * Putting this tablet on the server: enrol to an existing site with a code (then pull the whole
 * site), or connect a standalone tablet with its own site (its outbox then carries everything up).
 */
import { newId } from '@shared/domain/ids'
import type { Device } from '@shared/domain/device'
import type { DeskbookDb } from '../db/database'
import { getServerLink, saveServerEpoch, saveServerLink } from '../db/device/server-link'
import { writeInstallMarker } from '../db/device/install-marker'
import { loadLocalSite } from '../db/site/site'
import { toStorageError } from '../db/errors'
import type { SyncApi } from './api'
import { pullChanges } from './pull'

/** Enrol a fresh tablet; returns the install id to mirror in localStorage. */
export async function enrolTablet(db: DeskbookDb, api: SyncApi, code: string, name: string, now: number): Promise<{ installId: string }> {
  const res = await api.enrol(code, name)
  const device: Device = { ...res.device }
  const installId = newId()
  try {
    await db.transaction('rw', [db.sites, db.devices, db.meta], async () => {
      await db.sites.put(res.site)
      await db.devices.put(device)
      await db.meta.put({ key: 'device', value: { deviceId: device.id, siteId: device.siteId } })
      await saveServerLink(db, { token: res.token, deviceId: device.id, siteId: device.siteId, letter: device.letter, connectedAt: now })
      await saveServerEpoch(db, res.server)
      await writeInstallMarker(db, installId, device.siteId, now)
    })
  } catch (e) {
    throw toStorageError(e)
  }
  await pullChanges(db, api, res.token)
  return { installId }
}

/** Connect a standalone tablet and its site; its outbox (everything since first run) goes up on the next sync. */
export async function connectTablet(db: DeskbookDb, api: SyncApi, code: string, now: number): Promise<void> {
  const local = await loadLocalSite(db)
  if (!local) throw new Error('tablet is not set up')
  const res = await api.connect({ code, site: local.site, device: { id: local.device.id, name: local.device.name }, setupAt: local.device.createdAt })
  await db.transaction('rw', [db.devices, db.meta], async () => {
    await db.devices.put({ ...res.device })
    await saveServerLink(db, { token: res.token, deviceId: res.device.id, siteId: res.device.siteId, letter: res.device.letter, connectedAt: now })
    await saveServerEpoch(db, res.server)
  })
}

/**
 * A tablet the server no longer knows (it enrolled after the backup a restore went back to) joins
 * again with a new enrolment code as the same device, keeping everything it holds; the server then
 * has it re-send its records before it pushes (sync/resend.ts). Its letter stays unless another
 * tablet took it meanwhile.
 */
export async function rejoinServer(db: DeskbookDb, api: SyncApi, code: string, now: number): Promise<void> {
  const link = await getServerLink(db)
  const local = await loadLocalSite(db)
  if (!link || !local) throw new Error('tablet is not linked to a server')
  const res = await api.enrol(code, local.device.name, { deviceId: link.deviceId, siteId: link.siteId, letter: link.letter })
  await db.transaction('rw', [db.devices, db.meta], async () => {
    await db.devices.put({ ...res.device })
    await saveServerLink(db, { ...link, token: res.token, letter: res.device.letter, connectedAt: now })
  })
}
