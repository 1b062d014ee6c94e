/**
 * A version's frozen roster judged as a whole (issue 13 point 7): the same people on the same days as
 * another, and well formed — one row per person and lane, a code for every day of the month, the desk only
 * for who stands it (篇2 4.1.2), codes of its own legend. The tablet builds snapshots this way; the server
 * checks what a tablet sends by it.
 */
import type { Role } from './role'
import { codeFits, daysOf, LEAVE, laneFor, REST, type RosterSnapshot } from './roster'

/** Do two snapshots roster the same people on the same days (names and legend aside)? */
export function sameRoster(a: RosterSnapshot, b: RosterSnapshot): boolean {
  const rows = (s: RosterSnapshot): Map<string, string> => new Map(s.rows.filter((r) => r.days.some(Boolean)).map((r) => [`${r.staffId}/${r.lane}`, r.days.join(',')]))
  const x = rows(a)
  const y = rows(b)
  return x.size === y.size && [...x].every(([k, v]) => y.get(k) === v)
}

export type SnapshotProblem = 'duplicateRow' | 'daysOfMonth' | 'unknownStaff' | 'notOnDesk' | 'codeNotForLane' | 'unknownShiftType'

/** What is wrong with `snapshot` for `month`; `roleOf` says a staff member's role (null: not of the site). */
export function snapshotProblems(month: string, snapshot: RosterSnapshot, roleOf: (staffId: string) => Role | null): SnapshotProblem[] {
  const out = new Set<SnapshotProblem>()
  const days = daysOf(month).length
  const legend = new Set(snapshot.shifts.map((s) => s.id))
  const seen = new Set<string>()
  for (const row of snapshot.rows) {
    const key = `${row.staffId}/${row.lane}`
    if (seen.has(key)) out.add('duplicateRow')
    seen.add(key)
    if (row.days.length !== days) out.add('daysOfMonth')
    const role = roleOf(row.staffId)
    if (!role) out.add('unknownStaff')
    else if (row.lane === 'desk' && laneFor(role) !== 'desk') out.add('notOnDesk')
    for (const code of row.days) {
      if (!codeFits(code, row.lane)) out.add('codeNotForLane')
      else if (code && code !== REST && code !== LEAVE && !legend.has(code)) out.add('unknownShiftType')
    }
  }
  return [...out]
}
