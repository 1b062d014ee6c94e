/**
 * Reading the register for printing and export (issue 4 point 7): requests of a date range with
 * their whole timelines, and one request with its signatures. The range goes through the local
 * index on `receivedAt` (reception-index.ts), so a week of a busy site reads only that week.
 */
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { Signature } from '@shared/domain/signature'
import type { DeskbookDb } from '../database'

/** A registered request with its whole timeline. */
export interface RegisterEntry {
  reception: Reception
  events: readonly ReceptionEvent[]
}

/** Requests with their timelines, in the order of `ids` (unknown ids are left out). */
export async function loadRegisterEntries(db: DeskbookDb, ids: readonly string[]): Promise<RegisterEntry[]> {
  if (!ids.length) return []
  return db.transaction('r', [db.receptions, db.receptionEvents], async () => {
    const receptions = await db.receptions.bulkGet([...ids])
    const events = await db.receptionEvents.where('receptionId').anyOf([...ids]).toArray()
    const byReception = new Map<string, ReceptionEvent[]>()
    for (const e of events) {
      const list = byReception.get(e.receptionId)
      if (list) list.push(e)
      else byReception.set(e.receptionId, [e])
    }
    return receptions.filter((r): r is Reception => !!r).map((reception) => ({ reception, events: byReception.get(reception.id) ?? [] }))
  })
}

/** Ids of the site's requests received in [start, end), oldest first. */
export async function registerIdsInRange(db: DeskbookDb, siteId: string, start: number, end: number): Promise<string[]> {
  const rows = await db.receptionIndex.where('receivedAt').between(start, end, true, false).filter((r) => r.siteId === siteId).toArray()
  return rows.map((r) => r.id)
}

/** The site's requests received in [start, end) with their timelines, oldest first. */
export async function loadRegisterRange(db: DeskbookDb, siteId: string, start: number, end: number): Promise<RegisterEntry[]> {
  return loadRegisterEntries(db, await registerIdsInRange(db, siteId, start, end))
}

export interface ReceptionRecord {
  entry: RegisterEntry
  /** The owner's signatures on this request (events `signed`), oldest first. */
  signatures: Signature[]
}

/** One request with its timeline and the signatures its `signed` events point to; null when unknown. */
export async function loadReceptionRecord(db: DeskbookDb, id: string): Promise<ReceptionRecord | null> {
  const [entry] = await loadRegisterEntries(db, [id])
  if (!entry) return null
  const ids = entry.events.filter((e) => e.type === 'signed' && e.signatureId).map((e) => e.signatureId!)
  const signatures = (await db.signatures.bulkGet(ids)).filter((s): s is Signature => !!s).sort((a, b) => a.signedAt - b.signedAt)
  return { entry, signatures }
}
