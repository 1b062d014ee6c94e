/**
 * Backing up and restoring the embedded SQLite database (issue 12 point 1). The copy is made with
 * SQLite's online backup API through a connection of its own, so it is consistent while the server
 * writes (a plain file copy of a live WAL database can miss or tear the last transactions).
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'

/** A consistent copy of the live database `file` into `to` (which must not exist yet). */
export async function backupSqlite(file: string, to: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no database at ${file}`)
  if (fs.existsSync(to)) throw new Error(`${to} already exists`)
  fs.mkdirSync(path.dirname(path.resolve(to)), { recursive: true })
  const live = new SQLite(file, { fileMustExist: true })
  try {
    live.pragma('busy_timeout = 5000')
    await live.backup(to)
  } finally {
    live.close()
  }
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
