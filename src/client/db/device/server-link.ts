/** This tablet's link to the company server: its device token, and how far it has pulled. */
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
