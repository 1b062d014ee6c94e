/**
 * An owner's request under PIPL 个人信息保护法 Art. 44–47 (issue 14 point 4), on the server, which holds every
 * site's full copy: find everything the site holds about one owner with the shared rule
 * (shared/domain/owner-dossier.ts), for the console's summary, its print view and the workbook. The
 * summary shows what an administrator needs to tell it is the right person — masked; the full records
 * go out only through an export, which the access trail records.
 */
import { identityProblems, ownerDossier, dossierCounts, type DossierSource, type IdentityProblem, type OwnerDossier, type OwnerIdentity } from '@shared/domain/owner-dossier'
import { maskedName, maskPhone } from '@shared/domain/archive'
import { textWithoutPhones } from '@shared/domain/retention'
import type { OwnerFind } from '@shared/sync/owner-api'
import type { ServerDb } from '../db/connection'
import { findSite, type SiteRow } from '../repositories/sites'
import { recordsOfParents, siteRecords } from '../repositories/records'
import { httpError } from '../http/http-error'
import { NO_SUCH_SITE } from './operations'

/** Each problem of an identification in words (the console shows the server's message). */
const PROBLEMS: Record<IdentityProblem, string> = {
  identityRequired: '请填写业主的手机号,或姓名和房号 (a phone, or a name with a room)',
  phoneInvalid: '手机号至少要有 5 位数字 (a phone needs at least 5 digits)',
  roomRequired: '按姓名查找时请同时填写房号:同名的业主不止一位 (a name needs its room)',
  nameRequired: '按房号查找时请同时填写姓名:一个房号可能住着几位 (a room needs a name)',
}

export function checkIdentity(identity: OwnerIdentity): void {
  const problems = identityProblems(identity)
  if (problems.length) throw httpError(400, 'BadRequest', problems.map((p) => PROBLEMS[p]).join(';'))
}

export async function siteOf(db: ServerDb, siteId: string): Promise<SiteRow> {
  const site = await findSite(db.kysely, siteId)
  if (!site) throw httpError(404, 'NotFound', NO_SUCH_SITE)
  return site
}

const TABLES = ['customers', 'rooms', 'receptions', 'receptionEvents', 'loans', 'loanReturns', 'paidServices'] as const

/**
 * The owner's records at `siteId`. Signatures are read last, only those on the owner's requests: a site's
 * signatures (handovers', inspections') are images and by far its largest records.
 */
export async function findOwnerRecords(db: ServerDb, siteId: string, identity: OwnerIdentity): Promise<{ site: SiteRow; dossier: OwnerDossier }> {
  checkIdentity(identity)
  const site = await siteOf(db, siteId)
  const read = await Promise.all(TABLES.map((t) => siteRecords(db.kysely, siteId, t)))
  const source = { ...Object.fromEntries(TABLES.map((t, i) => [t, read[i]])), signatures: [] } as unknown as DossierSource
  const first = ownerDossier(source, identity)
  const signatures = await recordsOfParents(db.kysely, siteId, 'signatures', first.requests.map((r) => r.reception.id))
  return { site, dossier: ownerDossier({ ...source, signatures: signatures as unknown as DossierSource['signatures'] }, identity) }
}

/** How the console shows what was found: counts, and each archive entry and request masked. */
export function dossierSummary(d: OwnerDossier): OwnerFind {
  const rooms = new Map(d.rooms.map((r) => [r.id, r.label]))
  return {
    counts: dossierCounts(d),
    customers: d.customers.map((c) => ({ id: c.id, name: maskedName(c.name, c.honorific), room: rooms.get(c.roomId) ?? '', relation: c.relation, phones: c.phones.map(maskPhone) })),
    requests: d.requests.map((r) => ({ id: r.reception.id, ref: r.current.ref, receivedAt: r.current.receivedAt, room: r.current.room })),
  }
}

/** Who an export was about, as the access trail may say it: surname and honorific with the room, or the masked phone. */
export function trailSubject(d: OwnerDossier, identity: OwnerIdentity): string {
  const c = d.customers[0]
  if (c) return `${maskedName(c.name, c.honorific)} ${d.rooms.find((r) => r.id === c.roomId)?.label ?? ''}`.trim()
  // What was typed for the room is the administrator's: a number typed there is masked too.
  if (identity.name.trim()) return textWithoutPhones(`${maskedName(identity.name)} ${identity.room.trim()}`.trim())
  return maskPhone(identity.phone)
}
