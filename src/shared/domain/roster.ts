/**
 * The monthly roster 排班表 (篇2 4.1.1–4.1.2; SPEC §4; issue 13): staff × days of a month, each cell a shift
 * code of the site, 休 (rest) or 假 (leave).
 *
 * Three kinds of record hold it:
 * - the **working copy** the administrator paints: one editable record per staff member, day and lane
 *   (`rosterCells`), so two tablets painting the same draft offline merge cell by cell (last writer wins
 *   per cell, issue 13 point 7). A cell's id is derived from what it is, so both tablets write the same record;
 * - **versions** (`rosterVersions`, append-only): what was submitted — a frozen copy of the month, with the
 *   shift types as they were — so an approved version never changes and every old one stays printable;
 * - **steps** (`rosterSteps`, append-only): approve / return by the supervisor, acknowledge by the manager,
 *   each dated and signed. Submitting is the version itself, signed by the administrator.
 */
import { Type, type Static } from '@sinclair/typebox'
import { v5 as uuidv5 } from 'uuid'
import { IdSchema, InstantSchema } from './ids'
import type { ShiftType } from './shift-type'
import { addDays } from './time'
import type { Role } from './role'

/** 休: a day off. */
export const REST = 'rest'
/** 假: on leave. */
export const LEAVE = 'leave'
/** What a cell may hold besides a shift type's id; '' is an empty cell. */
export const DAY_CODES = [REST, LEAVE] as const

/** Desk duty (篇2 4.1.2 前台值班人员), or back-office support in busy periods, counted apart. */
export const LANES = ['desk', 'support'] as const
export type Lane = (typeof LANES)[number]

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$'
const MONTH = '^\\d{4}-(0[1-9]|1[0-2])$'
export const MonthSchema = Type.String({ pattern: MONTH })
export const DateSchema = Type.String({ pattern: DATE })
/** '' | 'rest' | 'leave' | a shift type's id. */
const CodeSchema = Type.String({ maxLength: 36, pattern: '^(|rest|leave|[0-9a-f-]{36})$' })

export const RosterCellSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  staffId: IdSchema,
  date: DateSchema,
  lane: Type.Union(LANES.map((l) => Type.Literal(l))),
  code: CodeSchema,
  /** When it was painted: a later approved leave or swap shows over an older cell (`workingCodes`). */
  at: InstantSchema,
})
export type RosterCell = Static<typeof RosterCellSchema>

/** A shift type as it was when the version was made: the print's legend. */
const ShiftSnapshotSchema = Type.Object({
  id: IdSchema,
  code: Type.String({ minLength: 1, maxLength: 4 }),
  name: Type.String({ minLength: 1, maxLength: 20 }),
  start: Type.String({ maxLength: 5 }),
  end: Type.String({ maxLength: 5 }),
  minStaff: Type.Integer({ minimum: 0, maximum: 20 }),
})
export type ShiftSnapshot = Static<typeof ShiftSnapshotSchema>

const RowSchema = Type.Object({
  staffId: IdSchema,
  /** The name as it was, for the print of an old version. */
  name: Type.String({ maxLength: 40 }),
  lane: Type.Union(LANES.map((l) => Type.Literal(l))),
  /** One code per day of the month, the 1st first. */
  days: Type.Array(CodeSchema, { minItems: 28, maxItems: 31 }),
})
export type RosterRow = Static<typeof RowSchema>

export const RosterSnapshotSchema = Type.Object({
  shifts: Type.Array(ShiftSnapshotSchema, { maxItems: 12 }),
  rows: Type.Array(RowSchema, { maxItems: 120 }),
})
export type RosterSnapshot = Static<typeof RosterSnapshotSchema>

export const VERSION_SOURCES = ['draft', 'request'] as const
export type VersionSource = (typeof VERSION_SOURCES)[number]

export const RosterVersionSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  month: MonthSchema,
  /** A draft submitted by the administrator, or a leave/swap approved by the supervisor (篇2 4.2.6). */
  source: Type.Union(VERSION_SOURCES.map((s) => Type.Literal(s))),
  /** The approved version this one changes, or null for the month's first. */
  basedOnId: Type.Union([IdSchema, Type.Null()]),
  /** Why an approved roster is changed ('' for the month's first). */
  reason: Type.String({ maxLength: 500 }),
  /** The leave or swap request it carries out (source 'request'). */
  requestId: Type.Union([IdSchema, Type.Null()]),
  snapshot: RosterSnapshotSchema,
  staffId: IdSchema,
  at: InstantSchema,
  signatureId: IdSchema,
})
export type RosterVersion = Static<typeof RosterVersionSchema>

export const STEPS = ['approve', 'return', 'acknowledge'] as const
export type StepKind = (typeof STEPS)[number]

export const RosterStepSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  versionId: IdSchema,
  step: Type.Union(STEPS.map((s) => Type.Literal(s))),
  comment: Type.String({ maxLength: 500 }),
  staffId: IdSchema,
  at: InstantSchema,
  signatureId: IdSchema,
})
export type RosterStep = Static<typeof RosterStepSchema>

// ---- months and days ----

/** `YYYY-MM` of a local date. */
export const monthOf = (date: string): string => date.slice(0, 7)

/** The month `n` months after `month` (before, when negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const k = y * 12 + (m - 1) + n
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
}

/** The local dates of `month`, the 1st first. */
export function daysOf(month: string): string[] {
  const out: string[] = []
  for (let d = `${month}-01`; monthOf(d) === month; d = addDays(d, 1)) out.push(d)
  return out
}

/** Day of the week of a local date, Monday = 0 … Sunday = 6. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

// ---- the working copy ----

/** Namespace of the cells' derived ids: a cell is one record whichever tablet paints it first. */
const CELL_NAMESPACE = '5b0e7c1e-3f0a-4a8e-9d55-6f3b2a1c9e47'

/**
 * The id of the cell of `staffId` on `date` in `lane`: a name-based UUID with the version digit set to 7,
 * so it passes the id schema every record uses. Two tablets painting the same cell write the same record.
 */
export function cellId(siteId: string, staffId: string, date: string, lane: Lane): string {
  const id = uuidv5(`${siteId}/${staffId}/${date}/${lane}`, CELL_NAMESPACE)
  return `${id.slice(0, 14)}7${id.slice(15)}`
}

/** Who is rostered for desk duty (篇2 4.1.2: 客服助理 and 客服管理员) — others only for support. */
export function laneFor(role: Role): Lane {
  return role === 'assistant' || role === 'administrator' ? 'desk' : 'support'
}

/** May `code` stand in `lane`? Support is a shift or nothing: 休 and 假 belong to desk duty. */
export function codeFits(code: string, lane: Lane): boolean {
  return lane === 'desk' || (code !== REST && code !== LEAVE)
}

/** The shift types of a site as a version keeps them. */
export function shiftSnapshot(shifts: readonly ShiftType[]): ShiftSnapshot[] {
  return shifts.filter((s) => s.active).map((s) => ({ id: s.id, code: s.code, name: s.name, start: s.start, end: s.end, minStaff: s.minStaff ?? 1 }))
}

export interface RosterStaff {
  id: string
  name: string
  role: Role
  active: boolean
}

/**
 * The month as a version would freeze it: a desk row for every active desk person, a support row for
 * anyone with a support cell; the cells' codes by day. Codes of a shift type no longer active are dropped.
 */
export function snapshotOf(month: string, staff: readonly RosterStaff[], cells: readonly Pick<RosterCell, 'staffId' | 'date' | 'lane' | 'code'>[], shifts: readonly ShiftType[]): RosterSnapshot {
  const legend = shiftSnapshot(shifts)
  const known = new Set(legend.map((s) => s.id))
  const days = daysOf(month)
  const index = new Map(days.map((d, i) => [d, i]))
  const rows = new Map<string, RosterRow>()
  const rowOf = (s: RosterStaff, lane: Lane): RosterRow => {
    const key = `${s.id}/${lane}`
    let row = rows.get(key)
    if (!row) rows.set(key, (row = { staffId: s.id, name: s.name, lane, days: days.map(() => '') }))
    return row
  }
  const byId = new Map(staff.map((s) => [s.id, s]))
  for (const s of staff) if (s.active && laneFor(s.role) === 'desk') rowOf(s, 'desk')
  for (const c of cells) {
    const s = byId.get(c.staffId)
    const i = index.get(c.date)
    if (!s || i === undefined || !c.code || (c.code !== REST && c.code !== LEAVE && !known.has(c.code)) || !codeFits(c.code, c.lane)) continue
    if (c.lane === 'desk' && laneFor(s.role) !== 'desk') continue
    rowOf(s, c.lane).days[i] = c.code
  }
  const order = (r: RosterRow): number => (r.lane === 'desk' ? 0 : 1)
  // Desk rows first, then support, each by name: the draft, every version and its print list people alike.
  return { shifts: legend, rows: [...rows.values()].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'zh-CN')) }
}

// ---- versions and their steps ----

export type VersionState = 'submitted' | 'returned' | 'approved'

export interface VersionStatus {
  version: RosterVersion
  state: VersionState
  /** The step that decided it (approve or return), if any. */
  decision: RosterStep | null
  acknowledged: RosterStep | null
  /** 1, 2 … among the month's approved versions, in order of approval; null until approved. */
  number: number | null
}

/**
 * Where each version of a month stands. The first decision on a version counts (two tablets deciding
 * offline: the earlier stands); a version made from an approved request carries its approval step, written with it.
 */
export function versionStatuses(versions: readonly RosterVersion[], steps: readonly RosterStep[]): VersionStatus[] {
  const byVersion = new Map<string, RosterStep[]>()
  for (const s of [...steps].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))) byVersion.set(s.versionId, [...(byVersion.get(s.versionId) ?? []), s])
  const out = [...versions]
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
    .map((version): VersionStatus => {
      const own = byVersion.get(version.id) ?? []
      const decision = own.find((s) => s.step === 'approve' || s.step === 'return') ?? null
      const state: VersionState = decision ? (decision.step === 'approve' ? 'approved' : 'returned') : 'submitted'
      const acknowledged = state === 'approved' ? (own.find((s) => s.step === 'acknowledge') ?? null) : null
      return { version, state, decision, acknowledged, number: null }
    })
  const approved = out.filter((s) => s.state === 'approved').sort((a, b) => a.decision!.at - b.decision!.at || a.version.id.localeCompare(b.version.id))
  approved.forEach((s, i) => (s.number = i + 1))
  return out
}

/** The roster in force for a month: its latest approved version, or null when none is approved. */
export function inForce(statuses: readonly VersionStatus[]): VersionStatus | null {
  return statuses.filter((s) => s.number !== null).sort((a, b) => b.number! - a.number!)[0] ?? null
}

/** The roster in force of each month among `versions` (with their `steps`): months without an approved version left out. */
export function rostersInForce(versions: readonly RosterVersion[], steps: readonly RosterStep[]): RosterVersion[] {
  const byMonth = new Map<string, RosterVersion[]>()
  for (const v of versions) byMonth.set(v.month, [...(byMonth.get(v.month) ?? []), v])
  return [...byMonth.values()].flatMap((month) => inForce(versionStatuses(month, steps))?.version ?? [])
}

/** The months from the one of `from` to the one of `to`, both included. */
export function monthsFromTo(from: string, to: string): string[] {
  const out: string[] = []
  for (let m = monthOf(from); m <= monthOf(to); m = addMonths(m, 1)) out.push(m)
  return out
}

/** The version waiting for the supervisor, if any (the latest submitted and not yet decided). */
export function awaitingReview(statuses: readonly VersionStatus[]): VersionStatus | null {
  // A request's version is approved as it is written; one whose approval the server refused waits for nobody.
  return statuses.filter((s) => s.state === 'submitted' && s.version.source === 'draft').at(-1) ?? null
}

/** Who stands desk duty on `shiftTypeId` on `date` by the version (empty when the date is not in it). */
export function rosteredFor(version: Pick<RosterVersion, 'month' | 'snapshot'>, date: string, shiftTypeId: string, lane: Lane = 'desk'): string[] {
  if (monthOf(date) !== version.month) return []
  const i = Number(date.slice(8, 10)) - 1
  return version.snapshot.rows.filter((r) => r.lane === lane && r.days[i] === shiftTypeId).map((r) => r.staffId)
}

/** The code of `staffId` on `date` in the version's desk rows ('' when not rostered). */
export function codeOn(version: Pick<RosterVersion, 'month' | 'snapshot'>, staffId: string, date: string): string {
  if (monthOf(date) !== version.month) return ''
  const row = version.snapshot.rows.find((r) => r.lane === 'desk' && r.staffId === staffId)
  return row?.days[Number(date.slice(8, 10)) - 1] ?? ''
}

/** A cell's key in the working copy: `${staffId}/${date}/${lane}`. */
export const cellKey = (staffId: string, date: string, lane: Lane): string => `${staffId}/${date}/${lane}`

/**
 * The working copy as the administrator sees it: each cell as last painted, unless a leave or swap the
 * supervisor approved later changed it (篇2 4.2.6) — the approval makes a version, and the draft follows it
 * without the supervisor painting the administrator's draft.
 */
export function workingCodes(cells: readonly Pick<RosterCell, 'staffId' | 'date' | 'lane' | 'code' | 'at'>[], statuses: readonly VersionStatus[]): Map<string, string> {
  const latest = new Map<string, { code: string; at: number }>()
  for (const c of cells) latest.set(cellKey(c.staffId, c.date, c.lane), { code: c.code, at: c.at })
  const byId = new Map(statuses.map((s) => [s.version.id, s]))
  for (const s of [...statuses].filter((x) => x.number !== null && x.version.source === 'request').sort((a, b) => a.number! - b.number!)) {
    const base = s.version.basedOnId ? byId.get(s.version.basedOnId)?.version.snapshot : undefined
    const days = daysOf(s.version.month)
    for (const row of s.version.snapshot.rows) {
      const before = base?.rows.find((r) => r.staffId === row.staffId && r.lane === row.lane)
      row.days.forEach((code, i) => {
        if (before && before.days[i] === code) return
        const key = cellKey(row.staffId, days[i]!, row.lane)
        const at = s.decision!.at
        if ((latest.get(key)?.at ?? -1) < at) latest.set(key, { code, at })
      })
    }
  }
  return new Map([...latest].map(([k, v]) => [k, v.code]))
}
