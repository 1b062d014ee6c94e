/**
 * A local search index of the register, derived from requests and their timelines: what lists,
 * queues and searches read (200,000 requests must stay fast, issue 4 point 6). Time-independent
 * facts only — escalation and overdue are worked out from `receivedAt` and "now" when read.
 * Rebuilt for a request whenever it or its timeline changes, in the same transaction (local writes
 * and pulled pages alike).
 */
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { receptionState, type Status } from '@shared/domain/reception-status'
import { defaultSettings } from '@shared/domain/settings'
import { phoneKey } from '@shared/domain/archive'
import type { DeskbookDb } from './database'

export interface ReceptionIndexRow {
  id: string
  siteId: string
  ref: string
  receivedAt: number
  room: string
  roomId: string | null
  customerName: string
  phoneKeys: string[]
  category: Reception['category']
  urgency: Reception['urgency']
  matter: string
  status: Status
  resolvedAt: number | null
  /** First answer or result, for the 24-hour complaint rule. */
  answeredAt: number | null
  departmentId: string | null
  ownerId: string
  receiverId: string
  lastEventAt: number
}

/** The index row of one request. Escalation thresholds do not matter here: status ignores them. */
export function indexRow(reception: Reception, events: readonly ReceptionEvent[]): ReceptionIndexRow {
  const state = receptionState(reception, events, reception.receivedAt, defaultSettings(reception.siteId))
  const c = state.current
  const answered = events.filter((e) => e.type === 'answered' || e.type === 'result' || e.type === 'closedUnresolvable').map((e) => e.at)
  const phone = phoneKey(c.phone)
  return {
    id: c.id,
    siteId: c.siteId,
    ref: c.ref,
    receivedAt: c.receivedAt,
    room: c.room,
    roomId: c.roomId,
    customerName: c.customerName,
    phoneKeys: phone ? [phone] : [],
    category: c.category,
    urgency: c.urgency,
    matter: c.matter,
    status: state.status,
    resolvedAt: state.resolvedAt,
    answeredAt: answered.length ? Math.min(...answered) : null,
    departmentId: state.departmentId,
    ownerId: state.ownerId,
    receiverId: c.receiverId,
    lastEventAt: state.lastEventAt,
  }
}

/** Rebuild the index rows of these requests; call inside a transaction holding receptions, receptionEvents and receptionIndex. */
export async function refreshReceptionIndex(db: DeskbookDb, receptionIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(receptionIds)]
  if (!ids.length) return
  const receptions = await db.receptions.bulkGet(ids)
  const events = await db.receptionEvents.where('receptionId').anyOf(ids).toArray()
  const byReception = new Map<string, ReceptionEvent[]>()
  for (const e of events) byReception.set(e.receptionId, [...(byReception.get(e.receptionId) ?? []), e])
  const rows = receptions.filter((r): r is Reception => !!r).map((r) => indexRow(r, byReception.get(r.id) ?? []))
  await db.receptionIndex.bulkPut(rows)
}
