import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { monthPeriod, siteStatistics } from '@shared/domain/statistics'
import { instantAt } from '@shared/domain/time'
import { figureRows, reportTables, unresolvableRows } from '@client/features/statistics/print/report-tables'
import { reportXlsx } from '@client/features/statistics/export/report-workbook'
import { MESSAGES } from '@client/locales/messages'
import type { Translate } from '@client/locales/translate'
import { emptyInput, request } from '../../factories/statistics'

const messages = MESSAGES['zh-CN'] as Record<string, unknown>
const t: Translate = (key, params = {}) => {
  const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages)
  if (typeof text !== 'string') throw new Error(`no text for ${key}`)
  return text.replace(/\{(\w+)\}/g, (_, n: string) => String(params[n] ?? ''))
}
const at = (d: string, hm: string): number => instantAt(d, hm, 'Asia/Shanghai')
const stats = siteStatistics(
  emptyInput({
    requests: [
      request('repair', at('2026-11-02', '09:00'), [['result', at('2026-11-02', '12:00')]]),
      request('complaint', at('2026-11-03', '09:00'), [['closedUnresolvable', at('2026-11-12', '09:00'), { note: '开发商遗留,已告知业主 13812345678' }]], 'visit', '20261103-A001'),
    ],
  }),
  monthPeriod('2026-11'),
  at('2026-12-02', '10:00'),
)

describe('the monthly report’s tables', () => {
  const tables = reportTables(stats, t, () => '李娜')

  it('holds the headline, every card and the unresolvable, each with its series as headers', () => {
    expect(tables.map((x) => x.id)).toEqual(['headline', 'byDay', 'byCategory', 'byChannel', 'openQueue', 'openAge', 'completion', 'complaints', 'returnVisits', 'desk', 'inspections', 'nonconformities', 'byPerson', 'unresolvable'])
    expect(tables[0]!.rows[0]).toEqual(['接待量', '2', '0'])
    expect(tables.find((x) => x.id === 'byCategory')!.rows[0]).toEqual(['报修', 1, 0])
    expect(tables.at(-1)!.rows).toEqual([['20261103-A001', '投诉', '2026-11-12 09:00', '开发商遗留,已告知业主 138****5678']])
  })

  it('prints as rows of one sheet, each table under a title row naming its series; none listed says so', () => {
    const rows = figureRows(tables)
    expect(rows[0]).toEqual({ item: '【主要指标】', a: '本期', b: '上期' })
    expect(rows).toContainEqual({ item: '【质量检查次数(篇2 4.4)】', a: '已检查', b: '应检查' })
    expect(unresolvableRows(tables, '无')).toHaveLength(1)
    expect(unresolvableRows([], '本期没有')).toEqual([{ ref: '本期没有', category: '', closedAt: '', reason: '' }])
  })

  it('writes the same tables to an XLSX that reads back', async () => {
    const bytes = await reportXlsx(tables, '月度报告', '翠苑小区 月度客服工作报告 2026-11')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const sheet = book.getWorksheet('月度报告')!
    expect(sheet.getRow(1).getCell(1).value).toBe('翠苑小区 月度客服工作报告 2026-11')
    const cells = sheet.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []))
    expect(cells).toContainEqual(['主要指标'])
    expect(cells).toContainEqual(['项目', '本期', '上期'])
    expect(cells).toContainEqual(['报修', 1, 0])
  })
})
