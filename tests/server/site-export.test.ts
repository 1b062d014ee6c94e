/**
 * A site's data to take away (issue 12 point 7): the JSON archive holds every record of the site with
 * counts and checksums, owners' phones only when asked for; the workbook has a sheet per form; every
 * export is recorded; the archive imported into another server recreates the site, so that a tablet
 * enrolled there pulls the same records; a masked, corrupted or mismatched archive is refused and
 * writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { newId } from '@shared/domain/ids'
import type { SiteExport, SiteImportResult } from '@shared/sync/admin-api'
import type { Change } from '@shared/sync/protocol'
import { findSite } from '@server/repositories/sites'
import { countRecords, getRecord } from '@server/repositories/records'
import { inSiteSnapshot, recordsPage } from '@server/repositories/site-archive'
import type { SiteArchive } from '@server/admin/site-export-format'
import { BACKENDS } from '../support/server-db'
import { enrol, mutation, pullAll, pushOk, setUpConsole, siteWithAdmin, testServer, type TestDevice, type TestServer } from '../support/server-fixtures'

const PHONE = '13812345678'

/** exceljs reads an ArrayBuffer: the bytes of the answer, copied out of Node's shared pool. */
const arrayBuffer = (bytes: Buffer): ArrayBuffer => new Uint8Array(bytes).buffer

const comparable = (changes: readonly Change[]): string[] => changes.map((c) => JSON.stringify([c.table, c.id, c.data, c.deleted, c.seq])).sort()

describe.each(BACKENDS)('site export and import on $name', (backend) => {
  let s: TestServer
  let other: TestServer | null = null
  let session: string
  let siteId: string
  let tablet: TestDevice
  let customerId: string
  let receptionId: string
  let adminStaff: string

  afterEach(async () => {
    await s?.close()
    await other?.close()
    other = null
  })

  beforeEach(async () => {
    s = await testServer(backend)
    session = await setUpConsole(s)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    tablet = await enrol(s, siteId, '前台平板')
    await enrol(s, siteId, '二号平板')
    const admin = site.adminStaffId
    adminStaff = admin
    const roomId = newId()
    customerId = newId()
    receptionId = newId()
    const at = Date.UTC(2026, 10, 27, 2)
    const put = (name: string, table: string, fields: Record<string, unknown> & { id: string }) => mutation(tablet, admin, { name, table, recordId: fields.id, fields: { siteId, ...fields } })
    await pushOk(s, tablet, [
      put('room.put', 'rooms', { id: roomId, building: '3', unit: '2', number: '1101', label: '3-2-1101', note: '', active: true }),
      put('customer.put', 'customers', { id: customerId, roomId, name: '王建国', honorific: 'mr', relation: 'owner', phones: [PHONE], moveInDate: null, note: '', active: true }),
      put('reception.create', 'receptions', {
        id: receptionId, ref: '20261127-A001', receivedAt: at, channel: 'phone', receiverId: admin, relayedBy: '', room: '3-2-1101', roomId, customerId,
        customerName: '王建国', honorific: 'mr', phone: PHONE, matter: '厨房水龙头漏水', category: 'repair', urgency: 'normal', createdAt: at,
      }),
    ])
    // A later edit of one field: the archive keeps each field's own stamp.
    await pushOk(s, tablet, [mutation(tablet, admin, { name: 'customer.put', table: 'customers', recordId: customerId, fields: { id: customerId, siteId, note: '有车位' } }, at + 60_000)])
  })

  const exportSite = (query: string, token: string | null = session, id = siteId) =>
    s.app.inject({ method: 'GET', url: `/api/admin/sites/${id}/export?${query}`, headers: token ? { authorization: `Bearer ${token}` } : {} })
  const importInto = (server: TestServer, token: string, payload: unknown) => server.app.inject({ method: 'POST', url: '/api/admin/sites/import', headers: { authorization: `Bearer ${token}` }, payload: payload as object })

  async function archive(phones: boolean): Promise<SiteArchive> {
    const res = await exportSite(`format=json${phones ? '&phones=true' : ''}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<SiteArchive>()
  }

  async function emptyServer(): Promise<{ server: TestServer; token: string }> {
    other = await testServer(backend)
    return { server: other, token: await setUpConsole(other) }
  }

  async function nothingWritten(server: TestServer): Promise<void> {
    expect(await findSite(server.db.kysely, siteId)).toBeNull()
    expect(await countRecords(server.db.kysely, siteId)).toEqual({})
    expect(await server.db.kysely.selectFrom('devices').select('id').where('site_id', '=', siteId).execute()).toEqual([])
  }

  it('holds every record of the site, counted and checked, with the manifest first; phones in full only when asked', async () => {
    const res = await exportSite('format=json&phones=true')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('翠苑小区-数据导出-2026-11-27.json')}`)
    expect(res.body.startsWith('{"manifest":{"format":"deskbook-site-archive","version":1')).toBe(true)
    const full = res.json<SiteArchive>()
    const live = await countRecords(s.db.kysely, siteId)
    const counted = Object.fromEntries(Object.entries(full.manifest.tables).map(([t, n]) => [t, n.count - n.deleted]))
    expect(counted).toEqual(live)
    for (const [t, rows] of Object.entries(full.tables)) expect(rows).toHaveLength(full.manifest.tables[t]!.count)
    expect(full.manifest).toMatchObject({ exportedBy: 'admin', exportedAt: s.clock.now, phones: true, site: { id: siteId, name: '翠苑小区', timezone: 'Asia/Shanghai' }, devices: { count: 2 } })
    expect(full.devices.map((d) => d.letter)).toEqual(['A', 'B'])
    expect(JSON.stringify(full.devices)).not.toMatch(/token/i)
    expect(full.tables.customers![0]!.data.phones).toEqual([PHONE])
    expect(full.tables.customers![0]!.fieldHlc.note).not.toBe(full.tables.customers![0]!.fieldHlc.name)

    const masked = await archive(false)
    expect(masked.manifest.phones).toBe(false)
    expect(JSON.stringify(masked)).not.toContain(PHONE)
    expect(masked.tables.customers![0]!.data.phones).toEqual(['138****5678'])
    expect(masked.tables.receptions![0]!.data.phone).toBe('138****5678')
    expect(masked.tables.receptions![0]!.data.customerName).toBe('王建国')
  })

  it('reads the site in one snapshot that does not hold a tablet’s push back', async () => {
    const before = await recordsPage(s.db.kysely, siteId, 'departments', '', 100)
    const seen = await inSiteSnapshot(s.db, async (trx) => {
      const first = await recordsPage(trx, siteId, 'departments', '', 100)
      // The push completes while the snapshot is open (on SQLite: the export reads on its own connection).
      const department = newId()
      const pushed = await pushOk(s, tablet, [mutation(tablet, adminStaff, { name: 'department.put', table: 'departments', recordId: department, fields: { id: department, siteId, name: '绿化部', active: true } })])
      return { first, again: await recordsPage(trx, siteId, 'departments', '', 100), pushed }
    })
    expect(seen.first).toEqual(before)
    expect(seen.again).toEqual(before)
    expect(seen.pushed.results.map((r) => r.status)).toEqual(['applied'])
    expect(await recordsPage(s.db.kysely, siteId, 'departments', '', 100)).toHaveLength(before.length + 1)
  })

  it('records every export — who, when, which format, phones or not — and lists the latest first', async () => {
    await exportSite('format=json')
    s.clock.now += 60_000
    await exportSite('format=xlsx&phones=true')
    const res = await s.app.inject({ method: 'GET', url: `/api/admin/sites/${siteId}/exports`, headers: { authorization: `Bearer ${session}` } })
    expect(res.statusCode).toBe(200)
    expect(res.json<SiteExport[]>()).toEqual([
      { at: s.clock.now, by: 'admin', format: 'xlsx', withPhones: true },
      { at: s.clock.now - 60_000, by: 'admin', format: 'json', withPhones: false },
    ])
    const rows = await s.db.kysely.selectFrom('site_exports').selectAll().execute()
    // Who, when, which — never the content.
    expect(Object.keys(rows[0]!).sort()).toEqual(['admin_id', 'admin_username', 'created_at', 'format', 'id', 'site_id', 'with_phones'])
    expect(JSON.stringify(rows)).not.toMatch(/王建国|13812345678|138\*/)
  })

  it('is for a logged-in administrator only, and answers bad requests in words', async () => {
    expect((await exportSite('format=json', null)).statusCode).toBe(401)
    expect((await exportSite('format=json', 'adm_nonsense')).statusCode).toBe(401)
    expect((await s.app.inject({ method: 'GET', url: `/api/admin/sites/${siteId}/exports` })).statusCode).toBe(401)
    expect((await s.app.inject({ method: 'POST', url: '/api/admin/sites/import', payload: {} })).statusCode).toBe(401)
    const unknown = await exportSite('format=json', session, newId())
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().message).toBe('没有这个项目 (no such site)')
    for (const q of ['format=pdf', '', 'format=json&phones=perhaps', 'format=json&extra=1']) expect((await exportSite(q)).statusCode, q).toBe(400)
    expect(await s.db.kysely.selectFrom('site_exports').select('id').execute()).toEqual([])
  })

  it('makes one workbook with a sheet per form: names for ids, words for codes, phones masked unless asked, no PINs', async () => {
    const res = await exportSite('format=xlsx')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(arrayBuffer(res.rawPayload))
    const names = book.worksheets.map((w) => w.name)
    expect(names.slice(0, 3)).toEqual(['接待登记', '客户档案', '房号'])
    expect(names).toEqual(expect.arrayContaining(['员工', '部门', '班次', '设备', '项目设置', '项目信息']))
    const sheet = book.getWorksheet('接待登记')!
    const header = sheet.getRow(1).values as unknown[]
    const row = sheet.getRow(2).values as unknown[]
    const cell = (label: string): unknown => row[header.indexOf(label)]
    expect(sheet.rowCount).toBe(2)
    expect(cell('编号')).toBe('20261127-A001')
    expect(cell('接待时间')).toBe('2026-11-27 10:00')
    expect(cell('来访方式')).toBe('来电')
    expect(cell('类别')).toBe('报修')
    expect(cell('接待人')).toBe('王管理')
    expect(cell('联系电话')).toBe('138****5678')
    const customers = book.getWorksheet('客户档案')!
    expect(customers.getRow(2).values).toEqual(expect.arrayContaining(['王建国', '3-2-1101', '138****5678', '业主']))
    const staff = book.getWorksheet('员工')!
    expect(JSON.stringify(staff.getSheetValues())).not.toMatch(/PBKDF2|hash|salt/)
    const withPhones = new ExcelJS.Workbook()
    await withPhones.xlsx.load(arrayBuffer((await exportSite('format=xlsx&phones=true')).rawPayload))
    expect(withPhones.getWorksheet('接待登记')!.getRow(2).values).toContain(PHONE)
  })

  it('recreates the site on an empty server: a tablet enrolled there pulls the same records; old letters stay taken', async () => {
    const full = await archive(true)
    const before = (await pullAll(s, tablet)).changes
    const { server, token } = await emptyServer()
    const res = await importInto(server, token, full)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<SiteImportResult>()).toEqual({ siteId, name: '翠苑小区', records: before.length, devices: 2 })

    const code = (await server.app.inject({ method: 'POST', url: '/api/admin/codes', headers: { authorization: `Bearer ${token}` }, payload: { purpose: 'enrol', siteId } })).json<{ code: string }>()
    expect(code.code).toBeTruthy()
    const fresh = await enrol(server, siteId, '新平板')
    expect(fresh.letter).toBe('C')
    const after = (await pullAll(server, fresh)).changes
    const own = after.filter((c) => c.table === 'devices' && c.id === fresh.id)
    expect(own).toHaveLength(1)
    expect(own[0]!.seq).toBeGreaterThan(Math.max(...before.map((c) => c.seq)))
    expect(comparable(after.filter((c) => c !== own[0]))).toEqual(comparable(before))
    // Per-field stamps came along: a later edit merges field by field as on the old server.
    const key = { siteId, table: 'customers', recordId: customerId }
    expect(await getRecord(server.db.kysely, key)).toEqual(await getRecord(s.db.kysely, key))
    // The old tablets are listed, revoked: their tokens never left the old server.
    const devices = (await server.app.inject({ method: 'GET', url: `/api/admin/devices?siteId=${siteId}`, headers: { authorization: `Bearer ${token}` } })).json<{ letter: string; revokedAt: number | null }[]>()
    expect(devices.map((d) => [d.letter, d.revokedAt !== null])).toEqual([['A', true], ['B', true], ['C', false]])
    expect((await pullAll(server, tablet).catch((e: Error) => e.message)) as string).toMatch(/401/)

    const again = await importInto(server, token, full)
    expect(again.statusCode).toBe(409)
    expect(again.json().message).toContain('已经在这台服务器上')
  })

  it('refuses an archive with masked phones, saying why, and writes nothing', async () => {
    const masked = await archive(false)
    const { server, token } = await emptyServer()
    const res = await importInto(server, token, masked)
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toMatch(/^这个导出文件中的业主电话已打码.*勾选“包含业主电话” \(the archive has masked phones/)
    // Its manifest changed to claim phones: the masked numbers themselves give it away.
    const res2 = await importInto(server, token, { ...masked, manifest: { ...masked.manifest, phones: true } })
    expect(res2.statusCode).toBe(400)
    expect(res2.json().message).toContain('已打码')
    await nothingWritten(server)
  })

  it.each([
    ['malformed JSON', '{"manifest": {'],
    ['an array', '[]'],
    ['a string', '"archive"'],
    ['null', 'null'],
    ['a manifest that is text', '{"manifest": "deskbook-site-archive"}'],
  ])('answers %s with a 400 and writes nothing', async (_what, payload) => {
    const { server, token } = await emptyServer()
    const res = await server.app.inject({ method: 'POST', url: '/api/admin/sites/import', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toMatch(/[\u4e00-\u9fff].*\(.+\)/)
    await nothingWritten(server)
  })

  it.each<{ case: string; spoil: (a: SiteArchive) => unknown; message: RegExp }>([
    { case: 'not an archive', spoil: () => ({ manifest: {} }), message: /^这不是 Deskbook 的项目导出文件/ },
    { case: 'a newer format', spoil: (a) => ({ ...a, manifest: { ...a.manifest, version: 2 } }), message: /更新版本的服务器/ },
    { case: 'a changed record', spoil: (a) => (a.tables.customers![0]!.data.name = '李四', a), message: /^customers 的内容与清单的校验值不符/ },
    { case: 'a record left out', spoil: (a) => (a.tables.receptions!.pop(), a), message: /^receptions 的记录数与清单不符:清单 1,文件 0/ },
    { case: 'a table left out', spoil: (a) => (delete a.tables.rooms, a), message: /缺少清单中的 rooms/ },
    { case: 'another site in the manifest', spoil: (a) => ({ ...a, manifest: { ...a.manifest, site: { ...a.manifest.site, id: newId() } } }), message: /清单中的项目与文件内容不符/ },
    { case: 'a broken shape', spoil: (a) => ({ ...a, tables: { customers: 'many' } }), message: /^导入文件格式不正确 \(invalid archive\)/ },
    { case: 'an unknown table', spoil: (a) => ({ ...a, tables: { ...a.tables, secrets: [] } }), message: /不认识导出文件中的表 secrets/ },
  ])('refuses $case and writes nothing', async ({ spoil, message }) => {
    const spoilt = spoil(await archive(true))
    const { server, token } = await emptyServer()
    const res = await importInto(server, token, spoilt)
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().message).toMatch(message)
    await nothingWritten(server)
  })
})
