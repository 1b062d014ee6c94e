/**
 * End-to-end tests run the built app served by the real, compiled server: build both once before
 * them. E2E_SKIP_BUILD=1 reuses dist/client (for repeated local runs); the server build (about a
 * second) is redone whenever it is older than its source.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { BUILT_CLIENT, ROOT, buildServer, ensureServerBuilt } from './app-server'

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(BUILT_CLIENT, 'index.html'))) {
    ensureServerBuilt()
    return
  }
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`)
  buildServer()
}

