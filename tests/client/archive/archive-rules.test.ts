// The pure archive rules (shared/domain/archive-edit.ts, features/archive/import/import-rows.ts), table-driven.
import { describe, expect, it } from 'vitest'
import { isValidDate, normaliseDate, normalisePhone, parsePhones, phoneProblem } from '@shared/domain/archive-edit'
import { columnLetter, fieldForHeader, findHeaderRow, suggestMapping, type ColumnMapping } from '@client/features/archive/import/import-columns'
import { parseHonorific, parseRelation, parseRoomText, planImport, skippedRows } from '@client/features/archive/import/import-rows'

describe('phones', () => {
  it.each([
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['(0571) 8888-6666', '057188886666'],
    ['8613800138000', '13800138000'],
  ])('normalises %s to %s', (text, digits) => expect(normalisePhone(text)).toBe(digits))

  it.each([
    ['13800138000', null],
    ['057188886666', null],
    ['88886666', null],
    ['12345', null],
    ['95598', null],
    ['1380013800', 'mobileInvalid'],
    ['138001380001', 'mobileInvalid'],
    ['8888', 'phoneInvalid'],
    ['057188886666123456789', 'phoneInvalid'],
  ])('%s → %s', (digits, problem) => expect(phoneProblem(digits)).toBe(problem))

  it('splits several numbers in one cell and drops duplicates', () => {
    expect(parsePhones(['13800138000/13900139000、0571-88886666;13800138000\n13700137000'])).toEqual({
      phones: ['13800138000', '13900139000', '057188886666', '13700137000'],
      problems: [],
    })
  })
})

describe('dates', () => {
  it.each([
    ['2020-05-01', '2020-05-01'],
    ['2020/5/1', '2020-05-01'],
    ['2020.5.1', '2020-05-01'],
    ['2020年5月1日', '2020-05-01'],
    ['20200501', '2020-05-01'],
    ['43952', '2020-05-01'],
    ['', ''],
    ['2023-02-29', null],
    ['2024-02-29', '2024-02-29'],
    ['2020-13-01', null],
    ['去年', null],
    ['5/1/2020', null],
  ])('%s → %s', (text, date) => expect(normaliseDate(text)).toBe(date))

  it('knows real calendar dates only', () => {
    expect(isValidDate('2024-04-31')).toBe(false)
    expect(isValidDate('2024-04-30')).toBe(true)
  })
})

describe('sheet headers', () => {
  it.each([
    ['楼栋', 'building'],
    ['栋号', 'building'],
    ['楼号', 'building'],
    ['单元', 'unit'],
    ['房号', 'number'],
    ['房间号', 'number'],
    ['室号', 'number'],
    ['业主姓名', 'name'],
    ['姓名', 'name'],
    ['住户', 'name'],
    ['性别', 'honorific'],
    ['称谓', 'honorific'],
    ['联系电话', 'phones'],
    ['手机号码', 'phones'],
    ['联系电话(手机)', 'phones'],
    ['入伙日期', 'moveInDate'],
    ['交房日期', 'moveInDate'],
    ['身份', 'relation'],
    ['备注', 'note'],
    ['面积', null],
    ['', null],
  ])('%s → %s', (header, field) => expect(fieldForHeader(header)).toBe(field))

  it('gives each field one column, phones every phone column', () => {
    expect(suggestMapping(['房号', '姓名', '手机', '固话', '姓名'])).toEqual(['number', 'name', 'phones', 'phones', null])
  })

  it('finds the header row under a title row, or takes the first row', () => {
    expect(findHeaderRow([['翠苑小区业主信息表'], ['序号', '房号', '姓名'], ['1', '3-2-1101', '王']])).toBe(1)
    expect(findHeaderRow([['a', 'b'], ['1', '2']])).toBe(0)
  })

  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA'])
  })
})

describe('cells', () => {
  it.each([
    ['3-2-1101', { building: '3', unit: '2', number: '1101' }],
    ['3栋2单元1101室', { building: '3', unit: '2', number: '1101' }],
    ['A座1101', { building: 'A', unit: '', number: '1101' }],
    ['12-0301', { building: '12', unit: '', number: '0301' }],
    ['1101', null],
  ])('room %s', (text, room) => expect(parseRoomText(text)).toEqual(room))

  it.each([
    ['', 'owner'],
    ['业主', 'owner'],
    ['户主', 'owner'],
    ['租户', 'tenant'],
    ['租客', 'tenant'],
    ['家属', 'family'],
    ['配偶', 'family'],
    ['邻居', null],
  ])('relation %s → %s', (text, relation) => expect(parseRelation(text)).toBe(relation))

  it.each([
    ['', 'none'],
    ['男', 'mr'],
    ['先生', 'mr'],
    ['女', 'ms'],
    ['小姐', 'ms'],
    ['女士', 'ms'],
    ['未知', null],
  ])('honorific %s → %s', (text, honorific) => expect(parseHonorific(text)).toBe(honorific))
})

describe('repeated rows (issue 10 point 5: never merged without a word)', () => {
  const MAPPING: ColumnMapping = ['number', 'name', 'phones', null]
  const plan = (rows: string[][]) => planImport({ rows: [['房号', '姓名', '电话', '车位'], ...rows], rowNumbers: [1, ...rows.map((_, i) => i + 2)] }, 0, MAPPING)
  const duplicates = (rows: string[][]) => plan(rows).problems.map((p) => [p.row, p.code, p.otherRow, p.column, p.value])

  it.each<{ name: string; rows: string[][]; problems: unknown[] }>([
    { name: 'the same person in the same room, written alike', rows: [['3-2-1101', '王建国', ''], ['3-2-1101', '王建国', '']], problems: [[3, 'duplicateRow', 2, 'B', '王建国']] },
    { name: 'the same room spelled another way, with another phone', rows: [['3-2-1101', '王建国', '13800138000'], ['3栋2单元1101室', '王建国', '13900139000']], problems: [[3, 'duplicateRow', 2, 'B', '王建国']] },
    { name: 'three times: each repeat names the first', rows: [['3-2-1101', '王建国', ''], ['3-2-1102', '李秀英', ''], ['3-2-1101', '王建国', ''], ['3-2-1101', '王建国', '']], problems: [[4, 'duplicateRow', 2, 'B', '王建国'], [5, 'duplicateRow', 2, 'B', '王建国']] },
    { name: 'the same name in another room is another person', rows: [['3-2-1101', '王建国', ''], ['3-2-1102', '王建国', '']], problems: [] },
    { name: 'two people in one room', rows: [['3-2-1101', '王建国', ''], ['3-2-1101', '李秀英', '']], problems: [] },
    { name: 'a vacant room written twice', rows: [['3-2-1101', '', ''], ['3-2-1101', '', '']], problems: [] },
    { name: 'a repeat of a row that has a problem of its own is not a repeat of anything imported', rows: [['3-2-1101', '王建国', '138'], ['3-2-1101', '王建国', '']], problems: [[2, 'phoneInvalid', undefined, 'C', '138']] },
  ])('$name', ({ rows, problems }) => {
    expect(duplicates(rows)).toEqual(problems)
  })

  it('leaves the repeat out of the plan: the first row stands as written', () => {
    const p = plan([['3-2-1101', '王建国', '13800138000'], ['3-2-1101', '王建国', '13900139000']])
    expect(p.rooms.map((r) => [r.label, r.rows, r.customers.map((c) => [c.name, c.phones, c.rows])])).toEqual([['3-2-1101', [2], [['王建国', ['13800138000'], [2]]]]])
    expect(p.rowCount).toBe(2)
  })

  it('gives the skipped rows back with the header and every column as they were, in sheet order', () => {
    const rows = [['3-2-1101', '王建国', '', 'B-1'], ['3-2-1102', '李秀英', '138'], ['3-2-1101', '王建国', '', 'B-9']]
    const p = plan(rows)
    const sheet = { rows: [['房号', '姓名', '电话', '车位'], ...rows], rowNumbers: [1, 2, 3, 4] }
    expect(skippedRows(sheet, 0, 4, [...p.problems].reverse())).toEqual({
      header: ['房号', '姓名', '电话', '车位'],
      rows: [
        { row: 3, cells: ['3-2-1102', '李秀英', '138', ''], problems: [expect.objectContaining({ code: 'phoneInvalid' })] },
        { row: 4, cells: ['3-2-1101', '王建国', '', 'B-9'], problems: [expect.objectContaining({ code: 'duplicateRow', otherRow: 2 })] },
      ],
    })
  })
})
