/**
 * Every API route declares the JSON answer it gives on success (issue 11 point 5): the OpenAPI
 * document then describes every answer, the reply is typed from it (http/type-provider.ts), and the
 * serializer sends only what the schema names. Routes are walked as the app registered them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@server/app'
import type { ServerDb } from '@server/db/connection'
import { BACKENDS } from '../support/server-db'

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>
}

/** `METHOD /path` of every route in `app.printRoutes()`'s tree (HEAD, which Fastify adds to each GET, left out). */
function registeredRoutes(app: FastifyInstance): string[] {
  const routes: string[] = []
  const prefixes: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!m) continue
    const depth = m[1]!.length / 4
    prefixes.length = depth
    const path = (prefixes[depth - 1] ?? '') + m[2]!
    prefixes[depth] = path
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) routes.push(`${method} ${path}`)
  }
  return routes
}

/** The API's own routes: under /api, not the documentation pages that @fastify/swagger-ui serves. */
const isApi = (route: string): boolean => / \/api\//.test(route) && !/ \/api\/docs/.test(route)

describe('response schemas of the API routes', () => {
  let app: FastifyInstance
  let db: ServerDb
  let operations: Map<string, Operation>
  beforeAll(async () => {
    // The routes do not depend on the database kind: one backend is enough.
    db = await BACKENDS[0]!.open()
    app = await buildApp({ db, staticDir: '/nonexistent' })
    await app.ready()
    const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> }
    operations = new Map(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op] as const)),
    )
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('walks every route the app registered', () => {
    const api = registeredRoutes(app).filter(isApi)
    expect(api).toEqual(expect.arrayContaining(['POST /api/sync/push', 'GET /api/sync/pull', 'GET /api/admin/sites', 'POST /api/admin/sites', 'POST /api/admin/quarantine/:id/apply', 'GET /api/health', 'GET /api/ready']))
    expect(api.length).toBeGreaterThanOrEqual(20)
  })

  it('finds every API route in the OpenAPI document (none hidden from it)', () => {
    const missing = registeredRoutes(app)
      .filter(isApi)
      .filter((r) => !operations.has(r))
    expect(missing).toEqual([])
  })

  it('declares a JSON success answer (200, 201 or 204) on every API route', () => {
    const success = (op: Operation): boolean => Object.entries(op.responses ?? {}).some(([code, r]) => (code === '204' ? true : /^20[01]$/.test(code) && !!r.content?.['application/json']?.schema))
    const without = registeredRoutes(app)
      .filter(isApi)
      .filter((r) => !success(operations.get(r) ?? {}))
    expect(without).toEqual([])
  })
})
