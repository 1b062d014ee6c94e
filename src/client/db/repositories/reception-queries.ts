/**
 * Reading the register: queues and searches over the local index (reception-index.ts).
 * Room, name, phone and reference number go through indexes; the text of the matter is scanned.
 */
import { liveState } from '@shared/domain/reception-status'
import { inQueue, type Queue, type QueueState, type Viewer } from '@shared/domain/reception-queue'
import { normaliseRoomQuery, phoneKey } from '@shared/domain/archive'
import { parseReference } from '@shared/domain/reference'
import type { Settings } from '@shared/domain/settings'
import type { Category } from '@shared/domain/reception'
import type { Status } from '@shared/domain/reception-status'
import type { DeskbookDb } from '../database'
import type { ReceptionIndexRow } from '../reception-index'

export interface RegisterQuery {
  queue: Queue
  /** Room, name, phone, reference number or words of the matter. */
  text?: string
  statuses?: Status[]
  categories?: Category[]
  departmentId?: string | null
  /** Received from / before (instants). */
  from?: number | null
  to?: number | null
}

export interface RegisterRow extends ReceptionIndexRow, Pick<QueueState, 'level' | 'overdue'> {}

export function queueState(row: ReceptionIndexRow, now: number, settings: Settings): RegisterRow {
  return { ...row, ...liveState(row, now, settings) }
}

function stateForQueue(row: RegisterRow): QueueState {
  const resolved = row.resolvedAt !== null
  return { status: row.status, resolved, level: row.level, overdue: row.overdue, departmentId: row.departmentId, ownerId: row.ownerId }
}

/** Candidate rows for a text: by reference number, phone, room and name prefixes (indexed), else the matter. */
async function byText(db: DeskbookDb, siteId: string, text: string): Promise<ReceptionIndexRow[]> {
  const t = text.trim()
  const ref = parseReference(t)
  if (ref) return db.receptionIndex.where('ref').equals(t.toUpperCase()).toArray()
  const found = new Map<string, ReceptionIndexRow>()
  const add = (rows: ReceptionIndexRow[]): void => rows.forEach((r) => r.siteId === siteId && found.set(r.id, r))
  const digits = phoneKey(t)
  if (digits.length >= 4 && digits.length === t.replace(/[\s-]/g, '').length) add(await db.receptionIndex.where('phoneKeys').startsWith(digits).toArray())
  add(await db.receptionIndex.where('room').startsWithIgnoreCase(normaliseRoomQuery(t)).toArray())
  add(await db.receptionIndex.where('customerName').startsWith(t).toArray())
  if (!found.size) add(await db.receptionIndex.where('siteId').equals(siteId).filter((r) => r.matter.includes(t)).toArray())
  return [...found.values()]
}

/** The register rows of a queue and filters, newest first. */
export async function queryRegister(db: DeskbookDb, siteId: string, q: RegisterQuery, viewer: Viewer, now: number, settings: Settings): Promise<RegisterRow[]> {
  const candidates = q.text?.trim()
    ? await byText(db, siteId, q.text)
    : q.queue === 'mine'
      ? await db.receptionIndex.where('ownerId').equals(viewer.id).toArray()
      : q.queue === 'department' && viewer.departmentId
        ? await db.receptionIndex.where('departmentId').equals(viewer.departmentId).toArray()
        : await db.receptionIndex.where('receivedAt').between(q.from ?? 0, q.to ?? Number.MAX_SAFE_INTEGER, true, false).filter((r) => r.siteId === siteId).toArray()
  return candidates
    .map((r) => queueState(r, now, settings))
    .filter((r) => inQueue(q.queue, stateForQueue(r), viewer))
    .filter((r) => !q.statuses?.length || q.statuses.includes(r.status))
    .filter((r) => !q.categories?.length || q.categories.includes(r.category))
    .filter((r) => q.departmentId === undefined || q.departmentId === null || r.departmentId === q.departmentId)
    .filter((r) => (q.from == null || r.receivedAt >= q.from) && (q.to == null || r.receivedAt < q.to))
    .sort((a, b) => b.receivedAt - a.receivedAt)
}
