/**
 * Is a server running on this data folder? (issue 12 point 1: `restore` must refuse while one is.)
 *
 * A pid file would be a guess — a crashed server leaves it behind and its pid may be reused by
 * another program. Instead every SQLite server holds an operating-system file lock for as long as
 * it lives: it opens the small SQLite file `DATA_DIR/deskbook.lock` and keeps a read transaction
 * open, which is a SHARED lock the kernel drops the moment the process ends, however it ends.
 * `restore` asks for an EXCLUSIVE lock on the same file without waiting: SQLite refuses it while any
 * server (one or several) holds its SHARED lock, and while restore holds it no server can start.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'

export const LOCK_FILE = 'deskbook.lock'

/** The lock is held by the other side (a running server, or a restore in progress). */
export class ServerLockBusy extends Error {
  override readonly name = 'ServerLockBusy'
}

export interface HeldLock {
  release(): void
}

const isBusy = (e: unknown): boolean => (e as { code?: string }).code === 'SQLITE_BUSY'

function openLock(dataDir: string): SQLite.Database {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new SQLite(path.join(dataDir, LOCK_FILE), { timeout: 1000 })
  // A rollback journal, never WAL: in WAL mode readers would not block an exclusive lock.
  db.pragma('journal_mode = DELETE')
  return db
}

function hold(dataDir: string, take: (db: SQLite.Database) => void, busy: string): HeldLock {
  let db: SQLite.Database | null = null
  try {
    db = openLock(dataDir)
    take(db)
  } catch (e) {
    db?.close()
    throw isBusy(e) ? new ServerLockBusy(busy) : e
  }
  const open = db
  return { release: () => open.close() }
}

/** The server's lock, held until `release()` or the end of the process. Refused while a restore runs. */
export function holdServerLock(dataDir: string): HeldLock {
  return hold(
    dataDir,
    (db) => {
      db.exec('create table if not exists held_by_running_servers (x integer)')
      db.exec('begin')
      db.prepare('select count(*) from held_by_running_servers').get()
    },
    '数据目录正在恢复备份,请等恢复完成再启动服务器 (a restore is in progress in the data folder: start the server when it has finished)',
  )
}

/** The restore's lock: refused (ServerLockBusy) while any server runs on `dataDir`. */
export function holdRestoreLock(dataDir: string): HeldLock {
  return hold(
    dataDir,
    (db) => db.exec('begin exclusive'),
    '服务器正在运行,请先停止它再恢复(例如 systemctl stop deskbook) (the server is running on this data folder: stop it before restoring, e.g. systemctl stop deskbook)',
  )
}
