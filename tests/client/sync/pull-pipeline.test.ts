/**
 * A pull asks for the next page while it writes the last one (issue 17), and still never stores a cursor
 * ahead of what it wrote: the real server in-process, a fresh tablet's IndexedDB (fake-indexeddb).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { dbsDeletedAfterEach } from '../../factories/db'
import { BACKENDS } from '../../support/server-db'
import { siteWithAdmin, testServer, type TestServer } from '../../support/server-fixtures'
import { injectTransport, type Faults } from '../../support/inject-transport'
import { issueCode } from '@server/repositories/codes'
import { writeAsServer } from '@server/sync/server-write'
import { SyncApi } from '@client/sync/api'
import { enrolTablet } from '@client/sync/link'
import { pullChanges } from '@client/sync/pull'
import { getPullCursor, getServerLink } from '@client/db/device/server-link'
import type { TransportRequest } from '@client/sync/transport'
import { newId } from '@shared/domain/ids'

let server: TestServer
const tabletDb = dbsDeletedAfterEach()
afterEach(async () => server?.close())

/** A tablet enrolled on a site that then gets 12 more departments on the server: three pages of 5, 5 and 2. */
async function tabletBehindTwelve() {
  /** Once set, the answer to the n-th pull from then on is lost. */
  const lose = { nth: 0, seen: 0 }
  const faults: Faults = { dropResponse: (req) => req.path.startsWith('/api/sync/pull') && lose.nth > 0 && ++lose.seen === lose.nth }
  server = await testServer(BACKENDS[0]!)
  const { siteId } = await siteWithAdmin(server)
  const db = tabletDb()
  const asked: string[] = []
  const inner = injectTransport(() => server.app, faults)
  const api = new SyncApi((req: TransportRequest) => {
    if (req.path.startsWith('/api/sync/pull')) asked.push(`ask ${new URL(req.path, 'http://x').searchParams.get('cursor')}`)
    return inner(req)
  })
  const { code } = await issueCode(server.db.kysely, 'enrol', siteId, server.clock.now)
  await enrolTablet(db, api, code, '前台平板', server.clock.now)
  const departments = Array.from({ length: 12 }, (_, i) => ({ id: newId(), siteId, name: `部门${i + 1}`, active: true }))
  for (const d of departments) await server.db.kysely.transaction().execute((trx) => writeAsServer(trx, server.db.kind, siteId, [{ table: 'departments', recordId: d.id, data: { ...d } }], server.clock.now))
  asked.length = 0
  const token = (await getServerLink(db))!.token
  return { db, api, token, asked, departments, lose }
}

describe('pulling page after page', () => {
  it('asks for the next page before the one it has is written, and stores each cursor in turn', async () => {
    const t = await tabletBehindTwelve()
    const events = t.asked
    t.db.meta.hook('creating', (_key, obj) => {
      if (obj.key === 'pullCursor') events.push(`stored ${String(obj.value)}`)
    })
    t.db.meta.hook('updating', (mods, _key, obj) => {
      if (obj.key === 'pullCursor') events.push(`stored ${String((mods as { value?: unknown }).value)}`)
    })
    const start = await getPullCursor(t.db)
    expect(await pullChanges(t.db, t.api, t.token, 5)).toBe(12)
    const [, c1, , c2, , c3] = events.map((e) => e.split(' ')[1])
    // The second page is asked for (from the first page's cursor) before that cursor is stored, and so on.
    expect(events).toEqual([`ask ${start}`, `ask ${c1}`, `stored ${c1}`, `ask ${c2}`, `stored ${c2}`, `stored ${c3}`])
    expect(await t.db.departments.filter((d) => t.departments.some((x) => x.id === d.id)).count()).toBe(12)
    expect(await getPullCursor(t.db)).toBe(Number(c3))
  })

  it('a page lost on the way ends the pull with the pages before it stored and their cursor, and the next pull goes on', async () => {
    const t = await tabletBehindTwelve()
    t.lose.nth = 3
    await expect(pullChanges(t.db, t.api, t.token, 5)).rejects.toThrow()
    // The site's own departments came with the enrolment; these are the 12 added after it.
    const names = async () => (await t.db.departments.toArray()).map((d) => d.name).filter((n) => n.startsWith('部门')).sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }))
    expect(await names()).toEqual(t.departments.slice(0, 10).map((d) => d.name))
    const afterTwo = await getPullCursor(t.db)
    expect(t.asked.at(-1)).toBe(`ask ${afterTwo}`)
    expect(await pullChanges(t.db, t.api, t.token, 5)).toBe(2)
    expect(await names()).toEqual(t.departments.map((d) => d.name))
  })
})
