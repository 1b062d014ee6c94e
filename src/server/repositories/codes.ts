/** One-time codes: issued by an administrator, typed on a tablet, good once and for a day. */
import type { Transaction } from 'kysely'
import { DAY } from '@shared/domain/time'
import type { DeviceKind } from '@shared/domain/device'
import type { Database } from '../db/tables'
import type { Db } from './records'
import { newOneTimeCode, normaliseCode, sha256 } from '../auth/secrets'

export type CodePurpose = 'enrol' | 'connect'
export const CODE_LIFETIME = DAY

export type { DeviceKind }


/** A code for `siteId` (null: a connect code); a department tablet's code names its department. */
export async function issueCode(
  db: Db,
  purpose: CodePurpose,
  siteId: string | null,
  now: number,
  deviceKind: DeviceKind = 'desk',
  departmentId: string | null = null,
): Promise<{ code: string; expiresAt: number }> {
  const code = newOneTimeCode()
  const expiresAt = now + CODE_LIFETIME
  await db
    .insertInto('one_time_codes')
    .values({ code_hash: sha256(normaliseCode(code)), purpose, site_id: siteId, created_at: now, expires_at: expiresAt, used_at: null, used_by_device: null, device_kind: deviceKind, department_id: departmentId })
    .execute()
  return { code, expiresAt }
}

export type ConsumeResult = { ok: true; siteId: string | null; deviceKind: DeviceKind; departmentId: string | null } | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'wrongPurpose' }

/** Use up a code inside the transaction that enrols the device, so a code serves one device only. */
export async function consumeCode(trx: Transaction<Database>, code: string, purpose: CodePurpose, deviceId: string, now: number): Promise<ConsumeResult> {
  const hash = sha256(normaliseCode(code))
  const row = await trx.selectFrom('one_time_codes').selectAll().where('code_hash', '=', hash).executeTakeFirst()
  if (!row) return { ok: false, reason: 'unknown' }
  if (row.purpose !== purpose) return { ok: false, reason: 'wrongPurpose' }
  if (row.used_at !== null) return { ok: false, reason: 'used' }
  if (row.expires_at <= now) return { ok: false, reason: 'expired' }
  const r = await trx.updateTable('one_time_codes').set({ used_at: now, used_by_device: deviceId }).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst()
  if (Number(r.numUpdatedRows) !== 1) return { ok: false, reason: 'used' }
  return { ok: true, siteId: row.site_id, deviceKind: row.device_kind, departmentId: row.department_id }
}
