/** This tablet's link to the company server: its device token, and how far it has pulled. */
import type { ServerEpochInfo } from '@shared/sync/protocol'
import type { DeskbookDb } from '../database'

export interface ServerLink {
  token: string
  deviceId: string
  siteId: string
  letter: string
  connectedAt: number
}

const LINK = 'server'
const CURSOR = 'pullCursor'
const EPOCH = 'serverEpoch'

export async function getServerLink(db: DeskbookDb): Promise<ServerLink | null> {
  return ((await db.meta.get(LINK))?.value as ServerLink | undefined) ?? null
}

export async function saveServerLink(db: DeskbookDb, link: ServerLink): Promise<void> {
  await db.meta.put({ key: LINK, value: link })
}

export async function getPullCursor(db: DeskbookDb): Promise<number> {
  const v = (await db.meta.get(CURSOR))?.value
  return typeof v === 'number' ? v : 0
}

export async function setPullCursor(db: DeskbookDb, cursor: number): Promise<void> {
  await db.meta.put({ key: CURSOR, value: cursor })
}

/** The server database this tablet last caught up with (docs/sync-protocol.md "After a restore"). */
export async function getServerEpoch(db: DeskbookDb): Promise<ServerEpochInfo | null> {
  return ((await db.meta.get(EPOCH))?.value as ServerEpochInfo | undefined) ?? null
}

export async function saveServerEpoch(db: DeskbookDb, epoch: ServerEpochInfo): Promise<void> {
  await db.meta.put({ key: EPOCH, value: { id: epoch.id, generation: epoch.generation } })
}

/** Caught up with `epoch`: re-sent everything; the cursor starts again, so the next pull takes the whole site. */
export async function caughtUp(db: DeskbookDb, epoch: ServerEpochInfo): Promise<void> {
  await db.transaction('rw', [db.meta], async () => {
    await saveServerEpoch(db, epoch)
    await setPullCursor(db, 0)
  })
}
