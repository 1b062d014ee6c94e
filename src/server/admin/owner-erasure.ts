/**
 * An owner's personal information erased at their request, where the law allows (issue 14 point 4; PIPL
 * Art. 47): their archive entries deleted — a tombstone the server writes (sync/server-write.ts) with the
 * name, phones and note blanked, so the server keeps no copy and every tablet deletes its row when it
 * pulls — and the contact details of their closed requests reduced now, by the retention rule cut to no
 * period (contact-retention.ts `reduceReceptionContacts`): surname and masked phone stay, the register's
 * rows, timelines and signatures stay (the office's own record of what it did). A request still open keeps
 * its contact until it is closed (Art. 47: what is needed to finish what was asked); the answer says which.
 * The request is recorded with the answer, all in one transaction.
 */
import { DELETED_FIELD } from '@shared/sync/merge'
import { closedAtOf } from '@shared/domain/retention'
import type { OwnerErasure, OwnerRequest } from '@shared/sync/owner-api'
import type { ServerDb } from '../db/connection'
import { writeAsServer } from '../sync/server-write'
import { reduceReceptionContacts } from './contact-retention'
import { findOwnerRecords } from './owner-dossier'
import { receivedAtOf, writeOwnerRequest } from './owner-requests'

/** What an erasure did, in words for the request's answer (reference numbers, never a name or phone). */
function answerOf(deleted: number, reduced: number, openRefs: readonly string[]): string {
  const parts = [`删除客户档案 ${deleted} 条`, `已办结的接待登记 ${reduced} 件只留姓氏和打码电话`]
  if (openRefs.length) parts.push(`未办结的 ${openRefs.length} 件(${openRefs.join('、')})为办完所请事项保留联系方式至办结(个人信息保护法第四十七条),办结后再行删除`)
  return parts.join(';').slice(0, 1000)
}

export async function eraseOwner(db: ServerDb, siteId: string, e: OwnerErasure, by: { username: string }, now: number): Promise<OwnerRequest> {
  const { site, dossier } = await findOwnerRecords(db, siteId, e.identity)
  const receivedAt = receivedAtOf(e.receivedOn, site.timezone, now)
  const open = dossier.requests.filter((r) => closedAtOf(r.reception, r.events) === null).map((r) => r.current.ref)
  // The archive's own fields that name or reach the person go with the entry.
  const tombstones = dossier.customers.map((c) => ({ table: 'customers', recordId: c.id, data: { [DELETED_FIELD]: true, name: '', phones: [], note: '', moveInDate: null } }))
  return db.kysely.transaction().execute(async (trx) => {
    if (tombstones.length) await writeAsServer(trx, db.kind, site.id, tombstones, now)
    const reduced = await reduceReceptionContacts(trx, db.kind, site.id, now, { receptionIds: dossier.requests.map((r) => r.reception.id), erase: true })
    return writeOwnerRequest(trx, { siteId: site.id, kind: 'erasure', receivedAt, identity: e.identity, done: answerOf(tombstones.length, reduced.length, open), note: e.note, by, now })
  })
}
