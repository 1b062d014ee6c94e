/**
 * TRUST_PROXY (issue 12 point 6): behind nginx every request comes from the proxy's address, so the
 * rate limits for guessable secrets must count the client's address from X-Forwarded-For — and only
 * when the proxy is trusted, or any client could pick its own address with the header.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@server/app'
import { configFromEnv, ConfigError } from '@server/config'
import type { ServerDb } from '@server/db/connection'
import { CODE_RATE_LIMIT } from '@server/plugins/security'
import { BACKENDS } from '../support/server-db'

describe('TRUST_PROXY in the configuration', () => {
  it('is off by default, and takes true/false, a number of proxies or proxy addresses', () => {
    expect(configFromEnv({}).trustProxy).toBe(false)
    expect(configFromEnv({ TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(configFromEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(configFromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(configFromEnv({ TRUST_PROXY: '127.0.0.1' }).trustProxy).toBe('127.0.0.1')
    expect(configFromEnv({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8, ::1' }).trustProxy).toBe('127.0.0.1, 10.0.0.0/8, ::1')
  })

  it('refuses anything else with a message naming the setting', () => {
    expect(() => configFromEnv({ TRUST_PROXY: 'nginx' })).toThrow(ConfigError)
    expect(() => configFromEnv({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY must be/)
  })
})

describe.each(BACKENDS)('the rate limits behind a proxy on $name', (backend) => {
  let app: FastifyInstance
  let db: ServerDb
  afterEach(async () => {
    await app?.close()
    await db?.close()
  })

  const login = (from: string): Promise<number> =>
    app.inject({ method: 'POST', url: '/api/admin/login', headers: { 'x-forwarded-for': from }, payload: { username: 'nobody', password: 'wrong-password-1' } }).then((r) => r.statusCode)

  async function exhaust(from: string): Promise<void> {
    for (let i = 0; i < CODE_RATE_LIMIT.max; i++) expect(await login(from)).not.toBe(429)
    expect(await login(from)).toBe(429)
  }

  it('counts each client address given by a trusted proxy on its own', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent', trustProxy: '127.0.0.1' })
    await exhaust('203.0.113.5')
    expect(await login('203.0.113.6')).not.toBe(429)
  })

  it('ignores X-Forwarded-For when no proxy is trusted: every request is the connecting address', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent' })
    await exhaust('203.0.113.5')
    expect(await login('203.0.113.6')).toBe(429)
  })

  it('trusts a number of proxy hops', async () => {
    db = await backend.open()
    app = await buildApp({ db, staticDir: '/nonexistent', trustProxy: 1 })
    await exhaust('203.0.113.7')
    expect(await login('203.0.113.8')).not.toBe(429)
  })
})
