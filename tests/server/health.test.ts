import { afterEach, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@server/app'
import type { ServerDb } from '@server/db/connection'
import { migrations } from '@server/db/migrations/index'
import { readEpoch, startNewGeneration } from '@server/repositories/server-meta'
import { STARTING_MESSAGE } from '@server/plugins/readiness'
import { BACKENDS } from '../support/server-db'

const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1)

describe.each(BACKENDS)('GET /api/health and /api/ready on $name', (backend) => {
  let app: FastifyInstance
  let db: ServerDb
  afterEach(async () => {
    await app?.close()
    await db?.close()
  })

  it('answers ok with the database kind, the schema version and the generation, uncached', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent', version: '1.2.3', now: () => 42 })
    const epoch = await readEpoch(db.kysely)
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', version: '1.2.3', database: backend.name, schemaVersion: LATEST_MIGRATION, serverId: epoch.serverId, generation: epoch.generation, time: 42 })
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('shows the new generation after a restore marks the database', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent' })
    const before = (await app.inject({ method: 'GET', url: '/api/health' })).json<{ generation: string; serverId: string }>()
    const after = await startNewGeneration(db.kysely, 1000)
    const res = (await app.inject({ method: 'GET', url: '/api/health' })).json<{ generation: string; serverId: string }>()
    expect(res.generation).toBe(after.generation)
    expect(res.generation).not.toBe(before.generation)
    expect(res.serverId).toBe(before.serverId)
  })

  it('answers ready 200 once migrated', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent' })
    const res = await app.inject({ method: 'GET', url: '/api/ready' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ ready: true })
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('answers 503 (ready, health and the API) while the migrations run, then serves', async () => {
    db = await backend.open()
    const readiness = { ready: false }
    app = await buildApp({ db, staticDir: '/nonexistent', readiness })
    const ready = await app.inject({ method: 'GET', url: '/api/ready' })
    expect(ready.statusCode).toBe(503)
    expect(ready.headers['retry-after']).toBe('1')
    expect(ready.json()).toMatchObject({ ready: false })
    const health = await app.inject({ method: 'GET', url: '/api/health' })
    expect(health.statusCode).toBe(503)
    expect(health.json()).toMatchObject({ status: 'starting', schemaVersion: null, generation: null })
    const api = await app.inject({ method: 'GET', url: '/api/admin/sites' })
    expect(api.statusCode).toBe(503)
    expect(api.headers['retry-after']).toBe('1')
    expect(api.json()).toEqual({ error: 'Starting', message: STARTING_MESSAGE })

    readiness.ready = true
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/admin/sites' })).statusCode).toBe(401)
  })

  it('answers 503 degraded (health) and not ready when the database is gone, not a crash', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent' })
    await db.kysely.destroy()
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(503)
    expect(res.json()).toMatchObject({ status: 'degraded', database: backend.name })
    const ready = await app.inject({ method: 'GET', url: '/api/ready' })
    expect(ready.statusCode).toBe(503)
    expect(ready.json()).toMatchObject({ ready: false })
  })

  it('answers an unknown API path with a JSON 404', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent' })
    const res = await app.inject({ method: 'GET', url: '/api/nope', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ error: 'NotFound' })
  })
})
