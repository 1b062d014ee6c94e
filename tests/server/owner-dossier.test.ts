/**
 * An owner's request in the console (issue 14 point 4), on SQLite and PostgreSQL: two owners of one room
 * with similar names and a stranger, pushed through real sync mutations; the owner's workbook holds every
 * record of his and nothing of the others', the print view's records the same; both are recorded in the
 * access trail without a phone; the request and its answer are kept with the requester reduced; bad input
 * is refused in words; no session, no answer; none of it reaches the server's log; a correction of the
 * archive entry reaches the tablets; an erasure deletes the entry and reduces the closed requests' contacts,
 * keeping the open ones' and the brother's.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import type { Workbook } from 'exceljs'
import { newId } from '@shared/domain/ids'
import type { Mutation } from '@shared/sync/mutation'
import type { OwnerFind, OwnerPrint, OwnerRequest } from '@shared/sync/owner-api'
import { buildApp } from '@server/app'
import { loggerOptions } from '@server/http/logging'
import { BACKENDS } from '../support/server-db'
import { enrol, mutation, pullAll, pushOk, setUpConsole, siteWithAdmin, testServer, type TestDevice, type TestServer } from '../support/server-fixtures'
import { OWNER, ownerPair, pairWrites, type OwnerPair, type OwnerRecords } from '../factories/owners'

function pairMutations(desk: TestDevice, staffId: string, pair: OwnerPair): Mutation[] {
  return pairWrites(pair).map((w) => mutation(desk, staffId, { name: w.name, table: w.table, recordId: w.record.id, fields: { ...w.record } }))
}

describe.each(BACKENDS)('an owner’s request on $name', (backend) => {
  let s: TestServer
  let session: string
  let siteId: string
  let pair: OwnerPair
  let desk: TestDevice
  let adminStaffId: string
  const auth = () => ({ authorization: `Bearer ${session}` })

  beforeAll(async () => {
    s = await testServer(backend)
    session = await setUpConsole(s)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    desk = await enrol(s, siteId)
    adminStaffId = site.adminStaffId
    pair = ownerPair(siteId, site.adminStaffId)
    const { results } = await pushOk(s, desk, pairMutations(desk, site.adminStaffId, pair))
    expect(results.filter((r) => r.status !== 'applied')).toEqual([])
  })
  afterAll(async () => s?.close())

  const post = (what: string, payload: Record<string, unknown>, headers: Record<string, string> = auth()) => s.app.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-dossier/${what}`, headers, payload })
  const identity = { phone: OWNER.phone, name: '', room: '' }

  async function workbook(): Promise<Workbook> {
    const res = await post('xlsx', identity)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    return wb
  }

  it('exports every record of the owner and nothing of his brother in the same room or of the stranger', async () => {
    const wb = await workbook()
    const sheets: Record<keyof OwnerRecords, string> = {
      customers: '客户档案',
      receptions: '接待登记',
      receptionEvents: '接待跟进',
      signatures: '签名',
      loans: '物品借出',
      loanReturns: '物品归还',
      paidServices: '有偿服务',
    }
    const idsOn = (sheet: string): string[] => {
      const ws = wb.getWorksheet(sheet)!
      expect(ws.getRow(1).getCell(1).value).toBe('记录ID')
      return ws.getSheetValues().slice(2).map((row) => String((row as unknown[])[1]))
    }
    for (const [table, sheet] of Object.entries(sheets) as [keyof OwnerRecords, string][]) {
      expect(idsOn(sheet).sort(), sheet).toEqual((pair.owner[table] as readonly { id: string }[]).map((r) => r.id).sort())
    }
    expect(idsOn('房号')).toEqual([pair.rooms[0]!.id])
    // Nothing of the others anywhere: no id, name or phone of theirs on any sheet.
    const text = wb.worksheets.map((ws) => JSON.stringify(ws.getSheetValues())).join('\n')
    const others = [pair.brother, pair.stranger].flatMap((p) => Object.values(p).flatMap((rs) => (rs as readonly { id: string }[]).map((r) => r.id)))
    for (const id of others) expect(text).not.toContain(id)
    expect(text).not.toMatch(/王建华|李娜|13987654321|13700001111/)
    // As the house style writes it: the request as corrected, times in the site's timezone, words for codes.
    const register = wb.getWorksheet('接待登记')!
    const headers = (register.getRow(1).values as unknown[]).slice(1)
    const corrected = register.getSheetValues().slice(2).map((row) => Object.fromEntries(headers.map((h, i) => [h, (row as unknown[])[i + 1]]))).find((r) => r['事由'] === '第3件事')!
    expect(corrected).toMatchObject({ 联系电话: OWNER.phone, 业主姓名: OWNER.name, 类别: '咨询', 接待时间: '2026-11-20 13:00' })
  })

  it('gives the print view the same records, and the console a masked summary', async () => {
    const printed = await post('print', identity)
    expect(printed.statusCode, printed.body).toBe(200)
    const { dossier, site, staff } = printed.json<OwnerPrint>()
    expect(site.name).toBe('翠苑小区')
    expect(Object.values(staff)).toContain('王管理')
    expect(dossier.requests.map((r) => r.reception.id).sort()).toEqual(pair.owner.receptions.map((r) => r.id).sort())
    expect(dossier.signatures.map((x) => x.id)).toEqual(pair.owner.signatures.map((x) => x.id))
    expect(JSON.stringify(dossier)).not.toMatch(/王建华|李娜/)

    const found = await post('find', { phone: '', name: OWNER.name, room: '3栋2单元1101' })
    expect(found.statusCode, found.body).toBe(200)
    const summary = found.json<OwnerFind>()
    expect(summary.counts).toEqual({ customers: 1, rooms: 1, requests: 4, signatures: 1, loans: 1, loanReturns: 1, paidServices: 1 })
    expect(summary.customers).toEqual([{ id: pair.owner.customers[0]!.id, name: '王先生', room: '3-2-1101', relation: 'owner', phones: ['138****5678', '057****6655'] }])
    expect(found.body).not.toMatch(/13812345678|王建国/)
  })

  it('records each export in the site’s access trail, by the console account, without a phone', async () => {
    const res = await s.app.inject({ method: 'GET', url: `/api/admin/sites/${siteId}/access-trail`, headers: auth() })
    const owners = res.json<{ kind: string; what: string; who: string }[]>().filter((e) => e.kind === 'exportOwner')
    expect(owners.map((e) => e.what).sort()).toEqual(['业主个人信息 PDF · 王先生 3-2-1101', '业主个人信息 XLSX · 王先生 3-2-1101'])
    expect(owners.every((e) => e.who === 'admin')).toBe(true)
  })

  it.each([
    [{ phone: '', name: '', room: '' }, '请填写业主的手机号'],
    [{ phone: '12', name: '', room: '' }, '至少要有 5 位数字'],
    [{ phone: '', name: '王建国', room: '' }, '请同时填写房号'],
    [{ phone: '', name: '', room: '3-2-1101' }, '请同时填写姓名'],
  ])('refuses %o in words', async (body, words) => {
    for (const what of ['find', 'print', 'xlsx']) {
      const res = await post(what, body)
      expect(res.statusCode).toBe(400)
      expect(res.json().message).toContain(words)
    }
  })

  it('answers only with a session, only about a site that exists, only to a well-formed body', async () => {
    for (const what of ['find', 'print', 'xlsx']) {
      expect((await post(what, identity, {})).statusCode).toBe(401)
      expect((await post(what, identity, { authorization: 'Bearer dev_not-a-session' })).statusCode).toBe(401)
    }
    const unknown = await s.app.inject({ method: 'POST', url: `/api/admin/sites/${newId()}/owner-dossier/find`, headers: auth(), payload: identity })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().message).toContain('没有这个项目')
    expect((await post('find', { phone: OWNER.phone })).statusCode).toBe(400)
    expect((await post('find', { ...identity, extra: 1 })).statusCode).toBe(400)
  })

  const requests = () => s.app.inject({ method: 'GET', url: `/api/admin/sites/${siteId}/owner-requests`, headers: auth() })
  const answer = { identity: { phone: '138 1234 5678', name: OWNER.name, room: OWNER.room }, receivedOn: '2026-11-25', done: '已提供 Excel 副本和 PDF 打印件', note: '业主本人到前台申请' }

  it('keeps the request with its answer, the requester as surname and masked phone only', async () => {
    const res = await s.app.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-requests`, headers: auth(), payload: answer })
    expect(res.statusCode, res.body).toBe(200)
    const listed = (await requests()).json<OwnerRequest[]>()
    expect(listed).toEqual([
      { id: res.json<OwnerRequest>().id, kind: 'access', receivedAt: Date.UTC(2026, 10, 24, 16), name: '王', phone: '138****5678', room: '3-2-1101', done: answer.done, answeredAt: s.clock.now, answeredBy: 'admin', note: answer.note },
    ])
    const stored = await s.db.kysely.selectFrom('owner_requests').selectAll().execute()
    expect(JSON.stringify(stored)).not.toMatch(/13812345678|1234 5678|王建国/)
  })

  it.each([
    [{ receivedOn: '2026-11-31' }, '日期格式'],
    [{ receivedOn: '25/11/2026' }, '日期格式'],
    [{ receivedOn: '2026-11-28' }, '不能晚于今天'],
    [{ done: ' ' }, '请写明'],
    [{ done: '已电话告知 138 1234 5678' }, '不要写电话号码'],
    [{ note: '回电 0571-88776655' }, '不要写电话号码'],
    [{ identity: { phone: '', name: OWNER.name, room: '' } }, '请同时填写房号'],
  ])('refuses a request record with %o in words', async (change, words) => {
    const res = await s.app.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-requests`, headers: auth(), payload: { ...answer, ...change } })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain(words)
  })

  it('lists and records requests only with a session, only of a site that exists', async () => {
    expect((await s.app.inject({ method: 'GET', url: `/api/admin/sites/${siteId}/owner-requests` })).statusCode).toBe(401)
    expect((await s.app.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-requests`, payload: answer })).statusCode).toBe(401)
    expect((await s.app.inject({ method: 'GET', url: `/api/admin/sites/${newId()}/owner-requests`, headers: auth() })).statusCode).toBe(404)
  })

  it('writes no owner’s name or phone to the server’s log', async () => {
    const lines: string[] = []
    const logged = await buildApp({ db: s.db, staticDir: '/nonexistent', now: () => s.clock.now, logger: loggerOptions('info', { write: (m) => void lines.push(m) }) })
    try {
      for (const what of ['find', 'print', 'xlsx']) await logged.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-dossier/${what}`, headers: auth(), payload: { ...identity, name: OWNER.name, room: OWNER.room } })
      await logged.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-requests`, headers: auth(), payload: { ...answer, receivedOn: 'bad' } })
    } finally {
      await logged.close()
    }
    expect(lines.join('\n')).toContain('owner-dossier/xlsx')
    expect(lines.join('\n')).not.toMatch(/13812345678|王建国|3-2-1101/)
  })

  const correct = (payload: Record<string, unknown>) =>
    s.app.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-dossier/correct`, headers: auth(), payload: { identity, receivedOn: '2026-11-26', customerId: pair.owner.customers[0]!.id, name: '', phones: [], note: '', ...payload } })

  it('corrects the owner’s archive entry as the server’s change the tablets pull, and records what was corrected', async () => {
    const res = await correct({ phones: ['138 1234 5678', '0571-8877 6655', '+86 136 0000 1111'], note: '业主添了手机号' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ kind: 'correction', done: '更正客户档案 3-2-1101:电话', name: '', phone: '138****5678', note: '业主添了手机号' })
    const pulled = (await pullAll(s, desk)).changes.filter((c) => c.table === 'customers' && c.id === pair.owner.customers[0]!.id)
    expect(pulled.at(-1)!.data).toMatchObject({ name: OWNER.name, phones: ['13812345678', '057188776655', '13600001111'], relation: 'owner' })
    // Found by the new number now.
    const found = await post('find', { phone: '13600001111', name: '', room: '' })
    expect(found.json<OwnerFind>().counts.customers).toBe(1)
  })

  it.each([
    [{ customerId: 'other' }, 404, '不属于所查的业主'],
    [{ phones: ['123'] }, 400, '5 到 20 位'],
    [{ phones: ['1381234567'] }, 400, '11 位'],
    [{ name: OWNER.name }, 400, '没有要更正的内容'],
    [{ receivedOn: '2026-13-01', name: '王建國' }, 400, '日期格式'],
    [{ name: '王建國', note: '新号 13600001111' }, 400, '不要写电话号码'],
  ])('refuses the correction %o in words, changing nothing', async (change, status, words) => {
    const payload = 'customerId' in change ? { ...change, customerId: pair.brother.customers[0]!.id } : change
    const res = await correct(payload)
    expect(res.statusCode).toBe(status)
    expect(res.json().message).toContain(words)
    const stored = await s.db.kysely.selectFrom('records').select('data').where('record_id', '=', pair.owner.customers[0]!.id).executeTakeFirstOrThrow()
    expect(JSON.parse(stored.data)).toMatchObject({ name: OWNER.name })
  })

  it('records a request corrected on a tablet as a correction, and corrects only with a session', async () => {
    const res = await s.app.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-requests`, headers: auth(), payload: { ...answer, kind: 'correction', done: '已在前台平板更正接待登记 20261120-A003 的姓名' } })
    expect(res.statusCode, res.body).toBe(200)
    expect((await requests()).json<OwnerRequest[]>().map((r) => r.kind)).toEqual(['correction', 'correction', 'access'])
    expect((await s.app.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-dossier/correct`, payload: {} })).statusCode).toBe(401)
  })

  it('erases the owner: the archive entry deleted with its details, closed requests reduced, open ones kept and named in the answer', async () => {
    const res = await s.app.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-dossier/erase`, headers: auth(), payload: { identity, receivedOn: '2026-11-27', note: '' } })
    expect(res.statusCode, res.body).toBe(200)
    const [linked, byName, corrected, landline] = pair.owner.receptions
    expect(res.json<OwnerRequest>()).toMatchObject({ kind: 'erasure', name: '', phone: '138****5678' })
    expect(res.json<OwnerRequest>().done).toBe(
      `删除客户档案 1 条;已办结的接待登记 2 件只留姓氏和打码电话;未办结的 2 件(${byName!.ref}、${corrected!.ref})为办完所请事项保留联系方式至办结(个人信息保护法第四十七条),办结后再行删除`,
    )
    const stored = async (table: string, id: string) => {
      const row = await s.db.kysely.selectFrom('records').select(['data', 'deleted']).where('site_id', '=', siteId).where('table_name', '=', table).where('record_id', '=', id).executeTakeFirstOrThrow()
      return { ...(JSON.parse(row.data) as Record<string, unknown>), deleted: row.deleted === 1 }
    }
    expect(await stored('customers', pair.owner.customers[0]!.id)).toMatchObject({ deleted: true, name: '', phones: [], note: '' })
    expect(await stored('receptions', linked!.id)).toMatchObject({ customerName: '王', phone: '138****5678', deleted: false })
    expect(await stored('receptions', landline!.id)).toMatchObject({ phone: '057****6655' })
    // Open: kept until closed.
    expect(await stored('receptions', byName!.id)).toMatchObject({ customerName: OWNER.name })
    expect(await stored('receptions', corrected!.id)).toMatchObject({ phone: '13800000000' })
    // The brother in the same room: untouched.
    expect(await stored('customers', pair.brother.customers[0]!.id)).toMatchObject({ deleted: false, name: '王建华', phones: ['13987654321'] })
    expect(await stored('receptions', pair.brother.receptions[0]!.id)).toMatchObject({ customerName: '王建华', phone: '13987654321' })
    // The tablets delete the entry and receive the reduced requests.
    const changes = (await pullAll(s, desk)).changes
    expect(changes.filter((c) => c.id === pair.owner.customers[0]!.id).at(-1)).toMatchObject({ deleted: true })
    expect(changes.filter((c) => c.id === linked!.id).at(-1)!.data).toMatchObject({ customerName: '王', phone: '138****5678' })
    expect((await post('find', identity)).json<OwnerFind>().counts.customers).toBe(0)
    expect((await s.app.inject({ method: 'POST', url: `/api/admin/sites/${siteId}/owner-dossier/erase`, payload: {} })).statusCode).toBe(401)
  })

  it('refuses a tablet’s later edit of the erased archive entry: the name and phones never come back', async () => {
    const erased = pair.owner.customers[0]!
    const later = mutation(desk, adminStaffId, { name: 'customer.put', table: 'customers', recordId: erased.id, fields: { ...erased, note: '换了新号码' } }, s.clock.now + 60_000)
    const { results } = await pushOk(s, desk, [later])
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^deleted/) })
    const row = await s.db.kysely.selectFrom('records').select(['data', 'deleted']).where('site_id', '=', siteId).where('record_id', '=', erased.id).executeTakeFirstOrThrow()
    expect({ ...(JSON.parse(row.data) as Record<string, unknown>), deleted: row.deleted }).toMatchObject({ name: '', phones: [], deleted: 1 })
  })
})
