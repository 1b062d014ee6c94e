/**
 * Detecting a wiped database (issue 2 point 6). A marker row in IndexedDB and its copy in
 * localStorage are written at setup. At start: both present → fine; neither → a fresh tablet;
 * only the copy → the database was cleared under us (eviction, "clear site data" of IndexedDB
 * alone) and unsynced records are gone, which the clerk must be told.
 * Limit: when the browser clears all site storage at once, the copy goes too and this looks
 * like a fresh tablet; the server (issue 3) knows the device and can tell then.
 */
import type { DeskbookDb } from '../database'

export const MARKER_KEY = 'install'
export const MIRROR_KEY = 'deskbook.install'

export interface InstallMarker {
  installId: string
  siteId: string
  createdAt: number
}

export type InstallState = { kind: 'fresh' } | { kind: 'ok'; marker: InstallMarker } | { kind: 'wiped'; lostInstallId: string }

export async function writeInstallMarker(db: DeskbookDb, installId: string, siteId: string, now: number): Promise<void> {
  const marker: InstallMarker = { installId, siteId, createdAt: now }
  await db.meta.put({ key: MARKER_KEY, value: marker })
}

/** Copy the marker to `storage` (localStorage); called once the setup transaction committed. */
export function mirrorInstallMarker(storage: Pick<Storage, 'setItem'>, installId: string): void {
  storage.setItem(MIRROR_KEY, installId)
}

export async function checkInstall(db: DeskbookDb, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): Promise<InstallState> {
  const row = await db.meta.get(MARKER_KEY)
  const marker = (row?.value ?? null) as InstallMarker | null
  const mirror = storage.getItem(MIRROR_KEY)
  if (marker) {
    // localStorage alone was cleared (or never written because the tab closed): restore it.
    if (mirror !== marker.installId) storage.setItem(MIRROR_KEY, marker.installId)
    return { kind: 'ok', marker }
  }
  if (mirror) return { kind: 'wiped', lostInstallId: mirror }
  return { kind: 'fresh' }
}

/** After the clerk has read the warning: forget the lost install so setup can start again. */
export function acknowledgeWipe(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(MIRROR_KEY)
}
