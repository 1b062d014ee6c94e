/**
 * `npm run admin -- backup --dir DIR --keep-days N` (issue 12 point 1): a dated copy, and the dated
 * copies older than N days removed — only those: any other file in the folder stays.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkSqliteFile, datedBackupName, datedBackupTime, expiredBackups } from '@server/db/backup'
import { admin, adminJson, runAdmin } from '../support/admin-run'

const DAY = 24 * 3600_000
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

function folder(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-retention-'))
  dirs.push(dir)
  for (const f of files) fs.writeFileSync(path.join(dir, f), 'x')
  return dir
}

describe('dated backups and their retention', () => {
  const now = Date.UTC(2026, 11, 2, 3, 15, 0)

  it('names a backup by its UTC time and reads the time back', () => {
    expect(datedBackupName(now)).toBe('deskbook-20261202-031500Z.sqlite')
    expect(datedBackupTime(datedBackupName(now))).toBe(now)
    expect(datedBackupTime('deskbook-20261202-031500Z.sqlite.partial')).toBeNull()
    expect(datedBackupTime('deskbook.sqlite')).toBeNull()
  })

  it('lists only its own dated files older than the days kept', () => {
    const old = datedBackupName(now - 8 * DAY)
    const edge = datedBackupName(now - 7 * DAY)
    const recent = datedBackupName(now - 3 * DAY)
    const dir = folder([old, edge, recent, 'notes.txt', 'deskbook.sqlite', 'deskbook-old-manual.sqlite', `${old}.partial`, `${old}.bak`])
    fs.mkdirSync(path.join(dir, datedBackupName(now - 30 * DAY)))
    expect(expiredBackups(dir, now, 7)).toEqual([old])
    expect(expiredBackups(dir, now + 1000, 7)).toEqual([old, edge].sort())
  })

  it('backs up into the folder and removes the old dated copies only, through npm run admin', async () => {
    const dataDir = folder([])
    await admin(['sites'], { DATA_DIR: dataDir })
    const at = Date.now()
    const old = datedBackupName(at - 10 * DAY)
    const recent = datedBackupName(at - 2 * DAY)
    const dir = folder([old, recent, 'notes.txt', 'deskbook-old-manual.sqlite'])
    const made = await adminJson<{ file: string; removed: string[] }>(['backup', '--dir', dir, '--keep-days', '7'], { DATA_DIR: dataDir })
    expect(made.removed).toEqual([old])
    expect(checkSqliteFile(made.file)).toBeNull()
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(made.file), recent, 'notes.txt', 'deskbook-old-manual.sqlite'].sort())
    expect(datedBackupTime(path.basename(made.file))).toBeGreaterThanOrEqual(Math.floor(at / 1000) * 1000)
  })

  it('refuses a backup without a target, or with a bad number of days, as a usage mistake', async () => {
    const env = { DATA_DIR: folder([]) }
    const none = await runAdmin(['backup'], env)
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('备份需要 --to 文件 或 --dir 目录,二选一 (backup needs either --to FILE or --dir DIR)')
    const zero = await runAdmin(['backup', '--dir', env.DATA_DIR, '--keep-days', '0'], env)
    expect(zero.code).toBe(1)
    expect(zero.stderr).toContain('--keep-days 须为至少 1 的整数')
    const loose = await runAdmin(['backup', '--to', 'x.sqlite', '--keep-days', '3'], env)
    expect(loose.stderr).toContain('--keep-days 只用于 --dir (--keep-days goes with --dir)')
  })

  it('says in words when there is no database to back up, and never overwrites a file', async () => {
    const env = { DATA_DIR: folder([]) }
    const target = path.join(folder(['taken.sqlite']), 'taken.sqlite')
    const none = await runAdmin(['backup', '--dir', folder([])], env)
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('没有数据库')
    expect(none.stderr).toContain('check DATA_DIR)')
    await admin(['sites'], env)
    const taken = await runAdmin(['backup', '--to', target], env)
    expect(taken.code).toBe(1)
    expect(taken.stderr).toContain(`备份文件已存在,不会覆盖 (${target} already exists and is not overwritten)`)
    expect(fs.readFileSync(target, 'utf8')).toBe('x')
  })
})
