/**
 * Inspections of a period against the regulations' frequency and the nonconformities they found
 * (篇2 4.4.2–4.4.4): the supervisor at least 3 a week (`SUPERVISOR_WEEKLY_QUOTA`, at the pace
 * `quotaStanding` keeps: ⌈3n/7⌉ by day n), the administrator every day at handover — with an approved roster
 * for the month, only the days they are rostered on a desk shift (`owedDays`, as the today card counts them) —
 * and the manager ad hoc.
 * Nonconformities count against the person inspected (篇2 4.4.3: 作为绩效考核的依据), by checklist item (篇2 4.4.1 a–j).
 */
import { owedDays } from '../duty-roster'
import { SUPERVISOR_WEEKLY_QUOTA } from '../inspection-quota'
import { codeOn } from '../roster'
import { addDays } from '../time'
import type { InspectionKind } from '../inspection'
import type { Staff } from '../staff'
import type { Period } from './period'
import type { InspectionFigures, StatisticsInput, StatisticsInspector } from './types'

type Range = { start: number; end: number }

/** The inspector's role an inspection's kind implies (`kindFor` the other way), for an inspector no longer listed. */
const ROLE_OF_KIND: Record<InspectionKind, StatisticsInspector['role']> = { spot: 'supervisor', daily: 'administrator', adhoc: 'manager' }

const INSPECTOR_ROLES: ReadonlySet<string> = new Set<StatisticsInspector['role']>(['supervisor', 'administrator', 'manager'])

/** Who is expected to inspect among a site's staff (篇2 4.4.2–4.4.4): the active supervisors, administrators and managers. */
export function inspectorsOf(staff: readonly Pick<Staff, 'id' | 'role' | 'active'>[]): StatisticsInspector[] {
  return staff.filter((s) => s.active && INSPECTOR_ROLES.has(s.role)).map((s) => ({ id: s.id, role: s.role as StatisticsInspector['role'] }))
}

/** The dates of the period up to and including `today`. */
function datesSoFar(period: Pick<Period, 'from' | 'to'>, today: string): string[] {
  const out: string[] = []
  for (let d = period.from; d <= period.to && d <= today; d = addDays(d, 1)) out.push(d)
  return out
}

/**
 * What a person owes over the period so far: a supervisor ⌈3 × days / 7⌉; an administrator one a day, or
 * with the month's roster in force (`rosters`) one a day they stand a desk shift (篇2 4.4.4); a manager nothing set.
 */
function requiredOf(staffId: string, role: StatisticsInspector['role'], dates: readonly string[], rosters: StatisticsInput['rosters']): number | null {
  if (role === 'supervisor') return Math.ceil((SUPERVISOR_WEEKLY_QUOTA * dates.length) / 7)
  if (role !== 'administrator') return null
  if (!rosters?.length) return dates.length
  const byMonth = new Map(rosters.map((v) => [v.month, v]))
  return owedDays(staffId, dates, (m) => byMonth.has(m), (id, d) => codeOn(byMonth.get(d.slice(0, 7))!, id, d)).size
}

export function inspectionFigures(input: Pick<StatisticsInput, 'inspections' | 'nonconformities' | 'inspectors' | 'rosters'>, period: Period, range: Range, today: string): InspectionFigures {
  const dates = datesSoFar(period, today)
  const required = (staffId: string, role: StatisticsInspector['role']): number | null => requiredOf(staffId, role, dates, input.rosters)
  const lines = new Map(input.inspectors.map((p) => [p.id, { staffId: p.id, role: p.role, done: 0, required: required(p.id, p.role) }]))
  let total = 0
  for (const i of input.inspections) {
    if (i.at < range.start || i.at >= range.end) continue
    total++
    let line = lines.get(i.inspectorId)
    if (!line) {
      const role = ROLE_OF_KIND[i.kind]
      lines.set(i.inspectorId, (line = { staffId: i.inspectorId, role, done: 0, required: required(i.inspectorId, role) }))
    }
    line.done++
  }
  const byItem: Record<string, number> = {}
  const byPerson = new Map<string, number>()
  let nonconformities = 0
  for (const nc of input.nonconformities) {
    if (nc.at < range.start || nc.at >= range.end) continue
    nonconformities++
    byItem[nc.itemCode] = (byItem[nc.itemCode] ?? 0) + 1
    byPerson.set(nc.staffId, (byPerson.get(nc.staffId) ?? 0) + 1)
  }
  return {
    total,
    byInspector: [...lines.values()],
    nonconformities,
    byItem,
    byPerson: [...byPerson].map(([staffId, count]) => ({ staffId, count })).sort((a, b) => b.count - a.count || (a.staffId < b.staffId ? -1 : 1)),
  }
}
