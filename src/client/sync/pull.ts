/**
 * Pulling the site's changes (docs/sync-protocol.md "Pull"): each page and its cursor in one Dexie
 * transaction; then every change still waiting in the outbox for those records is laid back on
 * top, so a pulled change never overwrites a local one that has not reached the server yet.
 */
import { DELETED_FIELD } from '@shared/sync/merge'
import { PULLED_TABLES } from '@shared/sync/registry'
import type { Change, PullResponse } from '@shared/sync/protocol'
import type { DeskbookDb, OutboxRow } from '../db/database'
import { getPullCursor, getServerEpoch, saveServerEpoch, setPullCursor } from '../db/device/server-link'
import { derivationsFor } from '../db/derived'
import type { SyncApi } from './api'
import { foldStampPages, keepPageStamps, recordKey } from './pulled-stamps'

export const PULL_PAGE = 1000

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * Apply one page inside the caller's transaction: one outbox query for the whole page and one
 * bulkPut / bulkDelete per table, not two IndexedDB round trips per record (a fresh tablet pulling
 * 50,000 records spent most of its time waiting on those; issue 3 benchmark, `npm run bench:sync`).
 */
async function applyPage(db: DeskbookDb, changes: readonly Change[]): Promise<void> {
  // The latest change of each record (a page holds each record once; kept exact if it did not).
  const latest = new Map<string, Change>()
  for (const change of changes) latest.set(recordKey(change.table, change.id), change)
  const queued = await db.outbox.where('[table+recordId]').anyOf([...latest.values()].map((c) => [c.table, c.id])).toArray()
  const waiting = new Map<string, OutboxRow[]>()
  for (const m of queued.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) add(waiting, recordKey(m.table, m.recordId), m)
  const puts = new Map<string, Record<string, unknown>[]>()
  const deletes = new Map<string, string[]>()
  for (const [key, change] of latest) {
    let row: Record<string, unknown> | null = change.deleted ? null : { ...change.data }
    for (const m of waiting.get(key) ?? []) {
      if (m.fields[DELETED_FIELD] === true) row = null
      else row = { ...(row ?? {}), ...m.fields }
    }
    if (row) add(puts, change.table, row)
    else add(deletes, change.table, change.id)
  }
  for (const [table, rows] of puts) await db.table(table).bulkPut(rows)
  for (const [table, keys] of deletes) await db.table(table).bulkDelete(keys)
  await keepPageStamps(
    db,
    [...latest.values()].filter((c) => c.stamps).map((c) => ({ table: c.table, id: c.id, stamps: c.stamps! })),
  )
}

/**
 * Pull every page after the stored cursor; returns how many changes were applied. The next page is asked
 * for as soon as this one has arrived, while this one is written (issue 17: a fresh tablet waited on each
 * page's round trip and then on its write, in turn). Pages are still applied one after the other, each with
 * its cursor in its transaction; a page that fails to apply ends the pull and its prefetched successor is
 * dropped unwritten, so a cursor never runs ahead of what is stored.
 */
export async function pullChanges(db: DeskbookDb, api: SyncApi, token: string, pageSize = PULL_PAGE): Promise<number> {
  let applied = 0
  let cursor = await getPullCursor(db)
  let epoch = await getServerEpoch(db)
  let next = api.pull(token, cursor, pageSize, epoch)
  for (;;) {
    const page = await next
    const more = page.more && page.cursor !== cursor
    // A tablet linked before servers told their generation learns it from its first answer.
    const known = epoch ?? page.server
    if (more) {
      next = api.pull(token, page.cursor, pageSize, known)
      // Awaited on the next turn; if this page fails first, its answer is not waited for.
      next.catch(() => undefined)
    }
    await applyPulledPage(db, page, !epoch)
    applied += page.changes.filter(isPulled).length
    if (!more) {
      await foldStampPages(db)
      return applied
    }
    cursor = page.cursor
    epoch = known
  }
}

const isPulled = (c: Change): boolean => (PULLED_TABLES as readonly string[]).includes(c.table)

/** One page, its derived tables and its cursor in one transaction (and the server's generation, the first time). */
async function applyPulledPage(db: DeskbookDb, page: PullResponse, saveEpoch: boolean): Promise<void> {
  const known = page.changes.filter(isPulled)
  const touched = new Set(known.map((c) => c.table))
  const derived = derivationsFor(touched)
  const tables = [...new Set([...touched, ...derived.flatMap((d) => d.tables)])].map((t) => db.table(t))
  await db.transaction('rw', [...tables, db.outbox, db.meta, db.stampPages], async () => {
    await applyPage(db, known)
    for (const d of derived) await d.refresh(db, known.filter((c) => d.sources.includes(c.table)))
    await setPullCursor(db, page.cursor)
    if (saveEpoch) await saveServerEpoch(db, page.server)
  })
}
