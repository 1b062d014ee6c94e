/** Enrolled tablets: their letter, token (hashed) and whether they are revoked. */
import type { Transaction } from 'kysely'
import { deviceLetter } from '@shared/domain/device'
import type { Database, DevicesTable } from '../db/tables'
import type { Db } from './records'

export type DeviceRow = Omit<DevicesTable, 'founder' | 'kind'> & { founder: number; kind: 'desk' | 'department' }

export async function findDeviceByTokenHash(db: Db, tokenHash: string): Promise<DeviceRow | null> {
  return ((await db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()) as DeviceRow | undefined) ?? null
}

export async function findDevice(db: Db, id: string): Promise<DeviceRow | null> {
  return ((await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst()) as DeviceRow | undefined) ?? null
}

export async function listDevices(db: Db, siteId?: string): Promise<DeviceRow[]> {
  let q = db.selectFrom('devices').selectAll().orderBy('site_id').orderBy('letter')
  if (siteId) q = q.where('site_id', '=', siteId)
  return (await q.execute()) as DeviceRow[]
}

/**
 * Letters a site has handed out: its devices' and those its device records name. After a restore the
 * records tablets re-sent still name the letters of tablets enrolled after the backup, which the
 * restored `devices` table has forgotten; reference numbers carry the letter, so none is given twice.
 */
export async function usedLetters(trx: Transaction<Database>, siteId: string): Promise<Set<string>> {
  const rows = await trx.selectFrom('devices').select('letter').where('site_id', '=', siteId).execute()
  const records = await trx.selectFrom('records').select('data').where('site_id', '=', siteId).where('table_name', '=', 'devices').execute()
  const named = records.map((r) => (JSON.parse(r.data) as { letter?: unknown }).letter).filter((l): l is string => typeof l === 'string')
  return new Set([...rows.map((r) => r.letter), ...named])
}

/** The next free letter of a site (A, B, … Z, AA …); letters of revoked devices are not reused. */
export async function nextLetter(trx: Transaction<Database>, siteId: string): Promise<string> {
  const used = await usedLetters(trx, siteId)
  for (let i = 0; ; i++) {
    const letter = deviceLetter(i)
    if (!used.has(letter)) return letter
  }
}

export async function insertDevice(
  trx: Transaction<Database>,
  row: Omit<DevicesTable, 'founder' | 'kind' | 'last_seen_at' | 'revoked_at' | 'department_id' | 'synced_generation'> & {
    founder: number
    kind: 'desk' | 'department'
    department_id?: string | null
    /** The generation it is caught up with: the current one for a new tablet, null for one rejoining with what it holds. */
    synced_generation: string | null
  },
): Promise<void> {
  await trx.insertInto('devices').values({ department_id: null, ...row, last_seen_at: null, revoked_at: null }).execute()
}

/** The tablet has re-sent what it holds after a restore: it is caught up with `generation`. */
export async function markCaughtUp(db: Db, id: string, generation: string): Promise<void> {
  await db.updateTable('devices').set({ synced_generation: generation }).where('id', '=', id).execute()
}

export async function revokeDevice(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('devices').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

export async function touchDevice(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: now }).where('id', '=', id).execute()
}
