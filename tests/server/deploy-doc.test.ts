/**
 * docs/deploy.md says what to run; this keeps it true (issue 12 point 6): every `npm run admin`
 * line in it is a command the CLI takes, the pg_dump/pg_restore lines are the ones the CLI prints
 * (which tests/server/backup-postgres.test.ts runs), and both cron lines are run here as cron would
 * run them, with the machine's folders swapped for temp ones.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCommandLine } from '@server/cli/args'
import { datedBackupTime } from '@server/db/backup'
import { IMMUTABLE, NEVER_CACHE } from '@server/plugins/static-app'
import { ROOT } from '../support/app-server'
import { admin, runAdmin } from '../support/admin-run'
import { binDir } from '../support/postgres-cluster'
import { tempDirs } from '../support/temp-dirs'
import { createPostgresDatabase } from '../support/server-db'

const DOC = fs.readFileSync(path.join(ROOT, 'docs/deploy.md'), 'utf8')
const flat = DOC.replace(/\s+/g, ' ')
/** The lines of the fenced code blocks: what the reader copies. */
const CODE = [...DOC.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].flatMap((m) => m[1]!.split('\n'))
const temp = tempDirs('deskbook-doc-')

/** Words of a command line as a shell splits them (single and double quotes; no expansions used here). */
const words = (line: string): string[] => [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)

/** A cron line's command (after the five time fields and the user), with crontab's `\%` undone. */
function cronCommand(startsWith: RegExp): string {
  const line = CODE.find((l) => /^30 2 \* \* \* deskbook /.test(l) && startsWith.test(l.slice('30 2 * * * deskbook '.length)))
  if (!line) throw new Error(`no cron line ${startsWith} in docs/deploy.md`)
  return line.slice('30 2 * * * deskbook '.length).replaceAll('\\%', '%')
}

function sh(command: string, env: Record<string, string> = {}): void {
  const r = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: `${binDir()}:${process.env.PATH}`, ...env } })
  if (r.status !== 0) throw new Error(`${command} → exit ${r.status}: ${r.stderr}`)
}

describe('docs/deploy.md', () => {
  it('names only admin commands the command line takes', () => {
    const lines = [...CODE.join('\n').matchAll(/npm run admin -- ([^'`\n]+)/g)].map((m) => m[1]!.replace(/<[^>]+>/g, 'X').replace(/\s+#.*$/, '').trim())
    expect(lines.length).toBeGreaterThanOrEqual(6)
    for (const line of lines) expect(() => parseCommandLine(words(line)), line).not.toThrow()
    expect(lines.map((l) => words(l)[0])).toEqual(expect.arrayContaining(['init', 'enrol-code', 'backup', 'restore', 'mark-restored']))
  })

  it('gives the pg_dump and pg_restore commands exactly as npm run admin prints them', async () => {
    const env = { DATA_DIR: temp(), DATABASE_URL: 'postgres://deskbook@127.0.0.1:1/deskbook' }
    const file = '/var/backups/deskbook/deskbook.pgdump'
    const printed = [(await runAdmin(['backup', '--to', file], env)).stderr, (await runAdmin(['restore', '--from', file], env)).stderr]
    const commands = printed.flatMap((m) => m.split('\n').filter((l) => /^ {2}\S/.test(l))).map((l) => l.trim())
    expect(commands).toHaveLength(3)
    for (const c of commands) expect(CODE).toContain(c)
  })

  it('refers to files that exist and to the cache headers the server sets', () => {
    for (const [, file] of DOC.matchAll(/`(deploy\/[^`\s]+)`/g)) expect(fs.existsSync(path.join(ROOT, file!)), file).toBe(true)
    expect(flat).toContain(`Cache-Control: ${IMMUTABLE}`)
    expect(flat).toContain(NEVER_CACHE)
  })

  it("runs the SQLite backup cron line: a dated copy in the backup folder", async () => {
    const data = temp()
    const backups = temp()
    await admin(['sites'], { DATA_DIR: data })
    const command = cronCommand(/^cd \/opt\/deskbook /)
    expect(command).toContain(fs.readFileSync(path.join(ROOT, 'deploy/systemd/deskbook-backup.service'), 'utf8').match(/^ExecStart=(.+)$/m)![1])
    sh(command.replaceAll('/opt/deskbook', ROOT).replaceAll('/var/lib/deskbook', data).replaceAll('/var/backups/deskbook', backups).replace('/usr/bin/node', process.execPath))
    const made = fs.readdirSync(backups)
    expect(made).toHaveLength(1)
    expect(datedBackupTime(made[0]!)).not.toBeNull()
  })

  it('runs the PostgreSQL backup cron line: a dated dump, dumps older than 14 days deleted', { timeout: 60_000 }, async () => {
    const pg = await createPostgresDatabase()
    try {
      const dir = temp()
      const backups = temp()
      await admin(['sites'], { DATA_DIR: dir, DATABASE_URL: pg.url })
      fs.writeFileSync(path.join(dir, 'env'), `DATABASE_URL=${pg.url}\nTRUST_PROXY=127.0.0.1\n`)
      const old = path.join(backups, 'deskbook-20200101-000000Z.pgdump')
      fs.writeFileSync(old, 'old')
      const twentyDaysAgo = new Date(Date.now() - 20 * 24 * 3600_000)
      fs.utimesSync(old, twentyDaysAgo, twentyDaysAgo)
      fs.writeFileSync(path.join(backups, 'notes.txt'), 'kept')
      sh(cronCommand(/^set -a;/).replaceAll('/etc/deskbook/env', path.join(dir, 'env')).replaceAll('/var/backups/deskbook', backups), { DATABASE_URL: '' })
      const left = fs.readdirSync(backups).sort()
      expect(left).toEqual([expect.stringMatching(/^deskbook-\d{8}-\d{6}Z\.pgdump$/), 'notes.txt'])
      expect(fs.statSync(path.join(backups, left[0]!)).size).toBeGreaterThan(1000)
    } finally {
      await pg.drop()
    }
  })
})
