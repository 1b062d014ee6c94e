/**
 * The duty log 客户服务中心值班记录表 (篇2 4.2; SPEC §2): one log per shift of everything received
 * or happening on duty — objective, clear, complete (篇2 4.2.2). Entries are append-only; a correction
 * is a new entry pointing at the old one.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import { literalUnion } from './literal-union'
import { URGENCIES } from './reception'
import { standsDuty, type Role } from './role'

/** 来电 phone, 来访 visit, 巡查 patrol, 系统 system, 其他 other. */
export const DUTY_SOURCES = ['call', 'visit', 'patrol', 'system', 'other'] as const
export type DutySource = (typeof DUTY_SOURCES)[number]

/** 篇2 4.2.3: beyond the clerk's authority → the administrator; a major matter → the supervisor. */
export const ESCALATIONS = ['none', 'administrator', 'supervisor'] as const
export type DutyEscalation = (typeof ESCALATIONS)[number]

/**
 * What an entry records: an ordinary entry; the start of someone's duty (who is on the shift);
 * a no-show of the incoming clerk (篇2 4.2.7); a paper sheet entered afterwards is an ordinary entry with
 * `paperRef` set (补录).
 */
export const ENTRY_KINDS = ['entry', 'dutyStart', 'noShow'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

/** A shift on a day: `2026-11-27/<shift type id>` — the same on every tablet, so logs never split. */
export const SHIFT_KEY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}/[0-9a-f-]{36}$'

export function shiftKey(date: string, shiftTypeId: string): string {
  return `${date}/${shiftTypeId}`
}

export function parseShiftKey(key: string): { date: string; shiftTypeId: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})\/([0-9a-f-]{36})$/.exec(key)
  return m ? { date: m[1]!, shiftTypeId: m[2]! } : null
}

export const DutyEntrySchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  shiftKey: Type.String({ pattern: SHIFT_KEY_PATTERN }),
  kind: literalUnion(ENTRY_KINDS),
  /** When it was received or happened (时间). */
  at: InstantSchema,
  source: literalUnion(DUTY_SOURCES),
  /** 接报信息 / 事件内容 */
  content: Type.String({ maxLength: 2000 }),
  urgency: literalUnion(URGENCIES),
  /** 处理措施 */
  action: Type.String({ maxLength: 2000 }),
  /** 通知何人 */
  notified: Type.String({ maxLength: 200 }),
  /** Needs following up by the next shift (篇2 4.3.2 a, b). */
  followUp: Type.Boolean(),
  escalation: literalUnion(ESCALATIONS),
  staffId: IdSchema,
  /** The entry this one corrects, or closes the follow-up of. */
  correctsId: Type.Union([IdSchema, Type.Null()]),
  /** A follow-up finished: this entry closes the follow-up of `correctsId`. */
  resolvesFollowUp: Type.Boolean(),
  /** 补录: the reference of the paper sheet this was copied from; empty when entered live. */
  paperRef: Type.String({ maxLength: 60 }),
  /**
   * A correction (更正) made after the shift was handed over: the handover that locked the log. Shown
   * beside the entry as both clerks signed it, never in its place (see `lockedLogProblem`).
   */
  afterHandoverId: Type.Optional(IdSchema),
  createdAt: InstantSchema,
})
export type DutyEntry = Static<typeof DutyEntrySchema>

export type DutyEntryProblem = 'contentRequired' | 'correctsRequired' | 'atInFuture'

export function dutyEntryProblems(e: Pick<DutyEntry, 'kind' | 'content' | 'resolvesFollowUp' | 'correctsId' | 'at'>, now: number): DutyEntryProblem[] {
  const out: DutyEntryProblem[] = []
  if (e.kind === 'entry' && !e.content.trim()) out.push('contentRequired')
  if (e.resolvesFollowUp && !e.correctsId) out.push('correctsRequired')
  if (e.at > now + 60 * 60_000) out.push('atInFuture')
  return out
}

/** What links an entry to the one it corrects or closes: all `currentEntries` needs besides the entry itself. */
export type DutyEntryLinks = Pick<DutyEntry, 'id' | 'correctsId' | 'resolvesFollowUp'>

/** Each entry's first version: corrections lead back to it; a follow-up's result is an entry of its own. */
function rootFinder<E extends DutyEntryLinks>(entries: readonly E[]): (e: E) => string {
  const byId = new Map(entries.map((e) => [e.id, e]))
  return (e) => {
    let cur = e
    for (let i = 0; i < 50 && cur.correctsId && !cur.resolvesFollowUp; i++) {
      const prev = byId.get(cur.correctsId)
      if (!prev) break
      cur = prev
    }
    return cur.id
  }
}

/**
 * The log as it reads now: each entry in its latest corrected version (corrections replace what they
 * correct; the originals stay in the record), with whether its follow-up was closed by a later entry.
 * The entry recording a follow-up's result is in the log too, as an entry of its own (篇2 4.2.2: 不可遗漏).
 */
export function currentEntries<E extends DutyEntryLinks = DutyEntry>(entries: readonly E[]): { entry: E; rootId: string; resolved: boolean; corrected: boolean }[] {
  const byId = new Map(entries.map((e) => [e.id, e]))
  const rootOf = rootFinder(entries)
  const latest = new Map<string, E>()
  const corrected = new Set<string>()
  const resolved = new Set<string>()
  for (const e of [...entries].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (e.resolvesFollowUp && e.correctsId) {
      const target = byId.get(e.correctsId)
      resolved.add(target ? rootOf(target) : e.correctsId)
    }
    const root = rootOf(e)
    if (latest.has(root)) corrected.add(root)
    latest.set(root, e)
  }
  return [...latest.entries()].map(([rootId, entry]) => ({ entry, rootId, resolved: resolved.has(rootId), corrected: corrected.has(rootId) }))
}

/** What a shift's handover passed on (篇2 4.3.5): to whom, and the items it acknowledged (any version's id). */
export interface PassedOn {
  to: string
  itemIds: readonly string[]
}

export interface LoggedEntry {
  /** The entry as the log was handed over: its latest version from before the handover. */
  entry: DutyEntry
  rootId: string
  resolved: boolean
  corrected: boolean
  /** Corrections made on the locked log (更正, issue 10 point 3), oldest first: beside the entry, not in its place. */
  lateCorrections: DutyEntry[]
  /** The open follow-up the handover passed on: the incoming clerk's id (篇2 4.3.5); null when not passed on. */
  handedTo: string | null
}

/**
 * A shift's log for reading and printing. The log both clerks signed stays as they signed it: each entry
 * in its latest version from before the handover, the corrections made after it listed beside it; an open
 * follow-up the handover acknowledged is marked as passed on to the incoming clerk (篇2 4.3.5) — it is no
 * longer waiting in this log.
 */
export function loggedEntries(entries: readonly DutyEntry[], passedOn: PassedOn | null = null): LoggedEntry[] {
  const rootOf = rootFinder(entries)
  const late = new Map<string, DutyEntry[]>()
  for (const e of [...entries].filter((x) => x.afterHandoverId).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))) {
    const root = rootOf(e)
    late.set(root, [...(late.get(root) ?? []), e])
  }
  const byId = new Map(entries.map((e) => [e.id, e]))
  const carried = new Set((passedOn?.itemIds ?? []).map((id) => byId.get(id)).filter((e): e is DutyEntry => !!e).map(rootOf))
  return currentEntries(entries.filter((e) => !e.afterHandoverId)).map((c) => ({
    ...c,
    lateCorrections: late.get(c.rootId) ?? [],
    handedTo: passedOn && c.entry.kind === 'entry' && c.entry.followUp && !c.resolved && carried.has(c.rootId) ? passedOn.to : null,
  }))
}

/** Why an entry may not go into a handed-over log; see `lockedLogProblem`. */
export type LockedLogProblem = 'notACorrection' | 'notOfThisShift' | 'notThisHandover' | 'changesHandedOver' | 'notDeskStaff'

/**
 * 篇2 4.3.4–4.3.5: once handed over, a shift's log is locked — yet a mistake found afterwards must be
 * put right (issue 10 point 3; ARCHITECTURE: a correction is a new entry pointing at the old one). So a
 * locked log takes exactly one thing: a correction (更正) of one of its own entries, made knowingly on
 * the locked log (it names the handover that locked it), leaving what the handover passed on — the
 * follow-up and the escalation — as they were. No new entries, no follow-up results, no starts of duty.
 * `handoverId` is the handover of the entry's shift, null while the shift is not handed over; `target`
 * the entry corrected; `role` who writes it — the desk staff (篇2 4.1.2: 客服助理, 客服管理员) correct their
 * own shifts' logs, not the supervisor who reviews them. Null when the entry may be written. The same
 * rule on the tablet and the server.
 */
export function lockedLogProblem(
  e: Pick<DutyEntry, 'kind' | 'shiftKey' | 'correctsId' | 'resolvesFollowUp' | 'followUp' | 'escalation' | 'afterHandoverId'>,
  target: Pick<DutyEntry, 'kind' | 'shiftKey' | 'followUp' | 'escalation'> | null,
  handoverId: string | null,
  role: Role | null,
): LockedLogProblem | null {
  if (handoverId === null) return e.afterHandoverId ? 'notThisHandover' : null
  if (!role || !standsDuty(role)) return 'notDeskStaff'
  if (e.kind !== 'entry' || !e.correctsId || e.resolvesFollowUp) return 'notACorrection'
  if (!target || target.kind !== 'entry' || target.shiftKey !== e.shiftKey) return 'notOfThisShift'
  if (e.afterHandoverId !== handoverId) return 'notThisHandover'
  if (e.followUp !== target.followUp || e.escalation !== target.escalation) return 'changesHandedOver'
  return null
}

/**
 * Any version of an entry → the entry as it reads now and whether its follow-up is still open: an item
 * handed over in one version stays the same item after a later correction (篇2 4.3.5).
 */
export function entryNow(entries: readonly DutyEntry[]): (id: string) => { entry: DutyEntry; open: boolean } | null {
  const current = currentEntries(entries)
  const byId = new Map(entries.map((e) => [e.id, e]))
  const byRoot = new Map(current.map((c) => [c.rootId, c]))
  return (id) => {
    let cur = byId.get(id)
    for (let i = 0; i < 50 && cur?.correctsId && !cur.resolvesFollowUp; i++) cur = byId.get(cur.correctsId) ?? cur
    const c = cur && byRoot.get(cur.id)
    return c ? { entry: c.entry, open: c.entry.kind === 'entry' && c.entry.followUp && !c.resolved } : null
  }
}

/** Entries still needing follow-up: flagged, and not closed by a later entry (篇2 4.3.2 a, b; 篇2 4.3.5). */
export function openFollowUps(entries: readonly DutyEntry[]): DutyEntry[] {
  return currentEntries(entries)
    .filter((c) => c.entry.kind === 'entry' && c.entry.followUp && !c.resolved)
    .map((c) => c.entry)
}

/** Entries asking the administrator or supervisor to act (篇2 4.2.3), not yet closed; a no-show is reported to the supervisor (篇2 4.2.8). */
export function escalatedEntries(entries: readonly DutyEntry[], to: Exclude<DutyEscalation, 'none'>): DutyEntry[] {
  return currentEntries(entries)
    .filter((c) => (c.entry.kind === 'entry' || c.entry.kind === 'noShow') && c.entry.escalation === to && !c.resolved)
    .map((c) => c.entry)
}
