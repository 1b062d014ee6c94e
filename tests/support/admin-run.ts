/**
 * `npm run admin -- …` as it runs in production: the compiled dist/server/admin.js as a child
 * process (built by the server tests' global setup), with the environment given and nothing inherited
 * that would point it at another database.
 */
import { spawn } from 'node:child_process'
import { BUILT_ADMIN, ROOT } from './app-server'

export interface AdminRun {
  code: number | null
  stdout: string
  stderr: string
}

export interface AdminEnv {
  DATA_DIR: string
  DATABASE_URL?: string
}

export function runAdmin(args: string[], env: AdminEnv, input = ''): Promise<AdminRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_ADMIN, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

/** The command's standard output; throws with its standard error when it fails. */
export async function admin(args: string[], env: AdminEnv, input?: string): Promise<string> {
  const run = await runAdmin(args, env, input)
  if (run.code !== 0) throw new Error(`npm run admin -- ${args.join(' ')} → exit ${run.code}: ${run.stderr}`)
  return run.stdout
}

export async function adminJson<T>(args: string[], env: AdminEnv, input?: string): Promise<T> {
  return JSON.parse(await admin([...args, '--json'], env, input)) as T
}
