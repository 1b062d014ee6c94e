/**
 * The monthly appraisal 绩效考核 of quality inspections as a table (篇2 4.4.3–4.4.4: 不合格项……作为前台
 * 值班人员绩效考核的依据; issue 6 point 5): per person their nonconformities by item a–j, the total,
 * the totals of the three months before, and the trend. Used by the page and the Excel export alike.
 * Pure: texts come in through `t`.
 */
import type { AppraisalLine } from '@shared/domain/inspection-quota'
import { ITEM_CODES } from '@shared/domain/inspection-template'
import type { Role } from '@shared/domain/role'
import type { StaffCard } from '@shared/domain/staff'
import type { Translate } from '@client/locales/translate'

export type Trend = 'up' | 'down' | 'flat'

/** Roles that stand the desk and are inspected (篇2 4.4.3 前台值班人员): listed even with nothing found. */
const INSPECTED_ROLES: readonly Role[] = ['assistant', 'administrator']

/** The people to appraise: active desk staff who are inspected, and anyone (even inactive) with a nonconformity. */
export function appraisedStaffIds(staff: readonly Pick<StaffCard, 'id' | 'role' | 'active'>[], ncs: readonly { staffId: string }[]): string[] {
  return [...new Set([...staff.filter((s) => s.active && INSPECTED_ROLES.includes(s.role)).map((s) => s.id), ...ncs.map((n) => n.staffId)])]
}

/** The month against the mean of the months before: ↑ more nonconformities (worse), ↓ fewer, → the same. */
export function trendOf(line: Pick<AppraisalLine, 'total' | 'before'>): Trend {
  const mean = line.before.length ? line.before.reduce((a, b) => a + b, 0) / line.before.length : 0
  return line.total > mean ? 'up' : line.total < mean ? 'down' : 'flat'
}

export const TREND_MARKS: Record<Trend, string> = { up: '↑', down: '↓', flat: '→' }

/** The item columns: a–j of the regulations, then any other code a site's own checklist used. */
export function appraisalCodes(lines: readonly Pick<AppraisalLine, 'byItem'>[]): string[] {
  const extra = [...new Set(lines.flatMap((l) => Object.keys(l.byItem)))].filter((c) => !(ITEM_CODES as readonly string[]).includes(c)).sort()
  return [...ITEM_CODES, ...extra]
}

export interface AppraisalRow {
  staffId: string
  name: string
  role: Role | null
  byItem: number[]
  total: number
  before: number[]
  trend: Trend
}

/** One row per person, most nonconformities first, then by name. */
export function appraisalRows(lines: readonly AppraisalLine[], staff: readonly Pick<StaffCard, 'id' | 'name' | 'role'>[], codes: readonly string[], unknownName: string): AppraisalRow[] {
  const people = new Map(staff.map((s) => [s.id, s]))
  return lines
    .map((l) => ({
      staffId: l.staffId,
      name: people.get(l.staffId)?.name ?? unknownName,
      role: people.get(l.staffId)?.role ?? null,
      byItem: codes.map((c) => l.byItem[c] ?? 0),
      total: l.total,
      before: l.before,
      trend: trendOf(l),
    }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'))
}

/** The table as the spreadsheet holds it: headers and text cells as written (XLSX string cells are never evaluated), counts as numbers. */
export function appraisalSheet(rows: readonly AppraisalRow[], codes: readonly string[], months: readonly string[], t: Translate): { headers: string[]; rows: (string | number)[][] } {
  const before = months.slice(0, -1)
  return {
    headers: [t('inspectionReports.appraisal.columns.name'), t('inspectionReports.appraisal.columns.role'), ...codes, t('inspectionReports.appraisal.columns.total'), ...before, t('inspectionReports.appraisal.columns.trend')],
    rows: rows.map((r) => [r.name, r.role ? t(`roles.${r.role}`) : '', ...r.byItem, r.total, ...r.before, TREND_MARKS[r.trend]]),
  }
}
