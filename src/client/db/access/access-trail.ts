/**
 * The access trail on the tablet (issue 14 point 2): an entry is written, with its outbox mutation, before
 * a full phone is shown where the role sees it masked, and when a list with full phones is printed or
 * exported. Append-only like every log; the manager reads it (设置 → 个人信息查阅记录).
 */
import { newId } from '@shared/domain/ids'
import { can, type Role } from '@shared/domain/role'
import type { AccessEntry, AccessKind } from '@shared/domain/access-trail'
import type { DeskbookDb } from '../database'
import { RecordInvalidError } from '../errors'
import { writeRecords, type Actor } from '../write-records'

export interface AccessInput {
  kind: AccessKind
  /** The record shown, when it is one (`receptions`, its id). */
  subjectTable?: string
  subjectId?: string
  /** In words, without the phone: 接待登记 20261201-003. */
  what: string
}

/** Records what `actor` shows, prints or exports of owners' personal information, now. */
export async function recordAccess(db: DeskbookDb, actor: Actor & { staffId: string }, role: Role, input: AccessInput, now: number): Promise<AccessEntry> {
  if (!can(role, 'accessTrail.write')) throw new RecordInvalidError(['notAllowed'])
  const entry: AccessEntry = {
    id: newId(),
    siteId: actor.siteId,
    staffId: actor.staffId,
    consoleUser: '',
    deviceId: actor.deviceId,
    at: now,
    kind: input.kind,
    subjectTable: input.subjectTable ?? '',
    subjectId: input.subjectId ?? '',
    what: input.what.trim().slice(0, 120),
  }
  await writeRecords(db, actor, [{ name: 'accessEntry.add', row: entry }], now)
  return entry
}

/** An entry with the letter of the tablet it was done on ('' for the console). */
export type AccessTrailRow = AccessEntry & { letter: string }

/** The site's trail, newest first. */
export async function accessTrail(db: DeskbookDb, siteId: string): Promise<AccessTrailRow[]> {
  const [entries, devices] = await Promise.all([db.accessTrail.orderBy('at').reverse().toArray(), db.devices.toArray()])
  const letters = new Map(devices.map((d) => [d.id, d.letter]))
  return entries.filter((e) => e.siteId === siteId).map((e) => ({ ...e, letter: e.deviceId ? (letters.get(e.deviceId) ?? '?') : '' }))
}
