/**
 * The company's statistics in the console (issue 16 point 4), on SQLite and PostgreSQL: a site's figures for
 * a month and the month before, read by period (migration 013's `at`, 014's request facts) yet the
 * same numbers as the shared rule over every record the site holds; every site's row and the company's sums;
 * only a company administrator's session; a period that is none refused in words; the workbook holds every
 * site's row and no owner's name or phone, nor the manager's written reason.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { instantAt } from '@shared/domain/time'
import { monthPeriod, siteStatistics } from '@shared/domain/statistics'
import type { CompanyStatistics } from '@shared/sync/statistics-api'
import { companyFigures } from '@server/admin/statistics'
import { watchedRequests } from '@server/repositories/notify-watch'
import * as m013 from '@server/db/migrations/013-record-at'
import { BACKENDS } from '../support/server-db'
import { everything } from './statistics-records'
import { makeEvent, makeReception } from '../factories/register-print'
import { enrol, mutation, pushOk, setUpConsole, siteWithAdmin, testServer, VERIFIER, type TestDevice, type TestServer } from '../support/server-fixtures'

const at = (date: string, time = '10:00'): number => instantAt(date, time, 'Asia/Shanghai')
/** 2026-11-27 10:00 in Shanghai. */
const NOW = Date.UTC(2026, 10, 27, 2)
const OWNER = { name: '李秀英', phone: '13912345678' }
const REASON = '业主李秀英要求赔偿,与开发商纠纷,物业无法处理'

describe.each(BACKENDS)('company statistics on $name', (backend) => {
  let s: TestServer
  let session: string
  let siteId: string
  let otherSiteId: string
  let admin: string
  const manager = newId()
  let desk: TestDevice

  const reception = (date: string, overrides: Partial<Reception> = {}): Reception =>
    makeReception({ id: newId(), siteId, receiverId: admin, ref: `${date.replaceAll('-', '')}-A001`, receivedAt: at(date), createdAt: at(date), customerName: OWNER.name, phone: OWNER.phone, matter: `业主 ${OWNER.phone} 报修`, ...overrides })
  const event = (r: Reception, type: ReceptionEvent['type'], when: number, overrides: Partial<ReceptionEvent> = {}): ReceptionEvent => makeEvent(r, type, when, { id: newId(), staffId: admin, ...overrides })
  const get = (url: string, token: string | null = session) => s.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} })

  beforeAll(async () => {
    s = await testServer(backend, NOW)
    session = await setUpConsole(s)
    ;({ siteId, adminStaffId: admin } = await siteWithAdmin(s, '翠苑小区'))
    otherSiteId = (await siteWithAdmin(s, '金桂园')).siteId
    desk = await enrol(s, siteId)
    const repair = reception('2026-11-03')
    const complaint = reception('2026-11-10', { category: 'complaint', ref: '20261110-A001' })
    const stale = reception('2026-11-19', { category: 'enquiry', ref: '20261119-A001' })
    const lastMonth = reception('2026-10-15', { ref: '20261015-A001' })
    const hopeless = reception('2026-10-20', { category: 'suggestion', ref: '20261020-A001' })
    const events = [
      event(repair, 'result', at('2026-11-04'), { note: '已更换水龙头' }),
      event(repair, 'returnVisit', at('2026-11-05'), { satisfaction: 'satisfied', note: '业主满意' }),
      event(complaint, 'answered', at('2026-11-10', '12:00'), { note: '已致电答复' }),
      event(complaint, 'result', at('2026-11-13'), { note: '已处理' }),
      event(lastMonth, 'result', at('2026-10-15', '16:00'), { note: '已修好' }),
      event(hopeless, 'closedUnresolvable', at('2026-10-21'), { staffId: manager, note: REASON }),
    ]
    const staffPut = mutation(desk, admin, { name: 'staff.put', table: 'staff', recordId: manager, fields: { id: manager, siteId, name: '赵经理', role: 'manager', departmentId: null, pin: VERIFIER, active: true } })
    const writes = [
      staffPut,
      ...[repair, complaint, stale, lastMonth, hopeless].map((r) => mutation(desk, admin, { name: 'reception.create', table: 'receptions', recordId: r.id, fields: r })),
      ...events.map((e) => mutation(desk, e.staffId, { name: 'receptionEvent.add', table: 'receptionEvents', recordId: e.id, fields: e })),
    ]
    const pushed = await pushOk(s, desk, writes)
    expect(pushed.results.filter((r) => r.status !== 'applied')).toEqual([])
  })
  afterAll(async () => s?.close())

  it('answers a site’s month and the month before with the shared rule’s numbers, read by period', async () => {
    const res = await get('/api/admin/statistics?kind=month&from=2026-11')
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<CompanyStatistics>()
    expect(body.period).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30' })
    expect(body.previous).toEqual({ kind: 'month', from: '2026-10-01', to: '2026-10-31' })
    const site = body.sites.find((x) => x.siteId === siteId)!
    expect(site.name).toBe('翠苑小区')
    const { current, previous, openNow } = site.statistics
    expect(current.requests.total).toBe(3)
    expect(current.requests.byCategory).toMatchObject({ repair: 1, complaint: 1, enquiry: 1 })
    expect(current.completion).toMatchObject({ desk: 1, supervisor: 1, manager: 1, open: 0, completed: 2 })
    expect(current.complaints).toMatchObject({ total: 1, inTime: 1 })
    expect(current.returnVisits).toMatchObject({ due: 2, done: 1, awaiting: 1 })
    expect(current.returnVisits.satisfaction.satisfied).toBe(1)
    expect(previous.requests.total).toBe(2)
    expect(previous.unresolvable).toEqual([{ ref: '20261020-A001', category: 'suggestion', receivedAt: at('2026-10-20'), closedAt: at('2026-10-21') }])
    // Open now: the complaint and last month's repair awaiting their return visits, the stale enquiry.
    expect(openNow.total).toBe(3)
    expect(openNow.byQueue).toMatchObject({ awaitingVisit: 2, manager: 1 })
    // The same numbers as the shared rule over every record the site holds.
    expect(site.statistics).toEqual(companyFigures(siteStatistics(await everything(s.db, siteId), monthPeriod('2026-11'), NOW)))
    expect(body.sites.find((x) => x.siteId === otherSiteId)!.statistics.current.requests.total).toBe(0)
    expect(body.total.current).toMatchObject({ requests: 3, unresolvable: 0 })
    expect(body.total.previous).toMatchObject({ requests: 2, unresolvable: 1 })
    expect(body.total.openNow.total).toBe(3)
    expect(res.body).not.toContain(OWNER.name)
    expect(res.body).not.toContain(OWNER.phone)
    expect(res.body).not.toContain('无法处理')
  })

  it('works out the facts of new and changed requests at a view, and empties the watch list', async () => {
    await get('/api/admin/statistics?kind=month&from=2026-11')
    const watched = async () => new Set((await watchedRequests(s.db.kysely, siteId, 'statistics_watch')).map((w) => w.receptionId))
    const facts = () => s.db.kysely.selectFrom('request_facts').select(['reception_id', 'pending', 'seq']).where('site_id', '=', siteId).execute()
    // Every request worked out once, the three open now pending; nothing left to work out.
    expect(await watched()).toEqual(new Set())
    expect((await facts()).length).toBe(5)
    expect((await facts()).filter((f) => f.pending === 1).length).toBe(3)
    const late = reception('2026-09-01', { ref: '20260901-A001' })
    const repair = (await everything(s.db, siteId)).requests.find((r) => r.reception.ref === '20261103-A001')!.reception
    const note = event(repair, 'followUp', at('2026-11-26'), { note: '业主再次来电确认' })
    const before = new Map((await facts()).map((f) => [f.reception_id, Number(f.seq)]))
    await pushOk(s, desk, [
      mutation(desk, admin, { name: 'reception.create', table: 'receptions', recordId: late.id, fields: late }),
      mutation(desk, admin, { name: 'receptionEvent.add', table: 'receptionEvents', recordId: note.id, fields: note }),
    ])
    // The push only lists them; the view works them out.
    expect(await watched()).toEqual(new Set([late.id, repair.id]))
    expect((await facts()).length).toBe(5)
    const res = await get('/api/admin/statistics?kind=month&from=2026-11')
    expect(res.json<CompanyStatistics>().sites.find((x) => x.siteId === siteId)!.statistics.openNow.total).toBe(4)
    expect(await watched()).toEqual(new Set())
    const after = new Map((await facts()).map((f) => [f.reception_id, Number(f.seq)]))
    expect(after.size).toBe(6)
    expect(after.get(repair.id)).toBeGreaterThan(before.get(repair.id)!)
    // The others were not worked out again.
    expect([...before].filter(([id, seq]) => id !== repair.id && after.get(id) !== seq)).toEqual([])
  })

  it('answers a custom period and a week', async () => {
    const custom = await get('/api/admin/statistics?from=2026-11-01&to=2026-11-10')
    expect(custom.statusCode, custom.body).toBe(200)
    expect(custom.json<CompanyStatistics>().previous).toEqual({ kind: 'custom', from: '2026-10-22', to: '2026-10-31' })
    const week = await get('/api/admin/statistics?kind=week&from=2026-11-04')
    expect(week.json<CompanyStatistics>().period).toEqual({ kind: 'week', from: '2026-11-02', to: '2026-11-08' })
  })

  it('answers only a company administrator: no session, a tablet’s token, a session logged out', async () => {
    expect((await get('/api/admin/statistics?kind=month&from=2026-11', null)).statusCode).toBe(401)
    expect((await get('/api/admin/statistics/xlsx?kind=month&from=2026-11', null)).statusCode).toBe(401)
    const tablet = await get('/api/admin/statistics?kind=month&from=2026-11', desk.token)
    expect(tablet.statusCode).toBe(401)
    expect(tablet.json<{ message: string }>().message).toContain('请先登录管理后台')
    const login = await s.app.inject({ method: 'POST', url: '/api/admin/login', payload: { username: 'admin', password: 'correct-horse-1' } })
    const other = login.json<{ token: string }>().token
    await s.app.inject({ method: 'POST', url: '/api/admin/logout', headers: { authorization: `Bearer ${other}` } })
    expect((await get('/api/admin/statistics?kind=month&from=2026-11', other)).statusCode).toBe(401)
  })

  it.each([
    ['', '请选择统计期间'],
    ['?kind=month&from=2026-13', '月份应写作 YYYY-MM'],
    ['?kind=month&from=11-2026', '月份应写作 YYYY-MM'],
    ['?kind=week&from=2026-02-30', '有效日期'],
    ['?from=2026-02-30&to=2026-03-01', '开始日期应为有效日期'],
    ['?from=2026-11-01', '请选择结束日期'],
    ['?from=2026-11-10&to=2026-11-01', '结束日期早于开始日期'],
    ['?from=2025-01-01&to=2026-11-30', '统计期间最长 367 天'],
    ['?from=2026-11-01&to=2026-11-300', '请求内容不正确'],
    ['?kind=year&from=2026', '请求内容不正确'],
    ['?from=2026-11-01&to=2026-11-30&siteId=x', '请求内容不正确'],
  ])('refuses the period %s in words (400)', async (query, words) => {
    for (const path of ['/api/admin/statistics', '/api/admin/statistics/xlsx']) {
      const res = await get(`${path}${query}`)
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json<{ message: string }>().message).toContain(words)
    }
  })

  it('exports every site side by side with the company’s sums, and no owner’s name or phone', async () => {
    const res = await get('/api/admin/statistics/xlsx?kind=month&from=2026-11')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('公司统计_2026-11-01_2026-11-30.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['本期', '上期'])
    const rows = (name: string): unknown[][] => {
      const out: unknown[][] = []
      workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)))
      return out
    }
    const current = rows('本期')
    expect(current[0]![0]).toBe('项目 (2026-11-01 至 2026-11-30)')
    expect(current[0]).toContain('2天内完成率')
    expect(current.slice(1).map((r) => r[0])).toEqual(['翠苑小区', '金桂园', '公司合计'])
    const header = current[0]!
    const cell = (row: unknown[], name: string): unknown => row[header.indexOf(name)]
    expect(cell(current[1]!, '登记总数')).toBe(3)
    expect(cell(current[1]!, '2天内完成')).toBe(1)
    expect(cell(current[2]!, '2天内完成率')).toBe('—')
    expect(cell(current[3]!, '登记总数')).toBe(3)
    expect(cell(current[3]!, '完成时长中位数(小时)')).toBe('—')
    expect(rows('上期').slice(1).map((r) => r[header.indexOf('无法解决结案')])).toEqual([1, 0, 1])
    const text = JSON.stringify([current, rows('上期')])
    expect(text).not.toContain(OWNER.name)
    expect(text).not.toContain(OWNER.phone)
    expect(text).not.toContain('无法处理')
  })
})

describe.each(BACKENDS)('migration 013 on $name', (backend) => {
  it('fills the instant of the records stored before it, and watches every request', async () => {
    const db = await backend.open()
    try {
      await m013.down(db.kysely as never)
      const siteId = newId()
      await db.kysely.insertInto('sites').values({ id: siteId, name: '翠苑小区', timezone: 'Asia/Shanghai', change_seq: 3, created_at: NOW }).execute()
      const row = (table: string, id: string, data: Record<string, unknown>, seq: number) => ({ site_id: siteId, table_name: table, record_id: id, parent_id: null, data: JSON.stringify(data), field_hlc: '{}', deleted: 0, seq, updated_at: NOW })
      const r = makeReception({ id: newId(), siteId, receivedAt: at('2026-11-03') })
      const entry = { id: newId(), at: at('2026-11-04', '09:30') }
      const staff = { id: newId(), name: '王管理' }
      // Written without the column, as a server before 013 stored them.
      await db.kysely.insertInto('records').values([row('receptions', r.id, r, 1), row('dutyEntries', entry.id, entry, 2), row('staff', staff.id, staff, 3)]).execute()
      await m013.up(db.kysely as never)
      const stored = await db.kysely.selectFrom('records').select(['table_name', 'at']).where('site_id', '=', siteId).orderBy('seq').execute()
      expect(stored.map((x) => [x.table_name, x.at === null ? null : Number(x.at)])).toEqual([
        ['receptions', at('2026-11-03')],
        ['dutyEntries', at('2026-11-04', '09:30')],
        ['staff', null],
      ])
      expect(await watchedRequests(db.kysely, siteId, 'statistics_watch')).toEqual([{ receptionId: r.id, seq: 1 }])
    } finally {
      await db.close()
    }
  })
})
