import { describe, expect, it } from 'vitest'
import { readSheet, SheetReadError } from '@client/features/archive/import/read-sheet'
import { findHeaderRow, suggestMapping } from '@client/features/archive/import/import-columns'
import { csvText, gbk, utf16le, utf8, xlsxBytes } from './sheets'

const HEAD = ['楼栋', '单元', '房号', '业主姓名', '性别', '联系电话', '入伙日期', '身份', '备注']
const ROW = ['3栋', '2单元', '1101', '王建国', '男', '13800138000', '2019-06-01', '业主', '']

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(SheetReadError)
  return (e as SheetReadError).code
}

describe('readSheet', () => {
  it('reads an XLSX: cells as text, dates as YYYY-MM-DD, numbers whole, merged cells filled, the title row found above the header', async () => {
    const bytes = await xlsxBytes(
      [
        ['翠苑小区业主信息表'],
        HEAD,
        ['3栋', 2, 1101, '王建国', '男', 13800138000, new Date(Date.UTC(2019, 5, 1)), '业主', null],
        [null, 2, 1102, '李秀英', '女', '0571-88886666', '2020/5/1', '', ''],
      ],
      { merge: ['A3:A4'] },
    )
    const sheet = await readSheet(bytes)
    expect(sheet).toMatchObject({ format: 'xlsx', sheetName: '业主信息', rowNumbers: [1, 2, 3, 4], columnCount: 9 })
    expect(sheet.rows[2]).toEqual(['3栋', '2', '1101', '王建国', '男', '13800138000', '2019-06-01', '业主'])
    expect(sheet.rows[3]!.slice(0, 3)).toEqual(['3栋', '2', '1102'])
    const header = findHeaderRow(sheet.rows)
    expect(header).toBe(1)
    expect(suggestMapping(sheet.rows[header]!)).toEqual(['building', 'unit', 'number', 'name', 'honorific', 'phones', 'moveInDate', 'relation', 'note'])
  })

  it('skips an empty first sheet and keeps the sheet’s own row numbers when rows are blank', async () => {
    const sheet = await readSheet(await xlsxBytes([HEAD, [], ROW], { emptyFirstSheet: true }))
    expect(sheet.sheetName).toBe('业主信息')
    expect(sheet.rowNumbers).toEqual([1, 3])
  })

  it('gives a formula cell its result and keeps text starting with = + - @ as text', async () => {
    const sheet = await readSheet(await xlsxBytes([HEAD, ['3', '2', '1101', { formula: 'CONCAT("王","建国")', result: '王建国' }, '', '=13800138000', '', '', '@所有人'], ['3', '2', '1102', '-王', '', '+8613800138000', '', '', '=SUM(A1:A9)']]))
    expect(sheet.rows[1]).toEqual(['3', '2', '1101', '王建国', '', '=13800138000', '', '', '@所有人'])
    expect(sheet.rows[2]).toEqual(['3', '2', '1102', '-王', '', '+8613800138000', '', '', '=SUM(A1:A9)'])
  })

  it.each([
    ['UTF-8', utf8(csvText([HEAD, ROW]))],
    ['UTF-8 with BOM', utf8(csvText([HEAD, ROW]), true)],
    ['GBK (Excel for Chinese Windows)', gbk(csvText([HEAD, ROW]))],
    ['UTF-16 with tabs (Unicode 文本)', utf16le(csvText([HEAD, ROW], '\t'))],
  ])('reads a CSV in %s', async (_what, bytes) => {
    const sheet = await readSheet(bytes)
    expect(sheet.format).toBe('csv')
    expect(sheet.rows).toEqual([HEAD, ROW.slice(0, 8)])
  })

  it('keeps CSV cells as they are: leading zeros, dates as written, formulas as text', async () => {
    const sheet = await readSheet(utf8(csvText([HEAD, ['3', '02', '0101', '=HYPERLINK("http://x","王")', '', '057188886666', '2019/6/1', '', '-1']])))
    expect(sheet.rows[1]).toEqual(['3', '02', '0101', '=HYPERLINK("http://x","王")', '', '057188886666', '2019/6/1', '', '-1'])
  })

  it('reads quoted cells with commas and line breaks', async () => {
    const sheet = await readSheet(utf8(csvText([HEAD, ['3', '2', '1101', '王建国', '', '13800138000, 13900139000', '', '', '钥匙在\n前台']])))
    expect(sheet.rows[1]![5]).toBe('13800138000, 13900139000')
    expect(sheet.rows[1]![8]).toBe('钥匙在\n前台')
  })

  it.each([
    ['a picture', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), 'notSpreadsheet'],
    ['a zip that is not a workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 'notSpreadsheet'],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'oldExcel'],
    ['an empty file', new Uint8Array([]), 'emptySheet'],
    ['a CSV with only blank lines', utf8('\r\n , ,\r\n\r\n'), 'emptySheet'],
  ])('refuses %s', async (_what, bytes, code) => {
    expect(await codeOf(readSheet(bytes))).toBe(code)
  })

  it('refuses a workbook whose sheets are all empty', async () => {
    expect(await codeOf(readSheet(await xlsxBytes([])))).toBe('emptySheet')
  })
})
