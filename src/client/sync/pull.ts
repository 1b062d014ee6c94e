/**
 * Pulling the site's changes (docs/sync-protocol.md "Pull"): each page and its cursor in one Dexie
 * transaction; then every change still waiting in the outbox for those records is laid back on
 * top, so a pulled change never overwrites a local one that has not reached the server yet.
 */
import type { Table } from 'dexie'
import { DELETED_FIELD } from '@shared/sync/merge'
import { PULLED_TABLES } from '@shared/sync/registry'
import type { Change } from '@shared/sync/protocol'
import type { DeskbookDb } from '../db/database'
import { getPullCursor, setPullCursor } from '../db/repositories/server-link'
import type { SyncApi } from './api'

export const PULL_PAGE = 500

async function applyChange(db: DeskbookDb, table: Table, change: Change): Promise<void> {
  let row: Record<string, unknown> | null = change.deleted ? null : { ...change.data }
  const waiting = await db.outbox.where('[table+recordId]').equals([change.table, change.id]).sortBy('id')
  for (const m of waiting) {
    if (m.fields[DELETED_FIELD] === true) row = null
    else row = { ...(row ?? {}), ...m.fields }
  }
  if (row) await table.put(row)
  else await table.delete(change.id)
}

/** Pull every page after the stored cursor; returns how many changes were applied. */
export async function pullChanges(db: DeskbookDb, api: SyncApi, token: string, pageSize = PULL_PAGE): Promise<number> {
  let applied = 0
  for (;;) {
    const cursor = await getPullCursor(db)
    const page = await api.pull(token, cursor, pageSize)
    const known = page.changes.filter((c) => (PULLED_TABLES as readonly string[]).includes(c.table))
    const tables = [...new Set(known.map((c) => c.table))].map((t) => db.table(t))
    await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
      for (const change of known) await applyChange(db, db.table(change.table), change)
      await setPullCursor(db, page.cursor)
    })
    applied += known.length
    if (!page.more || page.cursor === cursor) return applied
  }
}
