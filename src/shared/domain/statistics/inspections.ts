/**
 * Inspections of a period against the regulations' frequency and the nonconformities they found
 * (篇2 4.4.2–4.4.4): the supervisor at least 3 a week (`SUPERVISOR_WEEKLY_QUOTA`, at the pace
 * `quotaStanding` keeps: ⌈3n/7⌉ by day n), the administrator every day at handover, the manager ad hoc.
 * Nonconformities count against the person inspected (篇2 4.4.3: 作为绩效考核的依据), by checklist item (篇2 4.4.1 a–j).
 */
import { SUPERVISOR_WEEKLY_QUOTA } from '../inspection-quota'
import type { InspectionKind } from '../inspection'
import type { Staff } from '../staff'
import { periodLength, type Period } from './period'
import type { InspectionFigures, StatisticsInput, StatisticsInspector } from './types'

type Range = { start: number; end: number }

/** The inspector's role an inspection's kind implies (`kindFor` the other way), for an inspector no longer listed. */
const ROLE_OF_KIND: Record<InspectionKind, StatisticsInspector['role']> = { spot: 'supervisor', daily: 'administrator', adhoc: 'manager' }

const INSPECTOR_ROLES: ReadonlySet<string> = new Set<StatisticsInspector['role']>(['supervisor', 'administrator', 'manager'])

/** Who is expected to inspect among a site's staff (篇2 4.4.2–4.4.4): the active supervisors, administrators and managers. */
export function inspectorsOf(staff: readonly Pick<Staff, 'id' | 'role' | 'active'>[]): StatisticsInspector[] {
  return staff.filter((s) => s.active && INSPECTOR_ROLES.has(s.role)).map((s) => ({ id: s.id, role: s.role as StatisticsInspector['role'] }))
}

/** Days of the period up to and including `today` (a period still running asks only for its days so far). */
export function daysSoFar(period: Pick<Period, 'from' | 'to'>, today: string): number {
  if (today < period.from) return 0
  return today >= period.to ? periodLength(period) : periodLength({ from: period.from, to: today })
}

export function required(role: StatisticsInspector['role'], days: number): number | null {
  if (role === 'supervisor') return Math.ceil((SUPERVISOR_WEEKLY_QUOTA * days) / 7)
  if (role === 'administrator') return days
  return null
}

export function inspectionFigures(input: Pick<StatisticsInput, 'inspections' | 'nonconformities' | 'inspectors'>, period: Period, range: Range, today: string): InspectionFigures {
  const days = daysSoFar(period, today)
  const lines = new Map(input.inspectors.map((p) => [p.id, { staffId: p.id, role: p.role, done: 0, required: required(p.role, days) }]))
  let total = 0
  for (const i of input.inspections) {
    if (i.at < range.start || i.at >= range.end) continue
    total++
    let line = lines.get(i.inspectorId)
    if (!line) {
      const role = ROLE_OF_KIND[i.kind]
      lines.set(i.inspectorId, (line = { staffId: i.inspectorId, role, done: 0, required: required(role, days) }))
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
