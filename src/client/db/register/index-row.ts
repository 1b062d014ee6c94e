/**
 * The row of the register's local search index for one request (what lists, queues and searches read;
 * 200,000 requests must stay fast, issue 4 point 6), worked out from the request and its timeline.
 * Time-independent facts only — escalation and overdue are worked out from `receivedAt` and "now" when
 * read. Pure: the schema upgrades, the repositories and the benchmarks build rows with it.
 */
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { receptionState, sortEvents, type Status } from '@shared/domain/reception-status'
import { needsAction } from '@client/db/register/reception-queue'
import { defaultSettings } from '@shared/domain/settings'
import { phoneKey } from '@shared/domain/archive'
import { closedAtOf, contactReduction } from '@shared/domain/retention'

/** Flags of the queue indexes: 1, or null so that a row without the flag is left out of the index. */
export type Flag = 1 | null

export interface ReceptionIndexRow {
  id: string
  siteId: string
  ref: string
  receivedAt: number
  room: string
  roomId: string | null
  customerName: string
  /** For the list to name the customer as the prints do (陈女士); missing on rows written before it was kept. */
  honorific?: Reception['honorific']
  phoneKeys: string[]
  category: Reception['category']
  /** How it came in (上门/来电/网络/转告); missing on rows written before schema 16 until re-derived (`FACTS_FILL`). */
  channel?: Reception['channel']
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
  // Keys of the schema-5 indexes (see reception-queries.ts). Set by `indexRow`; optional only so that
  // rows made by hand elsewhere stay valid — such rows are missing from the queues that use them.
  /** Needs someone: unresolved, or resolved with the return visit outstanding ('open', 'mine'). */
  pending?: Flag
  /** Not resolved: escalates with time ('escalated'). */
  unresolved?: Flag
  /** A complaint nobody has answered yet: overdue once its deadline passes ('overdue'). */
  unanswered?: Flag
  /** Department of the latest hand-over, kept after it is resolved (the list's department filter). */
  handedTo?: string | null
  /** Distinct pairs of characters of the matter with `receivedAt` — [pair, receivedAt] — to find its words newest first (`matterGrams`). */
  grams?: [string, number][]
  /** When it was closed for good (retention.ts `closedAtOf`); null while open. Missing on rows written before schema 13. */
  closedAt?: number | null
  /** Closed, and still holding contact details its retention period would reduce: the `[kept+closedAt]` index finds them (schema 13). */
  kept?: Flag
}

/** Text as searched: NFKC (full-width letters and digits as half-width), lower case, no spaces or punctuation. */
export function searchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** A long matter keeps its first pairs only: the index stays small, and the words people search are near the start. */
export const MAX_GRAMS = 256

/**
 * The 2-grams of a matter (`厨房漏水` → 厨房 房漏 漏水): every word of two or more characters contains
 * one, so the rarest pair of a query leads to its candidates (Chinese has no spaces to split words).
 */
export function matterGrams(matter: string): string[] {
  const t = searchText(matter)
  const grams = new Set<string>()
  for (let i = 0; i + 1 < t.length && grams.size < MAX_GRAMS; i++) grams.add(t.slice(i, i + 2))
  return [...grams]
}

/** The index row of one request. Escalation thresholds do not matter here: status ignores them. */
export function indexRow(reception: Reception, events: readonly ReceptionEvent[]): ReceptionIndexRow {
  const state = receptionState(reception, events, reception.receivedAt, defaultSettings(reception.siteId))
  const c = state.current
  const phone = phoneKey(c.phone)
  const row: ReceptionIndexRow = {
    id: c.id,
    siteId: c.siteId,
    ref: c.ref,
    receivedAt: c.receivedAt,
    room: c.room,
    roomId: c.roomId,
    customerName: c.customerName,
    honorific: c.honorific,
    // A phone masked after its retention period (138****5678) is no longer a number anyone can search by.
    phoneKeys: phone && !c.phone.includes('*') ? [phone] : [],
    category: c.category,
    channel: c.channel,
    urgency: c.urgency,
    matter: c.matter,
    status: state.status,
    resolvedAt: state.resolvedAt,
    answeredAt: state.answeredAt,
    departmentId: state.departmentId,
    ownerId: state.ownerId,
    receiverId: c.receiverId,
    lastEventAt: state.lastEventAt,
  }
  const closedAt = closedAtOf(reception, events)
  // Years 0 and the end of time: would anything shrink once its period is over?
  const kept = closedAt !== null && contactReduction(reception, events, 0, Number.MAX_SAFE_INTEGER, 'UTC') ? 1 : null
  return { ...row, closedAt, kept, ...queueKeys(row, sortEvents(events).findLast((e) => e.type === 'handedOver')?.departmentId ?? null) }
}

type QueueKeys = Required<Pick<ReceptionIndexRow, 'pending' | 'unresolved' | 'unanswered' | 'handedTo' | 'grams'>>

/** The schema-5 keys of an index row, from its other facts (also how the upgrade to version 5 fills them in). */
export function queueKeys(row: Pick<ReceptionIndexRow, 'status' | 'resolvedAt' | 'category' | 'answeredAt' | 'matter' | 'receivedAt'>, handedTo: string | null): QueueKeys {
  return {
    pending: needsAction({ status: row.status, resolved: row.resolvedAt !== null }) ? 1 : null,
    unresolved: row.resolvedAt === null ? 1 : null,
    unanswered: row.category === 'complaint' && row.answeredAt === null ? 1 : null,
    handedTo,
    grams: matterGrams(row.matter).map((g) => [g, row.receivedAt]),
  }
}
