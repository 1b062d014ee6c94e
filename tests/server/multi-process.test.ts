/**
 * Several server processes on one database (issue 12 point 3): what one process counts or stamps,
 * the others see. Two apps, each on its own connection to the same database, stand for two
 * processes (tests/server/two-process-sync.test.ts runs real processes).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@server/app'
import { openSqlite, type ServerDb } from '@server/db/connection'
import { openPostgres } from '@server/db/postgres'
import { migrateToLatest } from '@server/db/migrate'
import { createSite } from '@server/sync/enrolment'
import { getRecord } from '@server/repositories/records'
import { BACKENDS, createPostgresDatabase, type Backend } from '../support/server-db'
import { protocolHeaders } from '../support/server-fixtures'

/** Two connections to one fresh database of `backend`, as two processes would hold. */
async function twoConnections(backend: Backend): Promise<{ dbs: [ServerDb, ServerDb]; close(): Promise<void> }> {
  if (backend.name === 'sqlite') {
    const first = await backend.open()
    const second = openSqlite(first.describe)
    return { dbs: [first, second], close: async () => (await second.close(), await first.close()) }
  }
  const { url, drop } = await createPostgresDatabase()
  const dbs: [ServerDb, ServerDb] = [openPostgres(url), openPostgres(url)]
  await migrateToLatest(dbs[0])
  return { dbs, close: async () => (await dbs[0].close(), await dbs[1].close(), await drop()) }
}

describe.each(BACKENDS)('two server processes on one $name database', (backend) => {
  const clock = { now: Date.UTC(2026, 11, 2, 2) }
  let apps: FastifyInstance[] = []
  let close: () => Promise<void> = async () => {}
  afterEach(async () => {
    for (const app of apps) await app.close()
    apps = []
    await close()
  })

  async function twoApps(): Promise<[FastifyInstance, FastifyInstance, ServerDb]> {
    const two = await twoConnections(backend)
    close = two.close
    apps = await Promise.all(two.dbs.map((db) => buildApp({ db, staticDir: '/nonexistent', now: () => clock.now })))
    return [apps[0]!, apps[1]!, two.dbs[0]]
  }

  it('allow as many login and enrolment attempts together as one process does, and a new window after a minute', async () => {
    const [a, b] = await twoApps()
    const login = (app: FastifyInstance, i: number) => app.inject({ method: 'POST', url: '/api/admin/login', payload: { username: 'admin', password: `guess-${i}` } })
    const codes: number[] = []
    // Alternating between the processes, as a proxy spreading one address's requests would.
    for (let i = 0; i < 12; i++) codes.push((await login(i % 2 ? b : a, i)).statusCode)
    expect(codes).toEqual([...Array<number>(10).fill(401), 429, 429])
    const refused = await login(a, 99)
    expect(refused.headers['retry-after']).toBe('60')
    // Enrolment counts apart from login: its own ten.
    const enrol = (app: FastifyInstance, i: number) => app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code: `GUESS${i}XXXX`, name: 'x' } })
    const enrolCodes: number[] = []
    for (let i = 0; i < 11; i++) enrolCodes.push((await enrol(i % 2 ? a : b, i)).statusCode)
    expect(enrolCodes).toEqual([...Array<number>(10).fill(400), 429])
    clock.now += 30_000
    expect((await login(b, 100)).headers['retry-after']).toBe('30')
    clock.now += 30_000
    expect((await login(b, 101)).statusCode).toBe(401)
  })

  it('stamp the records they write themselves apart, each after the one stored', async () => {
    const [, , db] = await twoApps()
    const { site } = await createSite(db, { name: '翠苑小区', timezone: 'Asia/Shanghai', adminName: '王管理', adminPin: '2580' }, clock.now)
    // A second process: the same module loaded afresh has its own clock, as another process would.
    vi.resetModules()
    const other = await import('@server/sync/server-write')
    const key = { siteId: site.id, table: 'sites', recordId: site.id }
    const before = (await getRecord(db.kysely, key))!.fieldHlc.name!
    // The other process's clock has seen nothing and writes at the same instant.
    await db.kysely.transaction().execute((trx) => other.writeAsServer(trx, db.kind, site.id, [{ table: 'sites', recordId: site.id, data: { name: '翠苑小区二期' } }], clock.now))
    const after = (await getRecord(db.kysely, key))!
    expect(after.data.name).toBe('翠苑小区二期')
    expect(after.fieldHlc.name! > before).toBe(true)
    expect(after.fieldHlc.name!.split(':')[2]).not.toBe(before.split(':')[2])
  })
})
