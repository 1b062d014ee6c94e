import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@server/app'
import type { ServerDb } from '@server/db/connection'
import { BACKENDS } from '../support/server-db'
import { precompress } from '../../build/precompress'

/** A stand-in build output with the file kinds vite produces. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-dist-'))
  fs.mkdirSync(path.join(dir, 'assets'))
  fs.mkdirSync(path.join(dir, 'icons'))
  // Past the 1 KiB under which the build leaves a file uncompressed.
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>前台台账</title>${'<!-- pad -->'.repeat(100)}`)
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("install",()=>{})')
  fs.writeFileSync(path.join(dir, 'assets', 'index-Bx81f2a9.js'), 'console.log(1);'.repeat(100))
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{}')
  fs.writeFileSync(path.join(dir, 'icons', 'icon-192.png'), 'png')
  return dir
}

describe('serving the built app', () => {
  let app: FastifyInstance
  let db: ServerDb
  let dir: string
  beforeAll(async () => {
    dir = fakeBuild()
    await precompress(dir)
    db = await BACKENDS[0]!.open()
    app = await buildApp({ db, staticDir: dir })
  })
  afterAll(async () => {
    await app.close()
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it.each([
    ['/', 'no-store, no-cache, must-revalidate', '前台台账'],
    ['/index.html', 'no-store, no-cache, must-revalidate', '前台台账'],
    ['/sw.js', 'no-store, no-cache, must-revalidate', 'install'],
    ['/assets/index-Bx81f2a9.js', 'public, max-age=31536000, immutable', 'console'],
    ['/manifest.webmanifest', 'no-cache', '{}'],
  ])('GET %s → Cache-Control %s', async (url, cache, body) => {
    const res = await app.inject({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe(cache)
    expect(res.body).toContain(body)
  })

  const decoded = (encoding: string | undefined, body: Buffer): string =>
    (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8')

  it.each([
    ['/', 'br, gzip', 'br', 'no-store, no-cache, must-revalidate', '前台台账'],
    ['/register/2026', 'gzip, deflate', 'gzip', 'no-store, no-cache, must-revalidate', '前台台账'],
    ['/assets/index-Bx81f2a9.js', 'gzip, deflate, br', 'br', 'public, max-age=31536000, immutable', 'console.log(1)'],
    ['/sw.js', 'br', undefined, 'no-store, no-cache, must-revalidate', 'install'],
    ['/assets/index-Bx81f2a9.js', 'identity', undefined, 'public, max-age=31536000, immutable', 'console.log(1)'],
  ])('GET %s accepting %s → sent as %s, still %s', async (url, accept, encoding, cache, body) => {
    const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': accept, accept: 'text/html,*/*' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe(encoding)
    expect(res.headers['cache-control']).toBe(cache)
    expect(res.headers.vary).toContain('Accept-Encoding')
    expect(decoded(encoding, res.rawPayload)).toContain(body)
  })

  it('answers a deep link with the app, never cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/register/2026?x=1', headers: { accept: 'text/html,application/xhtml+xml' } })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('前台台账')
    expect(res.headers['cache-control']).toBe('no-store, no-cache, must-revalidate')
  })

  it('answers a missing asset with 404, not the app', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/gone-123.js' })
    expect(res.statusCode).toBe(404)
  })

  it('refuses to serve files outside the build folder', async () => {
    const res = await app.inject({ method: 'GET', url: '/../package.json' })
    expect(res.statusCode).toBe(404)
  })
})
