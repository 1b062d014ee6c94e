/**
 * The company's sites side by side as a workbook (issue 16 point 4): a sheet for the period and one for the
 * period before, a row per site and the company's, the columns of the console's table
 * (`shared/sync/statistics-comparison.ts`: the same rows, so the file and the screen agree), shares as
 * percentages and times in hours. Only figures: no owner's name or phone, no staff name, no request's words.
 */
import { COMPARISON_COLUMNS, isHours, isShare, siteRow, totalRow, type ComparisonColumn, type ComparisonRow } from '@shared/sync/statistics-comparison'
import type { CompanyStatistics } from '@shared/sync/statistics-api'
import type { Period } from '@shared/domain/statistics'
import { addSheet, newWorkbook } from './xlsx'

/** The server's own words for the columns (it never imports the console's locale files). */
const HEADERS: Record<ComparisonColumn, string> = {
  requests: '登记总数',
  within2: '2天内完成',
  within2Share: '2天内完成率',
  within7: '7天内完成',
  within7Share: '7天内完成率',
  toManager: '移交经理',
  unresolvable: '无法解决结案',
  open: '未完成',
  medianHours: '完成时长中位数(小时)',
  p90Hours: '完成时长90%分位(小时)',
  complaints: '投诉',
  complaintsInTime: '24小时内答复',
  complaintsInTimeShare: '24小时内答复率',
  complaintsOverdue: '投诉逾期未答复',
  visitsDone: '回访完成',
  satisfied: '满意(含非常满意)',
  satisfiedShare: '满意率',
  inspections: '检查次数',
  inspectionsRequired: '应检次数',
  inspectionsQuotaShare: '检查完成率',
  nonconformities: '不合格项',
  handoversLate: '接班迟到',
  handoverMismatches: '交接数量不符',
  noShows: '未接班',
  reportedUp: '值班上报事项',
}

export const TOTAL_LABEL = '公司合计'

const periodName = (p: Period): string => `${p.from} 至 ${p.to}`

function sheetOf(workbook: Awaited<ReturnType<typeof newWorkbook>>, name: string, period: Period, rows: readonly (readonly [string, ComparisonRow])[]): void {
  const sheet = addSheet(workbook, name, [{ field: 'site', header: `项目 (${periodName(period)})`, width: 28 }, ...COMPARISON_COLUMNS.map((c) => ({ field: c, header: HEADERS[c], width: 14 }))])
  for (const [site, row] of rows) {
    const cells: Record<string, string | number | null> = { site }
    for (const c of COMPARISON_COLUMNS) cells[c] = row[c] === null ? '—' : isHours(c) ? Math.round(row[c] * 10) / 10 : row[c]
    sheet.addRow(cells)
  }
  for (const c of COMPARISON_COLUMNS) if (isShare(c)) sheet.getColumn(c).numFmt = '0.0%'
  sheet.lastRow!.font = { bold: true }
}

export async function buildStatisticsWorkbook(stats: CompanyStatistics): Promise<Buffer> {
  const workbook = await newWorkbook()
  const rows = (which: 'current' | 'previous'): [string, ComparisonRow][] => [
    ...stats.sites.map((s): [string, ComparisonRow] => [s.name, siteRow(s.statistics[which])]),
    [TOTAL_LABEL, totalRow(stats.total[which])],
  ]
  sheetOf(workbook, '本期', stats.period, rows('current'))
  sheetOf(workbook, '上期', stats.previous, rows('previous'))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The file's name: 公司统计_2026-11-01_2026-11-30.xlsx. */
export const statisticsFileName = (p: Period): string => `公司统计_${p.from}_${p.to}.xlsx`
