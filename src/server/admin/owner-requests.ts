/**
 * An owner's requests and their answers (issue 14 point 4; PIPL Art. 44–47, and Art. 50: a request is
 * answered and the answer kept): what was asked, when it came in, who asked — as the retention rule reduces
 * a contact (surname only, phone masked), never in full, so the record of a request does not keep what an
 * erasure took away — what was done, when, by which console account.
 */
import { holdsPhone } from '@shared/domain/access-trail'
import { newId } from '@shared/domain/ids'
import type { OwnerIdentity } from '@shared/domain/owner-dossier'
import { reducedName, reducedPhone, textWithoutPhones } from '@shared/domain/retention'
import { addDays, instantAt, localDate } from '@shared/domain/time'
import type { OwnerAnswer, OwnerRequest, OwnerRequestKind } from '@shared/sync/owner-api'
import type { ServerDb } from '../db/connection'
import type { Db } from '../repositories/records'
import { insertOwnerRequest, siteOwnerRequests, type OwnerRequestRow } from '../repositories/owner-requests'
import { httpError } from '../http/http-error'
import { checkIdentity, siteOf } from './owner-dossier'

/** How many of a site's requests the console lists. */
const LISTED = 200

export interface OwnerRequestEntry {
  siteId: string
  kind: OwnerRequestKind
  receivedAt: number
  identity: OwnerIdentity
  done: string
  note: string
  by: { username: string }
  now: number
}

function asItem(r: OwnerRequestRow): OwnerRequest {
  return { id: r.id, kind: r.kind, receivedAt: r.received_at, name: r.requester_name, phone: r.requester_phone, room: r.requester_room, done: r.done, answeredAt: r.answered_at, answeredBy: r.answered_by, note: r.note }
}

/** What was done and the note, in words a person reads — without a phone, which the record never keeps. */
function checkWords(done: string, note: string): void {
  if (!done.trim()) throw httpError(400, 'BadRequest', '请写明对请求做了什么 (say what was done)')
  if (holdsPhone(done) || holdsPhone(note)) throw httpError(400, 'BadRequest', '答复和备注中不要写电话号码:请求记录只保存打码的电话 (no phone numbers in the answer or the note)')
}

/** Writes the request with its answer (in `db`: a connection, or the transaction of what was done). */
export async function writeOwnerRequest(db: Db, e: OwnerRequestEntry): Promise<OwnerRequest> {
  checkWords(e.done, e.note)
  const row: OwnerRequestRow = {
    // Time-ordered (UUIDv7): requests answered in the same millisecond list in the order they were recorded.
    id: newId(),
    site_id: e.siteId,
    kind: e.kind,
    received_at: e.receivedAt,
    requester_name: reducedName(e.identity.name),
    requester_phone: e.identity.phone.trim() ? reducedPhone(e.identity.phone.trim()) : '',
    requester_room: textWithoutPhones(e.identity.room.trim()),
    done: e.done.trim(),
    answered_at: e.now,
    answered_by: e.by.username,
    note: e.note.trim(),
  }
  await insertOwnerRequest(db, row)
  return asItem(row)
}

/** The site-local day a request came in, as the start of that day; refused when not a day, or after today. */
export function receivedAtOf(receivedOn: string, timezone: string, now: number): number {
  const day = receivedOn.trim()
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day) && addDays(day, 0) === day
  if (!valid) throw httpError(400, 'BadRequest', '收到请求的日期格式应为 2026-12-03 (the day as YYYY-MM-DD)')
  if (day > localDate(now, timezone)) throw httpError(400, 'BadRequest', '收到请求的日期不能晚于今天 (the day cannot be after today)')
  return instantAt(day, '00:00', timezone)
}

/**
 * An access request answered (the copy given out by the workbook or the print view, which record themselves),
 * or a correction made where it belongs (a request's, as a correction event on a tablet) recorded here.
 */
export async function answerAccessRequest(db: ServerDb, siteId: string, a: OwnerAnswer, by: { username: string }, now: number): Promise<OwnerRequest> {
  checkIdentity(a.identity)
  const site = await siteOf(db, siteId)
  return writeOwnerRequest(db.kysely, { siteId: site.id, kind: a.kind ?? 'access', receivedAt: receivedAtOf(a.receivedOn, site.timezone, now), identity: a.identity, done: a.done, note: a.note, by, now })
}

export async function ownerRequests(db: ServerDb, siteId: string): Promise<OwnerRequest[]> {
  await siteOf(db, siteId)
  return (await siteOwnerRequests(db.kysely, siteId, LISTED)).map(asItem)
}
