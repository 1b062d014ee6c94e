/**
 * Backing up and restoring the embedded SQLite database (issue 12 point 1). The copy is made with
 * SQLite's online backup API through a connection of its own, so it is consistent while the server
 * writes (a plain file copy of a live WAL database can miss or tear the last transactions).
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'

/**
 * A consistent copy of the live database `file` into `to` (which must not exist yet). It is written
 * as `<to>.partial` and renamed when whole, so a backup cut short never looks like a good one.
 */
export async function backupSqlite(file: string, to: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no database at ${file}`)
  if (fs.existsSync(to)) throw new Error(`${to} already exists`)
  fs.mkdirSync(path.dirname(path.resolve(to)), { recursive: true })
  const partial = `${to}.partial`
  fs.rmSync(partial, { force: true })
  const live = new SQLite(file, { fileMustExist: true })
  try {
    live.pragma('busy_timeout = 5000')
    await live.backup(partial)
  } finally {
    live.close()
  }
  // The copy inherits WAL mode; a rollback journal makes it one self-contained file that opening it
  // (a check, a restore) never surrounds with -wal and -shm files.
  const copy = new SQLite(partial, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
  fs.renameSync(partial, to)
}

/** The dated backups `backup --dir` makes, and the only files its retention ever deletes. */
const DATED_BACKUP = /^deskbook-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z\.sqlite$/
const DAY_MS = 24 * 60 * 60 * 1000

/** `deskbook-20261202-031500Z.sqlite`: the time (UTC) in the name, so names sort by age. */
export function datedBackupName(now: number): string {
  const iso = new Date(now).toISOString()
  return `deskbook-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}Z.sqlite`
}

/** When a dated backup was made, from its name (null: not one of ours). */
export function datedBackupTime(name: string): number | null {
  const m = DATED_BACKUP.exec(name)
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  return Date.UTC(y, mo - 1, d, h, mi, s)
}

/** The dated backups in `dir` older than `keepDays` days at `now`; any other file is never listed. */
export function expiredBackups(dir: string, now: number, keepDays: number): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => {
      const at = datedBackupTime(name)
      return at !== null && at < now - keepDays * DAY_MS && fs.statSync(path.join(dir, name)).isFile()
    })
    .sort()
}

/** A dated backup into `dir`, then the dated backups older than `keepDays` days removed. */
export async function backupIntoDir(file: string, dir: string, now: number, keepDays: number): Promise<{ file: string; removed: string[] }> {
  const to = path.join(dir, datedBackupName(now))
  await backupSqlite(file, to)
  const removed = expiredBackups(dir, now, keepDays)
  for (const name of removed) fs.rmSync(path.join(dir, name))
  return { file: to, removed }
}

/** Does `file` open as a sound SQLite database? Returns SQLite's complaint when it does not. */
export function checkSqliteFile(file: string): string | null {
  let db: SQLite.Database | null = null
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true })
    const result = db.pragma('quick_check', { simple: true })
    return result === 'ok' ? null : String(result)
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  } finally {
    db?.close()
  }
}

/**
 * Put the backup `from` in place of the database `file` (the server must be stopped). The database it
 * replaces is kept beside it as `<file>.before-restore-<now>`, so a restore of the wrong copy loses
 * nothing. Returns where the replaced database went (null when there was none).
 */
export function placeSqliteBackup(from: string, file: string, now: number): string | null {
  const problem = checkSqliteFile(from)
  if (problem) throw new Error(`${from} is not a usable SQLite database: ${problem}`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  let kept: string | null = null
  if (fs.existsSync(file)) {
    // Fold the WAL into the main file first, so the kept copy is one whole file.
    const old = new SQLite(file)
    old.pragma('wal_checkpoint(TRUNCATE)')
    old.close()
    kept = `${file}.before-restore-${now}`
    fs.renameSync(file, kept)
  }
  for (const side of ['-wal', '-shm']) fs.rmSync(`${file}${side}`, { force: true })
  fs.copyFileSync(from, file)
  return kept
}
