/**
 * The committed nginx configuration (deploy/nginx/deskbook.conf, docs/deploy.md) in front of two real
 * server processes on one PostgreSQL: `nginx -t` accepts it, and through it over TLS the API answers,
 * a stopped process is skipped, the cache headers are the static app's own (plugins/static-app.ts),
 * a body over the server's limit is refused by nginx, and the rate limits see the client's address
 * (TRUST_PROXY). Needs Debian's nginx package, which .ci/run installs; without nginx it is skipped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import https from 'node:https'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMMUTABLE, NEVER_CACHE, REVALIDATE } from '@server/plugins/static-app'
import { CODE_RATE_LIMIT } from '@server/plugins/security'
import { ROOT, startServer, type RunningServer } from '../support/app-server'
import { createPostgresDatabase } from '../support/server-db'
import { freePort } from '../support/postgres-cluster'

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p))


interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request through nginx over TLS (its self-signed certificate), from `from` on the loopback network. */
function request(port: number, urlPath: string, opts: { method?: string; body?: string; from?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, path: urlPath, method: opts.method ?? 'GET', rejectUnauthorized: false, localAddress: opts.from, headers: opts.body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let body = ''
        res.setEncoding('utf8').on('data', (d: string) => (body += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

/** The committed file with this test's ports, certificate and built client put in. */
function rendered(conf: string, ports: { https: number; http: number; upstreams: number[] }, dir: string, staticDir: string): string {
  const out = conf
    .replace(/^\s*listen \[::\]:\d+.*$/gm, '')
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`)
    .replace('listen 80;', `listen 127.0.0.1:${ports.http};`)
    .replace('server 127.0.0.1:8081', `server 127.0.0.1:${ports.upstreams[0]}`)
    .replace('server 127.0.0.1:8082', `server 127.0.0.1:${ports.upstreams[1]}`)
    .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${dir}/cert.pem;`)
    .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${dir}/key.pem;`)
    .replace('root /opt/deskbook/dist/client;', `root ${staticDir};`)
  const directives = out.replace(/#.*$/gm, '')
  for (const left of ['8081', '8082', '/opt/deskbook', 'letsencrypt', 'listen 443', 'listen 80;']) expect(directives).not.toContain(left)
  return out
}

describe.skipIf(!NGINX)('nginx in front of two server processes (deploy/nginx/deskbook.conf)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-nginx-'))
  const staticDir = path.join(dir, 'client')
  const servers: RunningServer[] = []
  let nginx: ChildProcess | null = null
  let pg: { url: string; drop(): Promise<void> }
  let port = 0
  let httpPort = 0

  beforeAll(async () => {
    // nginx's workers run as an unprivileged user: they must read the client and the certificate.
    fs.chmodSync(dir, 0o755)
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Deskbook</title>')
    fs.writeFileSync(path.join(staticDir, 'sw.js'), 'self.addEventListener("install", () => {})')
    fs.writeFileSync(path.join(staticDir, 'manifest.webmanifest'), '{}')
    fs.writeFileSync(path.join(staticDir, 'assets', 'index-Bx7f3k.js'), 'console.log(1)')
    const cert = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`], { encoding: 'utf8' })
    if (cert.status !== 0) throw new Error(`openssl: ${cert.stderr}`)
    fs.chmodSync(`${dir}/key.pem`, 0o644)

    pg = await createPostgresDatabase()
    const env = { DATABASE_URL: pg.url, TRUST_PROXY: '127.0.0.1' }
    servers.push(await startServer({ staticDir, env }))
    servers.push(await startServer({ staticDir, env }))

    port = await freePort()
    httpPort = await freePort()
    const upstreams = servers.map((s) => Number(new URL(s.url).port))
    const site = rendered(fs.readFileSync(path.join(ROOT, 'deploy/nginx/deskbook.conf'), 'utf8'), { https: port, http: httpPort, upstreams }, dir, staticDir)
    fs.writeFileSync(path.join(dir, 'deskbook.conf'), site)
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ')
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;\nevents {}\nhttp { include /etc/nginx/mime.types; access_log off; ${temp}\ninclude ${dir}/deskbook.conf; }\n`,
    )
  })

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once('exit', r))
      nginx.kill('SIGTERM')
      await exited
    }
    for (const s of servers) await s.stop()
    await pg?.drop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('passes nginx -t', () => {
    const r = spawnSync(NGINX!, ['-t', '-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { encoding: 'utf8' })
    expect(r.stderr).toContain('test is successful')
    expect(r.status).toBe(0)
  })

  it('serves the API from both processes over TLS, and skips a stopped one', { timeout: 60_000 }, async () => {
    nginx = spawn(NGINX!, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`, '-g', 'daemon off;'], { stdio: 'ignore' })
    for (let i = 0; ; i++) {
      const up = await request(port, '/api/ready').catch(() => null)
      if (up?.status === 200) break
      if (i > 200) throw new Error(`nginx did not start: ${fs.readFileSync(`${dir}/error.log`, 'utf8')}`)
      await new Promise((r) => setTimeout(r, 25))
    }
    const health = await request(port, '/api/health')
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', database: 'postgres' })
    await servers[0]!.stop()
    for (let i = 0; i < 4; i++) expect((await request(port, '/api/health')).status).toBe(200)
  })

  it('redirects plain HTTP to HTTPS', async () => {
    const res = await new Promise<{ status: number; location?: string }>((resolve, reject) => {
      net
        .connect(httpPort, '127.0.0.1', function (this: net.Socket) {
          this.end('GET /today HTTP/1.1\r\nHost: deskbook.example.com\r\nConnection: close\r\n\r\n')
        })
        .setEncoding('utf8')
        .on('data', (d: string) => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(d)?.[1]), location: /\r\nLocation: (\S+)/i.exec(d)?.[1] }))
        .on('error', reject)
    })
    expect(res).toEqual({ status: 301, location: 'https://deskbook.example.com/today' })
  })

  it('sends the static app with the cache headers the server itself sets', async () => {
    const asset = await request(port, '/assets/index-Bx7f3k.js')
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toBe(IMMUTABLE)
    expect((await request(port, '/assets/index-gone.js')).status).toBe(404)
    for (const page of ['/', '/index.html', '/sw.js', '/register/today']) {
      const res = await request(port, page)
      expect([page, res.status, res.headers['cache-control']]).toEqual([page, 200, NEVER_CACHE])
    }
    // The server's security headers reach the browser through nginx.
    expect((await request(port, '/')).headers['content-security-policy']).toContain("default-src 'self'")
    expect((await request(port, '/manifest.webmanifest')).headers['cache-control']).toBe(REVALIDATE)
  })

  it('refuses a body over the server limit (5 MB) itself, and lets one under it through, and a big archive to the import', async () => {
    const big = await request(port, '/api/admin/login', { method: 'POST', body: JSON.stringify({ username: 'x', password: 'y'.repeat(5.5 * 1024 * 1024) }) })
    expect(big.status).toBe(413)
    const under = await request(port, '/api/admin/login', { method: 'POST', body: JSON.stringify({ username: 'x', password: 'y'.repeat(4 * 1024 * 1024) }) })
    expect(under.status).toBe(400)
    // A site's archive may be far larger: its import route has a limit of its own, and so has nginx.
    const archive = await request(port, '/api/admin/sites/import', { method: 'POST', body: JSON.stringify({ archive: 'y'.repeat(6 * 1024 * 1024) }) })
    expect(archive.status).toBe(401)
  })

  it('lets the rate limits count each client by its own address', async () => {
    const login = (from: string): Promise<number> => request(port, '/api/admin/login', { method: 'POST', from, body: JSON.stringify({ username: 'nobody', password: 'wrong-password-1' }) }).then((r) => r.status)
    for (let i = 0; i < CODE_RATE_LIMIT.max; i++) expect(await login('127.0.0.2')).not.toBe(429)
    expect(await login('127.0.0.2')).toBe(429)
    expect(await login('127.0.0.3')).not.toBe(429)
  })
})
