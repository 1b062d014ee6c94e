/**
 * Records the server itself writes (a device enrolled, a site created from the console): merged
 * and numbered like any change, with the server's own clock, so tablets pull them the same way.
 */
import type { Transaction } from 'kysely'
import { formatHlc, initialHlc, tick } from '@shared/sync/hlc'
import { mergeFields } from '@shared/sync/merge'
import type { DbKind } from '../db/connection'
import type { Database } from '../db/tables'
import { getRecord, putRecord } from '../repositories/records'
import { lockChangeSeq, setChangeSeq } from '../repositories/sites'

let clock = initialHlc('server')

export interface ServerRecordWrite {
  table: string
  recordId: string
  data: Record<string, unknown>
}

export async function writeAsServer(trx: Transaction<Database>, kind: DbKind, siteId: string, writes: readonly ServerRecordWrite[], now: number): Promise<void> {
  let seq = await lockChangeSeq(trx, kind, siteId)
  for (const w of writes) {
    clock = tick(clock, now)
    const key = { siteId, table: w.table, recordId: w.recordId }
    const merged = mergeFields(await getRecord(trx, key), w.data, formatHlc(clock), 'editable')
    if (merged.ok && merged.changed) await putRecord(trx, key, merged.record, ++seq, now)
  }
  await setChangeSeq(trx, siteId, seq)
}
