import { afterEach, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@server/app'
import { loggerOptions } from '@server/http/logging'
import type { ServerDb } from '@server/db/connection'
import { BACKENDS } from '../support/server-db'

describe('server logs', () => {
  let app: FastifyInstance
  let db: ServerDb
  afterEach(async () => {
    await app?.close()
    await db?.close()
  })

  it('record method, path and status but never a query string, body or header with personal data', async () => {
    const lines: string[] = []
    db = await BACKENDS[0]!.open()
    app = await buildApp({ db, staticDir: '/nonexistent', logger: loggerOptions('info', { write: (m) => void lines.push(m) }) })
    await app.inject({ method: 'GET', url: '/api/health?name=王先生&phone=13812345678', headers: { 'x-owner': '13812345678' } })
    await app.inject({ method: 'POST', url: '/api/nope', payload: { owner: '王先生', phone: '13812345678' } })
    const log = lines.join('\n')
    expect(log).toContain('/api/health')
    expect(log).toContain('"statusCode":200')
    expect(log).toContain('/api/nope')
    expect(log).not.toContain('13812345678')
    expect(log).not.toContain('王先生')
  })
})
