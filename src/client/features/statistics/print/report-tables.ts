/**
 * The 月度客服工作报告 as tables (issue 16 point 3): the headline shares, every card of 统计 with its series,
 * and the requests closed as unresolvable — the same tables on paper (rows of the print sheet) and in the
 * XLSX. Pure; texts through `t`.
 */
import { formatDateTime } from '@shared/domain/time'
import type { SiteStatistics } from '@shared/domain/statistics'
import type { PrintRow } from '@client/components/print-types'
import type { Translate } from '@client/locales/translate'
import { headlineFigures, statisticsCards } from '../composables/statistics-cards'

export interface ReportTable {
  id: string
  title: string
  headers: string[]
  rows: (string | number)[][]
}

const cell = (v: number | null): string | number => (v === null ? '—' : v)

export function reportTables(s: SiteStatistics, t: Translate, name: (id: string) => string): ReportTable[] {
  const item = t('statistics.report.item')
  const both = [item, t('statistics.series.current'), t('statistics.series.previous')]
  const headline: ReportTable = { id: 'headline', title: t('statistics.report.headline'), headers: both, rows: headlineFigures(s, t).map((f) => [f.label, f.value, f.previous]) }
  const cards = statisticsCards(s, t, name).map((c) => ({ id: c.id, title: c.title, headers: [item, ...c.series], rows: c.rows.map((r) => [r.label, ...r.values.map(cell)]) }))
  const unresolvable: ReportTable = {
    id: 'unresolvable',
    title: t('statistics.cards.unresolvable'),
    headers: [t('statistics.report.ref'), t('statistics.report.category'), t('statistics.report.closedAt'), t('statistics.report.reason')],
    rows: s.current.unresolvable.map((c) => [c.ref, t(`statistics.categories.${c.category}`), formatDateTime(c.closedAt, s.timezone), c.reason]),
  }
  return [headline, ...cards, unresolvable]
}

/** The figure tables as rows of one print sheet (项目 / 本期 / 上期): each table's title row names its series. */
export function figureRows(tables: readonly ReportTable[]): PrintRow[] {
  const out: PrintRow[] = []
  for (const table of tables) {
    if (table.id === 'unresolvable') continue
    out.push({ item: `【${table.title}】`, a: table.headers[1] ?? '', b: table.headers[2] ?? '' })
    if (!table.rows.length) out.push({ item: '—', a: '', b: '' })
    for (const r of table.rows) out.push({ item: String(r[0]), a: String(r[1] ?? ''), b: r.length > 2 ? String(r[2]) : '' })
  }
  return out
}

/** The unresolvable requests as rows of the second sheet; one row saying none when there are none. */
export function unresolvableRows(tables: readonly ReportTable[], none: string): PrintRow[] {
  const rows = tables.find((x) => x.id === 'unresolvable')?.rows ?? []
  return rows.length ? rows.map(([ref, category, closedAt, reason]) => ({ ref: String(ref), category: String(category), closedAt: String(closedAt), reason: String(reason) })) : [{ ref: none, category: '', closedAt: '', reason: '' }]
}
