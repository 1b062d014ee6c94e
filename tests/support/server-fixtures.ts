/**
 * Server test fixtures: an app on a fresh database, a site with its first administrator, enrolled
 * tablets, and mutations as tablets make them.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp, type AppOptions } from '@server/app'
import type { ServerDb } from '@server/db/connection'
import { createSite } from '@server/sync/enrolment'
import { issueSetupToken } from '@server/admin/setup-token'
import { issueCode, type DeviceKind } from '@server/repositories/codes'
import { newId } from '@shared/domain/ids'
import { formatHlc } from '@shared/sync/hlc'
import type { Mutation } from '@shared/sync/mutation'
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type EnrolResponse, type PushResponse, type PullResponse } from '@shared/sync/protocol'
import type { Backend } from './server-db'

export interface TestServer {
  app: FastifyInstance
  db: ServerDb
  clock: { now: number }
  /** Replace the app on the same database, as a server upgrade or restart would (with its data folder: `dataDir`). */
  restart(options?: { minClientProtocol?: number; dataDir?: string }): Promise<void>
  close(): Promise<void>
}

/** `extra`: more of buildApp's options (a logger, the notification platforms' addresses), kept on a restart. */
export async function testServer(backend: Backend, start = Date.UTC(2026, 10, 27, 2), extra: Partial<AppOptions> = {}): Promise<TestServer> {
  const db = await backend.open()
  const clock = { now: start }
  const server: TestServer = {
    app: await buildApp({ ...extra, db, staticDir: '/nonexistent', now: () => clock.now }),
    db,
    clock,
    async restart(options = {}) {
      await server.app.close()
      server.app = await buildApp({ ...extra, db, staticDir: '/nonexistent', now: () => clock.now, ...options })
    },
    async close() {
      await server.app.close()
      await db.close()
    },
  }
  return server
}

/**
 * The console's first-run setup as the company administrator does it, with the setup token the server
 * made (server.ts prints it at start): the session token, or an Error with the answer.
 */
export async function setUpConsole(s: TestServer, body: Record<string, unknown> = { username: 'admin', password: 'correct-horse-1' }): Promise<string> {
  const setupToken = await issueSetupToken(s.db)
  const res = await s.app.inject({ method: 'POST', url: '/api/admin/setup', payload: { ...body, setupToken } })
  if (res.statusCode !== 200) throw new Error(`setup failed: ${res.statusCode} ${res.body}`)
  return res.json<{ token: string }>().token
}

export interface TestSite {
  siteId: string
  adminStaffId: string
}

export async function siteWithAdmin(s: TestServer, name = '翠苑小区'): Promise<TestSite> {
  const { site, staffId } = await createSite(s.db, { name, timezone: 'Asia/Shanghai', adminName: '王管理', adminPin: '2580' }, s.clock.now)
  return { siteId: site.id, adminStaffId: staffId }
}

export interface TestDevice {
  id: string
  siteId: string
  token: string
  letter: string
}

export const protocolHeaders = (token?: string): Record<string, string> => ({
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  ...(token ? { authorization: `Bearer ${token}` } : {}),
})

/** Enrol a tablet of `siteId`: a desk tablet unless `deviceKind` says a department's (篇2 4.2.4). */
export async function enrol(s: TestServer, siteId: string, name = '前台平板', deviceKind: DeviceKind = 'desk'): Promise<TestDevice> {
  const { code } = await issueCode(s.db.kysely, 'enrol', siteId, s.clock.now, deviceKind)
  const res = await s.app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code, name } })
  if (res.statusCode !== 200) throw new Error(`enrol failed: ${res.statusCode} ${res.body}`)
  const body = res.json<EnrolResponse>()
  return { id: body.device.id, siteId, token: body.token, letter: body.device.letter }
}

let counter = 0

/** A mutation as a tablet makes it. */
export function mutation(device: TestDevice, staffId: string | null, m: Pick<Mutation, 'name' | 'table' | 'recordId' | 'fields'> & Partial<Mutation>, wall = Date.UTC(2026, 10, 27, 2)): Mutation {
  return {
    id: newId(),
    version: 1,
    hlc: formatHlc({ wall, counter: counter++ % 1000, node: device.id }),
    staffId,
    deviceId: device.id,
    siteId: device.siteId,
    createdAt: wall,
    ...m,
  }
}

export function departmentPut(device: TestDevice, staffId: string | null, fields: Record<string, unknown> & { id: string }, wall?: number): Mutation {
  return mutation(device, staffId, { name: 'department.put', table: 'departments', recordId: fields.id, fields: { siteId: device.siteId, active: true, ...fields } }, wall)
}

export async function push(s: TestServer, device: TestDevice, mutations: Mutation[]): Promise<LightMyRequestResponse & { body: string }> {
  return s.app.inject({ method: 'POST', url: '/api/sync/push', headers: protocolHeaders(device.token), payload: { mutations } })
}

export async function pushOk(s: TestServer, device: TestDevice, mutations: Mutation[]): Promise<PushResponse> {
  const res = await push(s, device, mutations)
  if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`)
  return res.json<PushResponse>()
}

export async function pullAll(s: TestServer, device: TestDevice, cursor = 0, limit = 500): Promise<PullResponse> {
  const changes: PullResponse['changes'] = []
  let more = true
  let server: PullResponse['server'] = { id: '', generation: '' }
  while (more) {
    const res = await s.app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${cursor}&limit=${limit}`, headers: protocolHeaders(device.token) })
    if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`)
    const page = res.json<PullResponse>()
    changes.push(...page.changes)
    cursor = page.cursor
    more = page.more
    server = page.server
  }
  return { changes, cursor, more: false, server }
}

/** A PIN verifier that no PIN matches: staff pushed in server tests never log in with a PIN. */
export const VERIFIER = { algorithm: 'PBKDF2-SHA256', iterations: 210000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }

/** What a pushed mutation is expected to come back as, for table-driven permission tests. */
export type Expect = { status: 'applied' } | { status: 'duplicate' } | { status: 'rejected'; reason: RegExp }
export const applied: Expect = { status: 'applied' }
export const rejected = (reason: RegExp): Expect => ({ status: 'rejected', reason })
