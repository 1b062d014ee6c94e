import { afterEach, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@server/app'
import type { ServerDb } from '@server/db/connection'
import { BACKENDS } from '../support/server-db'

describe.each(BACKENDS)('GET /api/health on $name', (backend) => {
  let app: FastifyInstance
  let db: ServerDb
  afterEach(async () => {
    await app?.close()
    await db?.close()
  })

  it('answers ok with the database kind, uncached', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent', version: '1.2.3', now: () => 42 })
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', version: '1.2.3', database: backend.name, time: 42 })
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('answers 503 degraded when the database is gone, not a crash', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent' })
    await db.kysely.destroy()
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(503)
    expect(res.json()).toMatchObject({ status: 'degraded', database: backend.name })
  })

  it('answers an unknown API path with a JSON 404', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent' })
    const res = await app.inject({ method: 'GET', url: '/api/nope', headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ error: 'NotFound' })
  })
})
