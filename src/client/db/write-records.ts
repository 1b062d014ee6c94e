/**
 * The one write path for synced records: each row and its outbox mutation are written in the
 * same Dexie transaction, so a change is either recorded and queued for the server, or neither
 * (ARCHITECTURE "Write path"). No network call happens in here.
 */
import { newId } from '@shared/domain/ids'
import { formatHlc, initialHlc, parseHlc, tick } from '@shared/sync/hlc'
import type { Mutation } from '@shared/sync/mutation'
import type { DeskbookDb, SyncedTable } from './database'
import { toStorageError } from './errors'
import { plain } from './plain'

export interface Actor {
  siteId: string
  deviceId: string
  /** Null only for writes made before anyone could log in (first-run setup). */
  staffId: string | null
}

export interface RecordWrite {
  table: SyncedTable
  /** The stored row, whole. */
  row: object
  /** Primary key of the row (`id`, or `siteId` for settings). */
  key: string
  /** Mutation name, e.g. `staff.put`. */
  name: string
  version?: number
  /** The fields this change sets; the whole row when omitted (a create). */
  fields?: Record<string, unknown>
}

const HLC_KEY = 'hlc'

/** Fires `queued` after mutations were written to the outbox: the sync engine pushes soon after. */
export const outboxSignal = new EventTarget()

/** Write `writes` and their outbox entries atomically; returns the queued mutations. */
export async function writeRecords(db: DeskbookDb, actor: Actor, writes: readonly RecordWrite[], now = Date.now()): Promise<Mutation[]> {
  const tables = [...new Set(writes.map((w) => w.table))].map((t) => db.table(t))
  try {
    const queued = await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
      const stored = await db.meta.get(HLC_KEY)
      let clock = typeof stored?.value === 'string' ? parseHlc(stored.value) : initialHlc(actor.deviceId)
      const queued: Mutation[] = []
      // Rows per table, in order, written with one bulkPut each: their requests go to IndexedDB together
      // instead of each waiting for the one before (an import of 20,000 records: 16 s → about 3.5 s in
      // Chromium). Same rows, same mutations, same transaction.
      const rows = new Map<SyncedTable, object[]>()
      for (const w of writes) {
        clock = tick(clock, now)
        const row = plain(w.row)
        const mutation: Mutation = {
          id: newId(),
          name: w.name,
          version: w.version ?? 1,
          table: w.table,
          recordId: w.key,
          fields: plain(w.fields ?? (row as Record<string, unknown>)),
          hlc: formatHlc(clock),
          staffId: actor.staffId,
          deviceId: actor.deviceId,
          siteId: actor.siteId,
          createdAt: now,
        }
        if (!rows.has(w.table)) rows.set(w.table, [])
        rows.get(w.table)!.push(row)
        queued.push(mutation)
      }
      try {
        for (const [table, list] of rows) await db.table(table).bulkPut(list)
        await db.outbox.bulkAdd(queued)
      } catch (e) {
        // A bulk failure carries each item's error: rethrow the first, as a single put would have (storage full …).
        throw (e as { failures?: unknown[] }).failures?.[0] ?? e
      }
      await db.meta.put({ key: HLC_KEY, value: formatHlc(clock) })
      return queued
    })
    outboxSignal.dispatchEvent(new Event('queued'))
    return queued
  } catch (e) {
    throw toStorageError(e)
  }
}

/**
 * The fields of `next` that differ from `before`: what an edit of an editable record sends, so
 * concurrent edits of different fields both stand. Undefined when there is no `before` (a create
 * sends the whole row).
 */
export function changedFields<T extends object>(before: T | undefined, next: T): Record<string, unknown> | undefined {
  if (!before) return undefined
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(before[k as keyof T]) !== JSON.stringify(v)))
}
