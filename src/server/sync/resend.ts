/**
 * After a restore (docs/sync-protocol.md "After a restore"): a tablet re-sends every record it holds,
 * and the server takes each one it does not have at least as new, by the per-field stamps as in any
 * push. These are states the server once accepted (or derived from ones it accepted), re-sent by an
 * enrolled tablet of the site: the site, table, key, schema and confidentiality checks of a push apply;
 * the order-dependent rules of a push do not (a duty entry written before its log was locked is not
 * refused because the restored log is now locked). Only a tablet that has not caught up with the
 * current generation may re-send; writes still waiting in its outbox go by push, with every rule.
 */
import type { Transaction } from 'kysely'
import { DeviceSchema } from '@shared/domain/device'
import { formatHlc, HLC_PATTERN } from '@shared/sync/hlc'
import { DELETED_FIELD, mergeStamped, type StoredRecord } from '@shared/sync/merge'
import { CONFIDENTIAL_TABLES, MUTATIONS, parentIdOf, PULLED_TABLES, recordIdOf, type MutationSpec } from '@shared/sync/registry'
import type { ResendResponse, ResentRecord } from '@shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import type { Database } from '../db/tables'
import type { DeviceRow } from '../repositories/devices'
import { getRecord, putRecord } from '../repositories/records'
import { lockChangeSeq, renameSite, setChangeSeq } from '../repositories/sites'
import { recordProblem } from './record-check'

type Trx = Transaction<Database>
type TableSpec = Pick<MutationSpec, 'table' | 'kind' | 'schema' | 'siteField' | 'parentField' | 'keyField'>

const STAMP = new RegExp(HLC_PATTERN)

/** How each pulled table is checked: by the spec of the mutation that writes it; devices as the server writes them. */
const TABLE_SPECS: ReadonlyMap<string, TableSpec> = new Map<string, TableSpec>([
  ...Object.values(MUTATIONS).map((spec) => [spec.table, spec] as const),
  ['devices', { table: 'devices', kind: 'editable', schema: DeviceSchema, siteField: 'siteId' }],
])

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function refusal(device: DeviceRow, r: ResentRecord, spec: TableSpec | undefined): string | null {
  if (!spec || !(PULLED_TABLES as readonly string[]).includes(r.table)) return 'unknownTable'
  if (device.kind !== 'desk' && CONFIDENTIAL_TABLES.includes(r.table)) return 'confidential: desk devices only'
  if (Object.values(r.stamps).some((s) => !STAMP.test(s))) return 'badStamp'
  if (r.deleted) return null
  if (recordIdOf(spec, r.data) !== r.id) return 'recordIdMismatch'
  if (r.data[spec.siteField] !== device.site_id) return 'wrongSite'
  return recordProblem(spec.schema, r.data)
}

/** The record after taking what is newer in `r`; null when the server already has it at least as new. */
function merged(current: StoredRecord | null, r: ResentRecord, spec: TableSpec, floor: string): StoredRecord | 'conflict' | null {
  // A tombstone the server lacks the record of: nothing to restore.
  if (r.deleted && !current) return null
  const fields = r.deleted ? { [DELETED_FIELD]: true } : r.data
  // A field the tablet has no stamp for (pulled before stamps were kept) only fills a gap.
  const result = mergeStamped(current, fields, (field) => r.stamps[field] ?? floor, spec.kind)
  if (!result.ok) return 'conflict'
  const next = result.record
  if (current && current.deleted === next.deleted && sameJson(current.data, next.data) && sameJson(current.fieldHlc, next.fieldHlc)) return null
  return next
}

async function resendOne(trx: Trx, device: DeviceRow, r: ResentRecord, seq: number, now: number): Promise<{ outcome: 'applied' | 'unchanged' | string; seq: number }> {
  const spec = TABLE_SPECS.get(r.table)
  const refused = refusal(device, r, spec)
  if (refused) return { outcome: refused, seq }
  const key = { siteId: device.site_id, table: r.table, recordId: r.id }
  const current = await getRecord(trx, key)
  const next = merged(current, r, spec!, formatHlc({ wall: 0, counter: 0, node: device.id }))
  if (next === 'conflict') return { outcome: 'appendOnlyChanged: the server holds another version', seq }
  if (!next) return { outcome: 'unchanged', seq }
  await putRecord(trx, key, next, seq + 1, now, parentIdOf(spec!, next.data))
  if (r.table === 'sites' && !next.deleted) await renameSite(trx, device.site_id, String(next.data.name), String(next.data.timezone))
  return { outcome: 'applied', seq: seq + 1 }
}

/** Take a batch of re-sent records from `device` in one transaction. */
export async function applyResend(db: ServerDb, device: DeviceRow, records: readonly ResentRecord[], now: number): Promise<ResendResponse> {
  return db.kysely.transaction().execute(async (trx) => {
    const start = await lockChangeSeq(trx, db.kind, device.site_id)
    let seq = start
    const answer: ResendResponse = { applied: 0, unchanged: 0, refused: [] }
    for (const r of records) {
      const one = await resendOne(trx, device, r, seq, now)
      seq = one.seq
      if (one.outcome === 'applied') answer.applied++
      else if (one.outcome === 'unchanged') answer.unchanged++
      else answer.refused.push({ table: r.table, id: r.id, reason: one.outcome })
    }
    if (seq !== start) await setChangeSeq(trx, device.site_id, seq)
    return answer
  })
}
