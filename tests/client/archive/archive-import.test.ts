import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { freshDb } from '../../factories/db'
import { makeActor } from '../../factories/site'
import { makeCustomer, makeRoom } from '../../factories/archive'
import { readSheet, type SheetData } from '@client/features/archive/import/read-sheet'
import { checkImport, runImport } from '@client/features/archive/import/import-run'
import { RecordInvalidError } from '@client/db/errors'
import { findHeaderRow, suggestMapping, type ColumnMapping } from '@client/features/archive/import/import-columns'
import type { DeskbookDb } from '@client/db/database'
import type { Actor } from '@client/db/write-records'
import { skippedXlsx } from '@client/features/archive/import/skipped-sheet'
import { skippedReason } from '@client/features/archive/composables/import-problem-text'
import { createAppI18n } from '@client/modules/i18n'
import { MESSAGES } from '@client/locales/messages'
import { csvText, utf8, xlsxBytes, type Cell } from './sheets'

const HEAD = ['楼栋', '单元', '房号', '业主姓名', '性别', '联系电话', '入伙日期', '身份', '备注']

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

async function check(sheet: SheetData, actor: Actor, mapping?: ColumnMapping) {
  const header = findHeaderRow(sheet.rows)
  return checkImport(db, actor.siteId, sheet, header, mapping ?? suggestMapping(sheet.rows[header]!))
}

const csv = (rows: (string | number)[][]): Promise<SheetData> => readSheet(utf8(csvText(rows)))

describe('checking a sheet before importing', () => {
  it('lists every bad cell by row, column and header, and nothing is written', async () => {
    db = freshDb()
    const actor = makeActor()
    const sheet = await csv([
      HEAD,
      ['3', '2', '1101', '王建国', '男', '13800138000', '2019-06-01', '业主', ''],
      ['3', '2', '1102', '李秀英', '女', '1380013800', '2019-02-30', '邻居', ''],
      ['3', '2', '', '赵磊', '', '', '', '', ''],
      ['3', '2', '1104', '', '', '13900139000', '', '', ''],
      ['3', '2', '1105', '钱多多', '未知', '8888', '去年', '', ''],
    ])
    const result = await check(sheet, actor)
    expect(result.problems.map((p) => [p.row, p.column, p.header, p.code])).toEqual([
      [3, 'F', '联系电话', 'mobileInvalid'],
      [3, 'G', '入伙日期', 'dateInvalid'],
      [3, 'H', '身份', 'relationUnknown'],
      [4, 'C', '房号', 'numberMissing'],
      [5, 'D', '业主姓名', 'nameMissing'],
      [6, 'E', '性别', 'honorificUnknown'],
      [6, 'F', '联系电话', 'phoneInvalid'],
      [6, 'G', '入伙日期', 'dateInvalid'],
    ])
    expect(result.problems[0]!.value).toBe('1380013800')
    await expect(runImport(db, actor, result.plan!)).rejects.toBeInstanceOf(RecordInvalidError)
    expect(await db.rooms.count()).toBe(0)
    expect(await db.customers.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('says which required columns are missing (room number, name) or given twice', async () => {
    db = freshDb()
    const actor = makeActor()
    const sheet = await csv([['楼栋', '单元', '电话'], ['3', '2', '13800138000']])
    expect((await check(sheet, actor)).mappingProblems).toEqual([
      { code: 'columnMissing', field: 'number' },
      { code: 'columnMissing', field: 'name' },
    ])
    const twice = await check(await csv([['房号', '姓名', '业主'], ['3-2-1101', '王', '王']]), actor, ['number', 'name', 'name'])
    expect(twice.mappingProblems).toEqual([{ code: 'columnTwice', field: 'name' }])
    expect(twice.plan).toBeNull()
  })

  it('reads a room written whole in one column (3-2-1101, 3栋2单元1101室) and a room row without anyone as a vacant room', async () => {
    db = freshDb()
    const actor = makeActor()
    const result = await check(await csv([['房号', '姓名', '手机', '备注'], ['3-2-1101', '王建国', '13800138000', ''], ['3栋2单元1102室', '张女士', '', ''], ['3-2-1103', '', '', '未售']]), actor)
    expect(result.problems).toEqual([])
    expect(result.plan!.rooms.map((r) => [r.label, r.note, r.customers.map((c) => [c.name, c.honorific])])).toEqual([
      ['3-2-1101', '', [['王建国', 'none']]],
      ['3-2-1102', '', [['张女士', 'ms']]],
      ['3-2-1103', '未售', []],
    ])
  })
})

describe('importing', () => {
  it('merges rows of the same room into one room; a row repeating a person of that room is a problem naming both rows, never merged', async () => {
    db = freshDb()
    const actor = makeActor()
    const sheet = await csv([
      HEAD,
      ['3栋', '2单元', '1101', '王建国', '男', '13800138000', '2019-06-01', '业主', ''],
      ['3', '2', '1101室', '李秀英', '女', '13900139000', '', '家属', ''],
      ['3栋', '2', '1101', '王建国', '', '0571-88886666', '', '', '晚上联系'],
      ['3栋', '2', '1102', '赵磊', '', '13700137000 / 13700137001', '', '租户', ''],
      ['3栋', '2', '1102', '王建国', '', '', '', '', ''],
    ])
    const result = await check(sheet, actor)
    expect(result.problems).toEqual([{ row: 4, column: 'D', header: '业主姓名', code: 'duplicateRow', value: '王建国', otherRow: 2 }])
    expect(result.summary).toEqual({ rows: 5, imported: 4, skipped: 1, newRooms: 2, matchedRooms: 0, newCustomers: 4, changedCustomers: 0, unchangedCustomers: 0 })
    // Not without the clerk's choice to skip it.
    await expect(runImport(db, actor, result.plan!)).rejects.toBeInstanceOf(RecordInvalidError)
    expect(await db.customers.count()).toBe(0)
    const { summary, skipped } = await runImport(db, actor, result.plan!, { skipRows: [4] })
    expect(summary).toMatchObject({ imported: 4, skipped: 1 })
    expect(skipped.map((p) => [p.row, p.code, p.otherRow])).toEqual([[4, 'duplicateRow', 2]])
    const rooms = await db.rooms.toArray()
    expect(rooms.map((r) => r.label).sort()).toEqual(['3-2-1101', '3-2-1102'])
    // The first row stands as it was written; the repeat added nothing to it.
    const wang = await db.customers.where('name').equals('王建国').toArray()
    expect(wang.map((c) => [rooms.find((r) => r.id === c.roomId)!.label, c.phones, c.note]).sort()).toEqual([
      ['3-2-1101', ['13800138000'], ''],
      ['3-2-1102', [], ''],
    ])
    expect((await db.customers.where('name').equals('赵磊').first())!.phones).toEqual(['13700137000', '13700137001'])
    expect(await db.outbox.count()).toBe(6)
  })

  it('matches rooms already in the archive instead of duplicating them, and adds only what is new to known customers', async () => {
    db = freshDb()
    const actor = makeActor()
    const room = makeRoom({ siteId: actor.siteId, building: '3', unit: '2', number: '1101' })
    const wang = makeCustomer({ siteId: actor.siteId, roomId: room.id, name: '王建国', honorific: 'none', phones: ['13800138000'], moveInDate: '2019-06-01' })
    await db.rooms.add(room)
    await db.customers.add(wang)
    const sheet = await csv([HEAD, ['3', '2', '1101', '王建国', '男', '13900139000', '2020-01-01', '', ''], ['3', '2', '1101', '李秀英', '女', '', '', '家属', '']])
    const result = await check(sheet, actor)
    expect(result.summary).toMatchObject({ newRooms: 0, matchedRooms: 1, newCustomers: 1, changedCustomers: 1 })
    await runImport(db, actor, result.plan!)
    expect(await db.rooms.count()).toBe(1)
    expect(await db.customers.get(wang.id)).toMatchObject({ phones: ['13800138000', '13900139000'], honorific: 'mr', moveInDate: '2019-06-01' })
    const change = (await db.outbox.toArray()).find((m) => m.recordId === wang.id)
    expect(change!.fields).toEqual({ phones: ['13800138000', '13900139000'], honorific: 'mr' })
    // Importing the same sheet again changes nothing.
    const again = await check(sheet, actor)
    expect(again.summary).toMatchObject({ newRooms: 0, matchedRooms: 1, newCustomers: 0, changedCustomers: 0, unchangedCustomers: 2 })
  })

  it('keeps cells that look like formulas as plain text', async () => {
    db = freshDb()
    const actor = makeActor()
    const sheet = await csv([HEAD, ['3', '2', '1101', '=HYPERLINK("http://evil","王")', '', '', '', '', '+cmd|calc'], ['3', '2', '1102', '@王', '', '', '', '', '-2+3'], ['=1+1', '2', '1103', '-王', '', '', '', '', '']])
    const result = await check(sheet, actor)
    expect(result.problems).toEqual([])
    await runImport(db, actor, result.plan!)
    const customers = await db.customers.toArray()
    expect(customers.map((c) => [c.name, c.note]).sort()).toEqual([
      ['-王', ''],
      ['=HYPERLINK("http://evil","王")', '+cmd|calc'],
      ['@王', '-2+3'],
    ])
    expect((await db.rooms.toArray()).map((r) => r.label).sort()).toContain('=1+1-2-1103')
  })

  it.each([
    { name: 'importing every row', skip: false },
    { name: 'importing the good rows and skipping a bad one', skip: true },
  ])('writes everything or nothing, $name: a failure half-way leaves no room, customer or outbox entry behind', async ({ skip }) => {
    db = freshDb()
    const actor = makeActor()
    const rows: Cell[][] = [HEAD]
    for (let i = 0; i < 1200; i++) rows.push(['5', '1', String(100 + i), `住户${i}`, '', skip && i === 600 ? '138' : '', '', '', ''])
    const sheet = await readSheet(await xlsxBytes(rows))
    const result = await check(sheet, actor)
    expect(result.summary.skipped).toBe(skip ? 1 : 0)
    let count = 0
    db.customers.hook('creating', () => {
      if (++count === 1000) throw new Error('disk trouble')
    })
    await expect(runImport(db, actor, result.plan!, { skipRows: skip ? [602] : [] })).rejects.toThrow()
    expect(await db.rooms.count()).toBe(0)
    expect(await db.customers.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  }, 30_000)

  it('imports a 10,000-row XLSX in one transaction, with progress', async () => {
    db = freshDb()
    const actor = makeActor()
    const rows: Cell[][] = [['翠苑小区业主信息表'], HEAD]
    for (let i = 0; i < 10_000; i++) {
      const building = 1 + Math.floor(i / 400)
      const unit = 1 + (Math.floor(i / 100) % 4)
      rows.push([`${building}栋`, `${unit}单元`, 101 + (i % 100), `业主${i}`, i % 2 ? '女' : '男', 13000000000 + i, new Date(Date.UTC(2015, 0, 1 + (i % 3000))), i % 10 === 0 ? '租户' : '业主', ''])
    }
    const t0 = performance.now()
    const bytes = await xlsxBytes(rows)
    const t1 = performance.now()
    const sheet = await readSheet(bytes)
    const t2 = performance.now()
    const result = await check(sheet, actor)
    const t3 = performance.now()
    expect(result.problems).toEqual([])
    expect(result.summary).toMatchObject({ rows: 10_000, newRooms: 10_000, newCustomers: 10_000 })
    const progress: number[] = []
    // Count the transactions started outside any other: writeRecords' own join the import's.
    let topLevel = 0
    const open = db.transaction.bind(db)
    db.transaction = ((...args: Parameters<typeof db.transaction>) => {
      if (!Dexie.currentTransaction) topLevel++
      return open(...args)
    }) as typeof db.transaction
    await runImport(db, actor, result.plan!, { onProgress: (done, total) => progress.push(done / total) })
    const t4 = performance.now()
    db.transaction = open
    console.log(
      `10,000-row XLSX (${(bytes.byteLength / 1024).toFixed(0)} KB): read ${(t2 - t1).toFixed(0)} ms, check ${(t3 - t2).toFixed(0)} ms, write 20,000 records + outbox ${(t4 - t3).toFixed(0)} ms (fake-indexeddb; making the file took ${(t1 - t0).toFixed(0)} ms)`,
    )
    expect(await db.rooms.count()).toBe(10_000)
    expect(await db.customers.count()).toBe(10_000)
    expect(await db.outbox.count()).toBe(20_000)
    expect(topLevel).toBe(1)
    expect(progress[0]).toBe(0)
    expect(progress.at(-1)).toBe(1)
    expect(progress.length).toBeGreaterThan(10)
    expect(await db.customers.where('name').equals('业主9999').first()).toMatchObject({ phones: ['13000009999'], honorific: 'ms', relation: 'owner', moveInDate: '2017-09-26' })
  }, 120_000)

  it('imports 2,999 good rows of 3,000 and skips the bad one on the clerk\'s choice; the skipped row comes back as an XLSX with 原因 that imports once corrected', async () => {
    db = freshDb()
    const actor = makeActor()
    const rows: Cell[][] = [['翠苑小区业主信息表'], [...HEAD, '车位']]
    for (let i = 0; i < 3000; i++) rows.push([`${1 + Math.floor(i / 400)}栋`, `${1 + (Math.floor(i / 100) % 4)}单元`, String(101 + (i % 100)), `业主${i}`, '男', String(13000000000 + i), '', '业主', '', `B-${i}`])
    // 业主1500, on row 1,503 of the sheet (below the title and the header): a phone one digit short.
    rows[1502]![5] = '1300000150'
    const sheet = await readSheet(await xlsxBytes(rows))
    const result = await check(sheet, actor)
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([[1503, 'F', 'mobileInvalid']])
    expect(result.summary).toMatchObject({ rows: 3000, imported: 2999, skipped: 1, newCustomers: 2999 })

    // Without the choice, the one bad row still holds everything back; with it, 2,999 go in one transaction.
    await expect(runImport(db, actor, result.plan!)).rejects.toBeInstanceOf(RecordInvalidError)
    expect(await db.customers.count()).toBe(0)
    const { summary, skipped } = await runImport(db, actor, result.plan!, { skipRows: [1503] })
    expect(summary).toMatchObject({ rows: 3000, imported: 2999, skipped: 1 })
    expect(await db.customers.count()).toBe(2999)
    expect(await db.customers.where('name').equals('业主1500').count()).toBe(0)
    expect(await db.outbox.count()).toBe(await db.rooms.count() + 2999)

    // The skipped row, read back: the original columns (the unmapped 车位 too) and why.
    const { t } = createAppI18n('zh-CN', MESSAGES).global
    const bytes = await skippedXlsx(sheet, findHeaderRow(sheet.rows), sheet.columnCount, skipped, { sheetName: '未导入的行', reasonHeader: '原因', reason: (row, list) => skippedReason(t, row, list) })
    const back = await readSheet(bytes)
    expect(back.rows).toEqual([
      [...HEAD, '车位', '原因'],
      ['4栋', '4单元', '101', '业主1500', '男', '1300000150', '', '业主', '', 'B-1500', '原表第 1503 行:F 列(联系电话):手机号码应为 1 开头的 11 位数字'],
    ])

    // Corrected in the skipped file, it imports on its own: the reason column is not read as anything.
    const corrected = await readSheet(await xlsxBytes(back.rows.map((r, i) => (i === 1 ? r.map((c, j) => (j === 5 ? '13000001500' : c)) : r))))
    const again = await check(corrected, actor)
    expect(again.problems).toEqual([])
    expect(again.summary).toMatchObject({ rows: 1, imported: 1, skipped: 0, newCustomers: 1, newRooms: 1 })
    await runImport(db, actor, again.plan!)
    expect(await db.customers.where('name').equals('业主1500').first()).toMatchObject({ phones: ['13000001500'] })
  }, 60_000)

  it('refuses to skip rows the clerk was not shown: a problem on another row still stops everything', async () => {
    db = freshDb()
    const actor = makeActor()
    const result = await check(await csv([HEAD, ['3', '2', '1101', '王建国', '', '138', '', '', ''], ['3', '2', '1102', '李秀英', '', '139', '', '', '']]), actor)
    expect(result.problems.map((p) => p.row)).toEqual([2, 3])
    await expect(runImport(db, actor, result.plan!, { skipRows: [2] })).rejects.toBeInstanceOf(RecordInvalidError)
    expect(await db.outbox.count()).toBe(0)
  })
})
