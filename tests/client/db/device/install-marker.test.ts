import { afterEach, describe, expect, it } from 'vitest'
import { freshDb } from '../../../factories/db'
import { acknowledgeWipe, checkInstall, MIRROR_KEY, mirrorInstallMarker, writeInstallMarker } from '@client/db/device/install-marker'
import type { DeskbookDb } from '@client/db/database'

function memoryStorage(): Storage {
  const map = new Map<string, string>()
  return {
    get length() {
      return map.size
    },
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  }
}

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

describe('install marker', () => {
  it('calls a tablet with neither marker fresh', async () => {
    db = freshDb()
    expect(await checkInstall(db, memoryStorage())).toEqual({ kind: 'fresh' })
  })

  it('detects a database wiped under a tablet that was set up', async () => {
    db = freshDb()
    const storage = memoryStorage()
    await writeInstallMarker(db, 'install-1', 'site-1', 1)
    mirrorInstallMarker(storage, 'install-1')
    await db.meta.clear() // what the browser's eviction of IndexedDB leaves
    expect(await checkInstall(db, storage)).toEqual({ kind: 'wiped', lostInstallId: 'install-1' })
    acknowledgeWipe(storage)
    expect(await checkInstall(db, storage)).toEqual({ kind: 'fresh' })
  })

  it('restores the copy in localStorage when only that was cleared', async () => {
    db = freshDb()
    const storage = memoryStorage()
    await writeInstallMarker(db, 'install-2', 'site-2', 5)
    expect(await checkInstall(db, storage)).toEqual({ kind: 'ok', marker: { installId: 'install-2', siteId: 'site-2', createdAt: 5 } })
    expect(storage.getItem(MIRROR_KEY)).toBe('install-2')
  })
})
