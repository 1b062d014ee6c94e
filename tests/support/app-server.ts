/**
 * The real server, started as its own process on a free port with its own data folder, as
 * `npm run serve` runs it: the compiled dist/server/server.js (so the pid is the server's, and a
 * start costs no TypeScript transpiling). The test runs' global setups build it
 * (tests/support/global-build.ts); a bench or a lone script gets it built here when it is missing
 * or older than the source.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const BUILT_CLIENT = path.join(ROOT, 'dist', 'client')
export const BUILT_SERVER = path.join(ROOT, 'dist', 'server', 'server.js')
export const BUILT_ADMIN = path.join(ROOT, 'dist', 'server', 'admin.js')

/** `npm run build:server`: the server and the admin command line to dist/server (about a second). */
export function buildServer(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.server.config.ts', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`server build failed:\n${r.stdout}\n${r.stderr}`)
}

function newestSource(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, e) => {
    const full = path.join(dir, e.name)
    return Math.max(newest, e.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs)
  }, 0)
}

/** Builds the server unless dist/server is newer than everything it is built from (the bundled packages too). */
export function ensureServerBuilt(): void {
  const built = fs.existsSync(BUILT_SERVER) && fs.existsSync(BUILT_ADMIN) ? fs.statSync(BUILT_SERVER).mtimeMs : 0
  const files = ['vite.server.config.ts', 'package-lock.json'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs)
  const sources = Math.max(newestSource(path.join(ROOT, 'src/server')), newestSource(path.join(ROOT, 'src/shared')), ...files)
  if (built < sources) buildServer()
}

export interface RunningServer {
  url: string
  dataDir: string
  staticDir: string
  pid: number
  stop(): Promise<void>
}

export interface StartOptions {
  staticDir?: string
  env?: Record<string, string>
  /** Use this data folder (kept on stop) instead of a fresh temp one (removed on stop). */
  dataDir?: string
}

/** Starts the compiled server and resolves once it is migrated and ready ("Deskbook ready on …"). */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  // In a test run the global setup built it once; building here could race the other test files.
  if (!process.env.VITEST) ensureServerBuilt()
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-data-'))
  const staticDir = opts.staticDir ?? BUILT_CLIENT
  const child: ChildProcess = spawn(process.execPath, [BUILT_SERVER], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: staticDir, LOG_LEVEL: 'info', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const m = /Deskbook ready on http:\/\/localhost:(\d+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    staticDir,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
