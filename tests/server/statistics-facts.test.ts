/**
 * The request facts the company view reads (migration 014, `request_facts`), on SQLite and PostgreSQL: a
 * push that changes a request — a result, a correction of its category — changes the next view's figures; a
 * write through another connection (another server process) is seen, and a request deleted there leaves no
 * facts behind; migration 014 on a database a server before it filled gives the shared rule's figures over
 * every record. Each view is compared with the shared rule over every record the site holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import { instantAt } from '@shared/domain/time'
import { monthPeriod, siteStatistics } from '@shared/domain/statistics'
import { DELETED_FIELD } from '@shared/sync/merge'
import type { CompanyStatistics } from '@shared/sync/statistics-api'
import { companyFigures } from '@server/admin/statistics'
import * as m014 from '@server/db/migrations/014-request-facts'
import { watchedRequests } from '@server/repositories/notify-watch'
import { writeAsServer } from '@server/sync/server-write'
import { makeEvent, makeReception } from '../factories/register-print'
import { anotherConnection, BACKENDS } from '../support/server-db'
import { enrol, mutation, pushOk, setUpConsole, siteWithAdmin, testServer, type TestServer } from '../support/server-fixtures'
import { everything } from './statistics-records'

const at = (date: string, time = '10:00'): number => instantAt(date, time, 'Asia/Shanghai')
/** 2026-11-27 10:00 in Shanghai. */
const NOW = Date.UTC(2026, 10, 27, 2)
const NOVEMBER = monthPeriod('2026-11')

/** A site with a desk tablet and a console session, and builders of its requests and timeline events. */
async function siteOf(backend: (typeof BACKENDS)[number]) {
  const s = await testServer(backend, NOW)
  const session = await setUpConsole(s)
  const { siteId, adminStaffId: admin } = await siteWithAdmin(s, '翠苑小区')
  const desk = await enrol(s, siteId)
  let n = 0
  const reception = (date: string, overrides: Partial<Reception> = {}): Reception =>
    makeReception({ id: newId(), siteId, receiverId: admin, ref: `${date.replaceAll('-', '')}-A${String(++n).padStart(3, '0')}`, receivedAt: at(date), createdAt: at(date), ...overrides })
  const event = (r: Reception, type: ReceptionEvent['type'], when: number, overrides: Partial<ReceptionEvent> = {}): ReceptionEvent => makeEvent(r, type, when, { id: newId(), staffId: admin, ...overrides })
  const push = async (receptions: readonly Reception[], events: readonly ReceptionEvent[] = []): Promise<void> => {
    const pushed = await pushOk(s, desk, [
      ...receptions.map((r) => mutation(desk, admin, { name: 'reception.create', table: 'receptions', recordId: r.id, fields: r })),
      ...events.map((e) => mutation(desk, e.staffId, { name: 'receptionEvent.add', table: 'receptionEvents', recordId: e.id, fields: e })),
    ])
    expect(pushed.results.filter((r) => r.status !== 'applied')).toEqual([])
  }
  /** The site's November as the console answers it, checked against the shared rule over every record. */
  const view = async (): Promise<CompanyStatistics['sites'][number]['statistics']> => {
    const res = await s.app.inject({ method: 'GET', url: '/api/admin/statistics?kind=month&from=2026-11', headers: { authorization: `Bearer ${session}` } })
    expect(res.statusCode, res.body).toBe(200)
    const figures = res.json<CompanyStatistics>().sites.find((x) => x.siteId === siteId)!.statistics
    expect(figures).toEqual(companyFigures(siteStatistics(await everything(s.db, siteId), NOVEMBER, NOW)))
    return figures
  }
  const factsOf = (id: string) => s.db.kysely.selectFrom('request_facts').selectAll().where('site_id', '=', siteId).where('reception_id', '=', id).executeTakeFirst()
  return { s, siteId, desk, reception, event, push, view, factsOf }
}

describe.each(BACKENDS)('the request facts of company statistics on $name', (backend) => {
  let site: Awaited<ReturnType<typeof siteOf>>
  let s: TestServer
  let leak: Reception
  let enquiry: Reception
  let settledRepair: Reception

  beforeAll(async () => {
    site = await siteOf(backend)
    s = site.s
    leak = site.reception('2026-11-20', { category: 'repair' })
    enquiry = site.reception('2026-11-12', { category: 'enquiry' })
    settledRepair = site.reception('2026-11-02', { category: 'repair' })
    await site.push([leak, enquiry, settledRepair], [site.event(settledRepair, 'result', at('2026-11-03'), { note: '已修好' }), site.event(settledRepair, 'returnVisit', at('2026-11-04'), { satisfaction: 'satisfied', note: '满意' })])
  })
  afterAll(async () => s?.close())

  it('a result and a correction of the category pushed change the next view’s figures', async () => {
    const before = await site.view()
    expect(before.current.requests.byCategory).toMatchObject({ repair: 2, enquiry: 1, complaint: 0 })
    expect(before.current.completion.completed).toBe(1)
    expect(before.openNow).toMatchObject({ total: 2, byQueue: { awaitingVisit: 0 } })
    await site.push([], [
      site.event(leak, 'result', at('2026-11-21'), { note: '已更换阀门' }),
      site.event(enquiry, 'correction', at('2026-11-13'), { correction: { category: 'complaint' } }),
    ])
    const after = await site.view()
    expect(after.current.requests.byCategory).toMatchObject({ repair: 2, enquiry: 0, complaint: 1 })
    expect(after.current.completion.completed).toBe(2)
    expect(after.current.complaints.total).toBe(1)
    // The repair now waits for its return visit; the complaint is still open.
    expect(after.openNow).toMatchObject({ total: 2, byQueue: { awaitingVisit: 1 } })
    expect(await site.factsOf(enquiry.id)).toMatchObject({ category: 'complaint', pending: 1 })
  })

  it('sees what another connection wrote, and leaves no facts of a request deleted there', async () => {
    await site.view()
    const elsewhere = site.reception('2026-11-25', { category: 'suggestion' })
    const other = anotherConnection(s.db)
    try {
      await other.kysely.transaction().execute((trx) =>
        writeAsServer(
          trx,
          other.kind,
          site.siteId,
          [
            { table: 'receptions', recordId: elsewhere.id, data: { ...elsewhere } },
            { table: 'receptions', recordId: settledRepair.id, data: { [DELETED_FIELD]: true } },
          ],
          NOW,
        ),
      )
    } finally {
      await other.close()
    }
    const figures = await site.view()
    expect(figures.current.requests.byCategory).toMatchObject({ repair: 1, suggestion: 1, complaint: 1 })
    expect(figures.current.returnVisits.done).toBe(0)
    expect(figures.openNow.total).toBe(3)
    expect(await site.factsOf(settledRepair.id)).toBeUndefined()
    expect(await site.factsOf(elsewhere.id)).toMatchObject({ category: 'suggestion', pending: 1 })
    expect(await watchedRequests(s.db.kysely, site.siteId, 'statistics_watch')).toEqual([])
  })
})

describe.each(BACKENDS)('migration 014 on $name', (backend) => {
  it('lists every stored request again, so the first view gives the figures of every record', async () => {
    const site = await siteOf(backend)
    const { s, siteId } = site
    try {
      // A database as a server before 014 left it: its records pushed, the settled requests off the watch list.
      await m014.down(s.db.kysely as never)
      const repair = site.reception('2026-11-03')
      const complaint = site.reception('2026-11-10', { category: 'complaint' })
      const open = site.reception('2026-10-20', { category: 'enquiry' })
      const gone = site.reception('2026-11-05')
      await site.push(
        [repair, complaint, open, gone],
        [
          site.event(repair, 'result', at('2026-11-04'), { note: '已修好' }),
          site.event(repair, 'returnVisit', at('2026-11-05'), { satisfaction: 'satisfied', note: '满意' }),
          site.event(complaint, 'answered', at('2026-11-10', '12:00'), { note: '已答复' }),
          site.event(complaint, 'result', at('2026-11-11'), { note: '已处理' }),
          site.event(complaint, 'returnVisit', at('2026-11-12'), { satisfaction: 'neutral', note: '一般' }),
          site.event(open, 'followUp', at('2026-11-26'), { note: '再次来电' }),
        ],
      )
      await s.db.kysely.transaction().execute((trx) => writeAsServer(trx, s.db.kind, siteId, [{ table: 'receptions', recordId: gone.id, data: { [DELETED_FIELD]: true } }], NOW))
      const watch = () => s.db.kysely.selectFrom('statistics_watch').select(['reception_id', 'seq']).where('site_id', '=', siteId).execute()
      const openSeq = Number((await watch()).find((w) => w.reception_id === open.id)!.seq)
      await s.db.kysely.deleteFrom('statistics_watch').where('site_id', '=', siteId).where('reception_id', '!=', open.id).execute()

      await m014.up(s.db.kysely as never)
      const listed = new Map((await watch()).map((w) => [w.reception_id, Number(w.seq)]))
      // Every live request, the one still watched at its own (latest) number.
      expect(new Set(listed.keys())).toEqual(new Set([repair.id, complaint.id, open.id]))
      expect(listed.get(open.id)).toBe(openSeq)
      const figures = await site.view()
      expect(figures.current.requests.total).toBe(2)
      expect(figures.current.returnVisits).toMatchObject({ due: 2, done: 2 })
      expect(figures.previous.requests.total).toBe(1)
      expect(figures.openNow.total).toBe(1)
      expect(await watch()).toEqual([])
    } finally {
      await s.close()
    }
  })
})
