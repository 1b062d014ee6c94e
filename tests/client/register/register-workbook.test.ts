import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { registerRows, registerTable } from '@client/features/register/rows/register-rows'
import { registerCsv, registerXlsx } from '@client/features/register/export/register-workbook'
import { HOUR } from '@shared/domain/time'
import { makeContext, makeEvent, makeReception, zhText } from '../../factories/register-print'

const HEADERS = ['序号', '接待日期', '业主姓名/联系电话', '房号', '事由', '类别', '来访方式', '处理情况及结果', '完成日期', '接待人', '编号']

function table(fullPhones: boolean): ReturnType<typeof registerTable> {
  const safe = makeReception({ ref: '20261116-A001' })
  const evil = makeReception({
    ref: '20261116-A002',
    receivedAt: safe.receivedAt + HOUR,
    customerName: '@张三',
    phone: '13812345678',
    matter: '=HYPERLINK("http://evil.example","点我")',
    category: 'complaint',
    channel: 'relayed',
    relayedBy: '秩序部岗亭',
  })
  const result = makeEvent(evil, 'result', evil.receivedAt + HOUR, { note: '-2+3' })
  return registerTable(registerRows([{ reception: safe, events: [] }, { reception: evil, events: [result] }], makeContext({ fullPhones })), zhText)
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  return workbook.getWorksheet('接待记录')!
}

describe('register export files', () => {
  it('writes an XLSX whose text cells are string cells as written — no apostrophe, never a formula — with 类别 and 来访方式 in their own columns', async () => {
    const sheet = await readBack(await registerXlsx(table(false), '接待记录'))
    expect(sheet.rowCount).toBe(3)
    const values = (n: number): unknown[] => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(1)).toEqual(HEADERS)
    expect(values(2)[0]).toBe(1)
    expect(values(2).slice(4, 7)).toEqual(['厨房水龙头漏水', '报修', '来电'])
    expect(values(2)[10]).toBe('20261116-A001')
    expect(values(3)[2]).toBe('@张三先生 / 138****5678')
    expect(values(3).slice(4, 8)).toEqual(['=HYPERLINK("http://evil.example","点我")', '投诉', '秩序部岗亭转告', '-2+3(李娜);待回访'])
    for (let c = 2; c <= HEADERS.length; c++) {
      const cell = sheet.getRow(3).getCell(c)
      expect(cell.type, HEADERS[c - 1]).toBe(ExcelJS.ValueType.String)
      expect(cell.formula).toBeUndefined()
      expect(String(cell.value)).not.toMatch(/^'/)
    }
    // 序号 stays a number to sort by; the text columns are formatted as text.
    expect(sheet.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.Number)
    expect(sheet.getColumn(3).numFmt).toBe('@')
  })

  it('writes a UTF-8 CSV with a byte-order mark, Chinese headers, neutralised cells and the phones the viewer may see', async () => {
    const bytes = await registerCsv(table(true), '接待记录')
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8').decode(bytes.slice(3))
    const lines = text.split(/\r?\n/)
    expect(lines[0]).toBe(HEADERS.join(','))
    expect(lines[2]).toContain("'@张三先生 / 13812345678")
    expect(lines[2]).toContain('"\'=HYPERLINK(""http://evil.example"",""点我"")",投诉,秩序部岗亭转告,\'-2+3(李娜);待回访')
    expect(lines.slice(1).every((l) => !/(^|,)[=+\-@]/.test(l))).toBe(true)
  })
})
