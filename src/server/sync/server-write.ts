/**
 * Records the server itself writes (a device enrolled, a site created from the console, contact details
 * reduced after their period): merged
 * and numbered like any change, with the server's own clock, so tablets pull them the same way.
 *
 * Several server processes may write (issue 12 point 3): each process's clock has its own node
 * name, so two processes never make equal stamps, and each write's stamp comes after every stamp
 * already stored on the record (read under the site's change-number lock), so a process whose
 * clock lags never writes under an older stamp than the other process did.
 */
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { formatHlc, initialHlc, parseHlc, receive, tick, type Hlc } from '@shared/sync/hlc'
import { mergeFields } from '@shared/sync/merge'
import { parentIdOf, tableSpec } from '@shared/sync/registry'
import type { DbKind } from '../db/connection'
import type { Database } from '../db/tables'
import { getRecord, putRecord } from '../repositories/records'
import { lockChangeSeq, setChangeSeq } from '../repositories/sites'

let clock = initialHlc(`server-${randomUUID().slice(0, 8)}`)

/** The greatest stamp among a stored record's fields (null: no record yet). */
function latestStamp(fieldHlc: Record<string, string> | undefined): Hlc | null {
  const stamps = Object.values(fieldHlc ?? {}).sort()
  return stamps.length ? parseHlc(stamps.at(-1)!) : null
}

export interface ServerRecordWrite {
  table: string
  recordId: string
  data: Record<string, unknown>
}

export async function writeAsServer(trx: Transaction<Database>, kind: DbKind, siteId: string, writes: readonly ServerRecordWrite[], now: number): Promise<void> {
  let seq = await lockChangeSeq(trx, kind, siteId)
  for (const w of writes) {
    const key = { siteId, table: w.table, recordId: w.recordId }
    const current = await getRecord(trx, key)
    const seen = latestStamp(current?.fieldHlc)
    clock = seen ? receive(clock, seen, now) : tick(clock, now)
    const merged = mergeFields(current, w.data, formatHlc(clock), 'editable')
    // The record's parent stays beside it (a timeline event rewritten by the server is still its request's).
    if (merged.ok && merged.changed) await putRecord(trx, key, merged.record, ++seq, now, parentIdOf(tableSpec(w.table), merged.record.data))
  }
  await setChangeSeq(trx, siteId, seq)
}
