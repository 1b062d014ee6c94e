/**
 * The workbook's cells (issue 12 point 7): times as formatDateTime writes them, through one Intl
 * formatter (across daylight-saving changes too); names for ids; words for codes; yuan for fen; no
 * image data and nothing longer than Excel takes in a cell.
 */
import { describe, expect, it } from 'vitest'
import { cellOf, columnsOf, timeFormatter, type Names } from '@server/admin/site-export-columns'
import { formatDateTime } from '@shared/domain/time'

const names: Names = { staff: new Map([['s1', '王管理']]), departments: new Map([['d1', '工程部']]), rooms: new Map([['r1', '3-2-1101']]), receptions: new Map([['x1', '20261127-A001']]) }

describe('site workbook cells', () => {
  it('writes times as formatDateTime does, in the site’s zone, daylight saving included', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Europe/London']) {
      const time = timeFormatter(zone)
      for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2027, 0, 1); at += 3_600_000 * 11 + 60_000 * 7) expect(time(at), `${zone} ${at}`).toBe(formatDateTime(at, zone))
    }
  })

  it('shows names for ids, words for codes, yuan for fen, 是/否, and never image data', () => {
    const time = timeFormatter('Asia/Shanghai')
    expect(cellOf('receiverId', 's1', time, names)).toBe('王管理')
    // No code reaches the sheet raw: a tablet's kind and a review's are words.
    expect([cellOf('kind', 'desk', time, names), cellOf('kind', 'registerWeekly', time, names)]).toEqual(['前台平板', '接待登记周审'])
    expect(cellOf('inspectedIds', ['s1', 'gone'], time, names)).toBe('王管理、gone')
    expect(cellOf('departmentId', 'd1', time, names)).toBe('工程部')
    expect(cellOf('roomId', 'r1', time, names)).toBe('3-2-1101')
    expect(cellOf('receptionId', 'x1', time, names)).toBe('20261127-A001')
    expect(cellOf('category', 'complaint', time, names)).toBe('投诉')
    expect(cellOf('amountFen', 1250, time, names)).toBe(12.5)
    expect(cellOf('active', false, time, names)).toBe('否')
    expect(cellOf('receivedAt', Date.UTC(2026, 10, 27, 2), time, names)).toBe('2026-11-27 10:00')
    expect(cellOf('image', 'data:image/png;base64,AAAA', time, names)).toBe('(图像,见 JSON 导出)')
    expect(String(cellOf('note', 'x'.repeat(40_000), time, names))).toHaveLength(32_767)
    expect(cellOf('counts', [{ name: '钥匙', counted: 3 }], time, names)).toBe('[{"name":"钥匙","counted":3}]')
  })

  it('heads every column in Chinese and leaves out the site and the PIN', () => {
    const staff = columnsOf('staff')
    expect(staff.map((c) => c.field)).not.toContain('pin')
    expect(staff.map((c) => c.field)).not.toContain('siteId')
    for (const table of ['receptions', 'customers', 'dutyEntries', 'handovers', 'inspections', 'paidServices', 'devices']) {
      for (const c of columnsOf(table)) expect(c.header, `${table}.${c.field}`).toMatch(/^[\u4e00-\u9fff]/)
    }
  })
})
