/**
 * The one write path for synced records: each row and its outbox mutation are written in the
 * same Dexie transaction, so a change is either recorded and queued for the server, or neither
 * (ARCHITECTURE "Write path"). A write names its mutation; the registry (shared/sync/registry.ts)
 * gives its table, its key and the schema every row is checked against first, as the server will
 * check it. No network call happens in here.
 */
import type { Table } from 'dexie'
import { newId } from '@shared/domain/ids'
import { isValid, problems } from '@shared/domain/validation'
import { formatHlc, initialHlc, parseHlc, tick } from '@shared/sync/hlc'
import type { Mutation } from '@shared/sync/mutation'
import { currentVersion, mutationSpec, recordIdOf, type MutationName } from '@shared/sync/registry'
import type { DeskbookDb } from './database'
import { RecordInvalidError, toStorageError, type RecordFieldProblem } from './errors'
import { plain } from './plain'

export interface Actor {
  siteId: string
  deviceId: string
  /** Null only for writes made before anyone could log in (first-run setup). */
  staffId: string | null
}

export interface RecordWrite {
  /** The mutation, e.g. `staff.put`: the registry says which table it writes and by which key. */
  name: MutationName
  /** The stored row, whole. */
  row: object
  /** The mutation's version; the registry's current one when omitted. */
  version?: number
  /** The fields this change sets; the whole row when omitted (a create). */
  fields?: Record<string, unknown>
}

/** A write with what the registry adds: the row as stored (a plain copy), its table and key. */
interface ResolvedWrite {
  name: MutationName
  version: number
  table: string
  key: string
  row: Record<string, unknown>
  fields: Record<string, unknown> | undefined
}

const HLC_KEY = 'hlc'

/** Fires `queued` after mutations were written to the outbox: the sync engine pushes soon after. */
export const outboxSignal = new EventTarget()

/**
 * Each write with its table and key, every row checked against the registry's schema as the server's
 * push checks the record (apply-push.ts). Throws RecordInvalidError when any row is refused, so
 * nothing of the batch is written; an unknown mutation is a programming error.
 */
function resolve(writes: readonly RecordWrite[]): ResolvedWrite[] {
  const refused: RecordFieldProblem[] = []
  const resolved = writes.map((w): ResolvedWrite => {
    const spec = mutationSpec(w.name)
    if (!spec) throw new Error(`writeRecords: unknown mutation ${String(w.name)}`)
    const version = w.version ?? currentVersion(spec)
    if (!spec.versions.includes(version)) throw new Error(`writeRecords: the server does not apply ${w.name}@${version}`)
    const row = plain(w.row) as Record<string, unknown>
    // Check first, list the problems only for a refused row: an import checks 20,000 rows.
    if (!isValid(spec.schema, row)) refused.push(...problems(spec.schema, row).map((p) => ({ ...p, mutation: w.name })))
    return { name: w.name, version, table: spec.table, key: String(recordIdOf(spec, row)), row, fields: w.fields }
  })
  if (refused.length) throw new RecordInvalidError([], refused)
  return resolved
}

/** Write `writes` and their outbox entries atomically; returns the queued mutations. */
export async function writeRecords(db: DeskbookDb, actor: Actor, writes: readonly RecordWrite[], now = Date.now()): Promise<Mutation[]> {
  const resolved = resolve(writes)
  const tables = [...new Set(resolved.map((w) => w.table))].map((t) => db.table(t))
  try {
    const queued = await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
      // Rows per table, in order, written with one bulkPut each: their requests go to IndexedDB together
      // instead of each waiting for the one before (an import of 20,000 records: 16 s → about 3.5 s in
      // Chromium). They need no clock, so they are asked for at once, beside the clock's read, and the
      // outbox and the clock are written without waiting for them (issue 17: a write's p95). Same rows,
      // same mutations, same transaction: any failure aborts it whole.
      const rows = new Map<string, object[]>()
      for (const w of resolved) {
        if (!rows.has(w.table)) rows.set(w.table, [])
        rows.get(w.table)!.push(w.row)
      }
      const written = Promise.all([...rows].map(([table, list]) => db.table(table).bulkPut(list)))
      written.catch(() => undefined) // awaited below; the clock's read failing first must not leave it unhandled
      const stored = await db.meta.get(HLC_KEY)
      let clock = typeof stored?.value === 'string' ? parseHlc(stored.value) : initialHlc(actor.deviceId)
      const queued: Mutation[] = resolved.map((w) => {
        clock = tick(clock, now)
        return {
          id: newId(),
          name: w.name,
          version: w.version,
          table: w.table,
          recordId: w.key,
          fields: plain(w.fields ?? w.row),
          hlc: formatHlc(clock),
          staffId: actor.staffId,
          deviceId: actor.deviceId,
          siteId: actor.siteId,
          createdAt: now,
        }
      })
      try {
        await Promise.all([written, db.outbox.bulkAdd(queued), db.meta.put({ key: HLC_KEY, value: formatHlc(clock) })])
      } catch (e) {
        // A bulk failure carries each item's error: rethrow the first, as a single put would have (storage full …).
        throw (e as { failures?: unknown[] }).failures?.[0] ?? e
      }
      return queued
    })
    outboxSignal.dispatchEvent(new Event('queued'))
    return queued
  } catch (e) {
    throw toStorageError(e)
  }
}

/**
 * Run `fn` in one rw transaction over `tables` and the write path's own (outbox, meta): what a
 * repository reads and checks, and the writeRecords calls it makes, stand or fall together. A refusal
 * (RecordInvalidError) comes out as itself, a storage failure as the error the screen explains.
 */
export async function writeTransaction<T>(db: DeskbookDb, tables: readonly Table[], fn: () => Promise<T>): Promise<T> {
  const names = [...new Set([...tables.map((t) => t.name), db.outbox.name, db.meta.name])]
  try {
    return await db.transaction('rw', names, fn)
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
