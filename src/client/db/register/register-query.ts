/**
 * A query of the register (the list's queue, filters and text) and what its rows carry: the index row
 * with its live state at the same "now" (escalation level, overdue, answered late), and the one rule of
 * whether a row matches. Pure apart from the types it names.
 */
import { liveState, type EscalationLevel, type ReceptionState, type Status } from '@shared/domain/reception-status'
import { inQueue, type Queue, type QueueState, type Viewer } from '@client/db/register/reception-queue'
import type { Settings } from '@shared/domain/settings'
import type { Category, Channel } from '@shared/domain/reception'
import { type ReceptionIndexRow } from './index-row'

export interface RegisterQuery {
  queue: Queue
  /** Room, name, phone, reference number or words of the matter. */
  text?: string
  statuses?: Status[]
  categories?: Category[]
  /** How it came in; checked on each row (no index has it: the smallest other dimension is read). */
  channels?: Channel[]
  /** Escalation reached at "now" or at resolution (篇4 4.6–4.8); checked on each row, like `channels`. */
  levels?: EscalationLevel[]
  /** The department a request was (last) handed to, resolved or not. */
  departmentId?: string | null
  /** Received from / before (instants). */
  from?: number | null
  to?: number | null
}

export interface RegisterListRow extends ReceptionIndexRow, Pick<ReceptionState, 'level' | 'overdue' | 'answeredLate'> {}

/** A query's rows, read a window at a time. */
export interface RegisterResult {
  plan: 'empty' | 'index' | 'scan' | 'text'
  /** Rows that match; when `tooBroad`, the cap the text's candidates passed. */
  total: number
  /** The text matches more than `textCap` requests: no rows are read, the list asks for more of it. */
  tooBroad: boolean
  /** Rows `start` … `end - 1`, newest first (fewer if the register changed since it was counted). */
  window(start: number, end: number): Promise<RegisterListRow[]>
}

export interface RegisterOptions {
  /** Most candidate rows a text search reads (default 5,000 — at most about 150 ms on a tablet's disk). */
  textCap?: number
  /** Sizes of the window reads (tests make them small to reach deep trees with few rows). */
  tuning?: { top: number; leaf: number }
}

export const DEFAULT_TEXT_CAP = 5_000
/** Windows ending within the first `top` rows are merged from the heads of their ranges; a node of the count tree with at most `leaf` rows is read whole. */
export const TUNING = { top: 300, leaf: 400 }
/** Leaves kept in memory per result while scrolling. */
export const KEPT_LEAVES = 16
/** Rows a scan reads at a time. */
export const SCAN_SPAN = 2_000
/** Status and category filters together: one range per pair up to this many, else the smaller one drives. */
export const MAX_PAIRS = 12

export function queueState(row: ReceptionIndexRow, now: number, settings: Settings): RegisterListRow {
  return { ...row, ...liveState(row, now, settings) }
}

export function stateForQueue(row: RegisterListRow): QueueState {
  const resolved = row.resolvedAt !== null
  return { status: row.status, resolved, level: row.level, overdue: row.overdue, departmentId: row.departmentId, ownerId: row.ownerId }
}

/** The whole rule of a query for one row — what every plan must agree with. */
export function matchesQuery(row: RegisterListRow, q: RegisterQuery, viewer: Viewer): boolean {
  return (
    inQueue(q.queue, stateForQueue(row), viewer) &&
    (!q.statuses?.length || q.statuses.includes(row.status)) &&
    (!q.categories?.length || q.categories.includes(row.category)) &&
    (!q.channels?.length || (row.channel !== undefined && q.channels.includes(row.channel))) &&
    (!q.levels?.length || q.levels.includes(row.level)) &&
    (q.departmentId == null || row.handedTo === q.departmentId) &&
    (q.from == null || row.receivedAt >= q.from) &&
    (q.to == null || row.receivedAt < q.to)
  )
}

/** Newest first; the same instant by id, as an index read backwards gives them. */
export function newestFirst(a: Pick<ReceptionIndexRow, 'receivedAt' | 'id'>, b: Pick<ReceptionIndexRow, 'receivedAt' | 'id'>): number {
  return b.receivedAt - a.receivedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
}
