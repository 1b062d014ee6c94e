/**
 * The committed systemd units (deploy/systemd, docs/deploy.md): systemd cannot run here, but
 * `systemd-analyze verify` checks them as systemd would load them (keys, sections, the executables);
 * the programs and the admin command they start are the ones this repository builds and parses.
 * Skipped only where systemd-analyze is not installed.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCommandLine } from '@server/cli/args'
import { ROOT } from '../support/app-server'

const ANALYZE = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => fs.existsSync(p))
const UNITS = path.join(ROOT, 'deploy/systemd')
const unit = (name: string): string => fs.readFileSync(path.join(UNITS, name), 'utf8')
const execStart = (name: string): string[] => /^ExecStart=(.+)$/m.exec(unit(name))![1]!.split(/\s+/)

describe('the systemd units in deploy/systemd', () => {
  it.skipIf(!ANALYZE)('pass systemd-analyze verify without a warning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-units-'))
    try {
      for (const f of fs.readdirSync(UNITS)) fs.copyFileSync(path.join(UNITS, f), path.join(dir, f))
      // A template is verified as one of its instances.
      fs.renameSync(path.join(dir, 'deskbook@.service'), path.join(dir, 'deskbook@8081.service'))
      const r = spawnSync(ANALYZE!, ['verify', ...fs.readdirSync(dir).map((f) => path.join(dir, f))], { encoding: 'utf8' })
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('start the compiled server and the admin command the build makes', () => {
    for (const name of ['deskbook.service', 'deskbook@.service']) expect(execStart(name).slice(1)).toEqual(['/opt/deskbook/dist/server/server.js'])
    const [, script, ...args] = execStart('deskbook-backup.service')
    expect(script).toBe('/opt/deskbook/dist/server/admin.js')
    expect(parseCommandLine(args)).toMatchObject({ command: 'backup', values: { dir: '/var/backups/deskbook', 'keep-days': '14' } })
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts).toMatchObject({ serve: 'node dist/server/server.js', admin: 'node dist/server/admin.js' })
  })

  it('back up into a folder the service may write', () => {
    expect(unit('deskbook-backup.service')).toMatch(/^ReadWritePaths=.*\/var\/backups\/deskbook/m)
    expect(unit('deskbook.service')).toMatch(/^ReadWritePaths=\/var\/lib\/deskbook/m)
    expect(unit('deskbook-backup.timer')).toMatch(/^OnCalendar=\S/m)
  })
})
