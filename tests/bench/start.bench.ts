/**
 * Production start (issue 12 point 5): from spawning the compiled server to its first 200 from
 * /api/health (target ≤ 1 s after the build), median of 7 starts, beside the baseline of the same
 * machine in the same run: `node -e` of an empty http server answering its first request. Shown
 * too: the first start on an empty data folder (all migrations), and the same server started from
 * TypeScript through tsx as `npm run serve` did before (for the record, no target). Never a test.
 * Usage: npm run bench:start
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { BUILT_SERVER, ROOT, ensureServerBuilt } from '../support/app-server'
import { median, row } from './stats'
import { freePort } from '../support/postgres-cluster'

const RUNS = 7
const TARGET_MS = 1000


const get = (port: number, urlPath: string): Promise<number> =>
  new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      .on('error', () => resolve(0))
  })

/** Milliseconds from spawn to the first 200 from `urlPath`, then the process is stopped. */
async function timeToFirstAnswer(args: string[], urlPath: string, env: Record<string, string> = {}): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }, stdio: 'ignore' })
  try {
    for (;;) {
      if ((await get(port, urlPath)) === 200) return performance.now() - started
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`)
      await new Promise((r) => setTimeout(r, 5))
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
}

async function medianOf(make: () => Promise<number>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push(await make())
  return median(times)
}

async function main(): Promise<void> {
  ensureServerBuilt()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-start-'))
  const env = { DATA_DIR: dataDir, STATIC_DIR: path.join(ROOT, 'dist/client') }
  try {
    const baseline = await medianOf(() => timeToFirstAnswer(['-e', `require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT, '127.0.0.1')`], '/'))
    const fresh = await medianOf(() => {
      fs.rmSync(dataDir, { recursive: true, force: true })
      return timeToFirstAnswer([BUILT_SERVER], '/api/health', env)
    })
    const restart = await medianOf(() => timeToFirstAnswer([BUILT_SERVER], '/api/health', env))
    const fromSource = await medianOf(() => timeToFirstAnswer(['--import', 'tsx', path.join(ROOT, 'src/server/server.ts')], '/api/health', env))
    const ms = (n: number): string => `${n.toFixed(0)} ms`
    console.log(`start to the first 200 from /api/health, median of ${RUNS} (${os.cpus().length} cores, SQLite in a temp folder)`)
    console.log(row('compiled server, migrated data folder', ms(restart), ms(baseline), `≤ ${TARGET_MS} ms`, restart <= TARGET_MS))
    console.log(row('compiled server, empty data folder (migrates)', ms(fresh), ms(baseline), `≤ ${TARGET_MS} ms`, fresh <= TARGET_MS))
    console.log(row('from TypeScript through tsx (before)', ms(fromSource), ms(baseline), '—', null))
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
