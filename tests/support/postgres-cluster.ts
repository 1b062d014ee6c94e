/**
 * A throwaway PostgreSQL cluster for the server tests, from Debian's `postgresql` package:
 * initdb into a temp folder, start on a free port with the socket in /tmp, stop afterwards.
 * As root (CI), the cluster runs as the `postgres` user, as initdb requires.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export interface Cluster {
  url: string
  stop(): void
}

export function binDir(): string {
  const fromEnv = process.env.PG_BIN
  if (fromEnv) return fromEnv
  const base = '/usr/lib/postgresql'
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : []
  for (const v of versions) {
    const dir = path.join(base, v, 'bin')
    if (fs.existsSync(path.join(dir, 'initdb'))) return dir
  }
  throw new Error(
    'PostgreSQL is needed for the server tests and was not found. Install it (apt-get install postgresql) ' +
      'or set TEST_DATABASE_URL to a server whose user may create databases.',
  )
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

export async function startCluster(): Promise<Cluster> {
  const bin = binDir()
  const asRoot = process.getuid?.() === 0
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-pg-'))
  const data = path.join(dir, 'data')
  const port = await freePort()
  const run = (cmd: string, args: string[]): void => {
    const full = path.join(bin, cmd)
    const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' }) : spawnSync(full, args, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout || r.error?.message}`)
  }
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir])
  fs.chmodSync(dir, 0o700)
  run('initdb', ['-D', data, '-U', 'deskbook', '--auth=trust', '-E', 'UTF8', '--locale=C'])
  run('pg_ctl', ['-D', data, '-o', `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, '-w', '-l', path.join(dir, 'log'), 'start'])
  return {
    url: `postgres://deskbook@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
