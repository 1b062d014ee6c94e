/**
 * Where the month's roster stands in its cycle (篇2 4.1.1; issue 13 point 2), and its history as lines a
 * clerk reads: each version submitted (or made by an approved leave or swap) and each step on it, dated.
 */
import type { VersionStatus } from '@shared/domain/roster'

export type MonthState =
  | { kind: 'none' }
  | { kind: 'draft' }
  | { kind: 'submitted'; status: VersionStatus }
  | { kind: 'returned'; status: VersionStatus; comment: string }
  | { kind: 'approved'; status: VersionStatus; number: number }
  | { kind: 'acknowledged'; status: VersionStatus; number: number }

/** The latest version decides; before any, a painted draft or nothing. */
export function monthState(statuses: readonly VersionStatus[], hasDraft: boolean): MonthState {
  const latest = statuses.at(-1)
  if (!latest) return hasDraft ? { kind: 'draft' } : { kind: 'none' }
  if (latest.state === 'submitted') return { kind: 'submitted', status: latest }
  if (latest.state === 'returned') return { kind: 'returned', status: latest, comment: latest.decision?.comment ?? '' }
  return latest.acknowledged ? { kind: 'acknowledged', status: latest, number: latest.number! } : { kind: 'approved', status: latest, number: latest.number! }
}

export interface HistoryLine {
  key: string
  /** `roster.history.<kind>` */
  kind: 'submitted' | 'revised' | 'request' | 'approve' | 'return' | 'acknowledge'
  at: number
  staffId: string
  /** The reason of a revision, or the supervisor's comment. */
  note: string
}

export interface HistoryEntry {
  status: VersionStatus
  lines: HistoryLine[]
}

/** Newest version first, each with what happened to it, oldest first. */
export function historyOf(statuses: readonly VersionStatus[]): HistoryEntry[] {
  return [...statuses].reverse().map((status) => {
    const v = status.version
    const made: HistoryLine = { key: v.id, kind: v.source === 'request' ? 'request' : v.basedOnId ? 'revised' : 'submitted', at: v.at, staffId: v.staffId, note: v.reason }
    const steps = [status.decision, status.acknowledged].flatMap((s) => (s ? [{ key: s.id, kind: s.step, at: s.at, staffId: s.staffId, note: s.comment }] : []))
    return { status, lines: [made, ...steps] }
  })
}
