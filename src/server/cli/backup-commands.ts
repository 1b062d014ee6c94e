/**
 * `backup` and `restore` (issue 12 point 1; docs/deploy.md). They work on the database file, not
 * through an opened and migrated database: a backup changes nothing, and a restore must place the
 * file before anything opens it.
 *
 * On PostgreSQL they do not run pg_dump/pg_restore themselves: those must be the version of the
 * PostgreSQL server, run where the administrator has its rights (often another machine), and a
 * pg_restore is a step the administrator decides on (clean, into which database). They print the
 * exact commands instead and exit 1 (nothing was backed up or restored by this command).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ServerConfig } from '../config'
import { openSqlite } from '../db/connection'
import { backupIntoDir, backupSqlite, checkSqliteFile, datedBackupName, placeSqliteBackup } from '../db/backup'
import { migrateToLatest } from '../db/migrate'
import { holdRestoreLock } from '../db/server-lock'
import { startNewGeneration } from '../repositories/server-meta'
import type { Invocation } from './args'
import { TABLETS_RESYNC, type Output } from './commands'

/** A refusal said for a person (stderr, exit 1). */
export class CommandRefused extends Error {
  override readonly name = 'CommandRefused'
}

export const DEFAULT_KEEP_DAYS = 14

const lines = (...xs: string[]): string => xs.join('\n') + '\n'

/** The shell-quoted form of a path, for a command to copy. */
const quoted = (p: string): string => `'${p.replaceAll("'", `'\\''`)}'`

function pgBackupSteps(file: string): string {
  return lines(
    'PostgreSQL 数据库请用 pg_dump 备份(服务器运行时也可以) (back up a PostgreSQL database with pg_dump; it may run while the server runs):',
    `  pg_dump --format=custom --file=${quoted(file)} "$DATABASE_URL"`,
    '请用与 PostgreSQL 服务器相同或更新版本的 pg_dump,见 docs/deploy.md (use a pg_dump of the server\'s version or newer; see docs/deploy.md)',
  )
}

function pgRestoreSteps(file: string): string {
  return lines(
    'PostgreSQL 数据库请用 pg_restore 恢复,先停止所有服务器进程 (restore a PostgreSQL database with pg_restore, every server process stopped first):',
    `  pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL" ${quoted(file)}`,
    '  npm run admin -- mark-restored',
    '恢复后必须运行 mark-restored,否则平板不会补传备份之后的记录,这些记录会丢失 (mark-restored is required after the restore: without it the tablets never re-send what they changed after the backup, and it is lost)',
  )
}

const sqliteFile = (config: ServerConfig): string => path.join(config.dataDir, 'deskbook.sqlite')

/** The live database, which must exist for a backup (a mistyped DATA_DIR would otherwise say it in English). */
function liveDatabase(config: ServerConfig): string {
  const file = sqliteFile(config)
  if (!fs.existsSync(file)) throw new CommandRefused(`没有数据库 ${file},请检查 DATA_DIR (no database at ${file}: check DATA_DIR)`)
  return file
}

async function backup(inv: Invocation, config: ServerConfig, now: number): Promise<Output> {
  const v = inv.values
  const keepDays = Number(v['keep-days'] ?? DEFAULT_KEEP_DAYS)
  if (config.databaseUrl) throw new CommandRefused(pgBackupSteps(v.to ?? path.join(v.dir!, datedBackupName(now).replace(/\.sqlite$/, '.pgdump'))).trimEnd())
  if (v.to !== undefined) {
    const to = path.resolve(v.to)
    if (fs.existsSync(to)) throw new CommandRefused(`备份文件已存在,不会覆盖 (${to} already exists and is not overwritten)`)
    await backupSqlite(liveDatabase(config), to)
    return { text: lines(`已备份 (backed up): ${to}`), json: { file: to, removed: [] } }
  }
  const made = await backupIntoDir(liveDatabase(config), path.resolve(v.dir!), now, keepDays)
  return {
    text: lines(`已备份 (backed up): ${made.file}`, ...made.removed.map((name) => `已删除超过 ${keepDays} 天的备份 (removed, older than ${keepDays} days): ${name}`)),
    json: made,
  }
}

async function restore(inv: Invocation, config: ServerConfig, now: number): Promise<Output> {
  const from = path.resolve(inv.values.from!)
  if (config.databaseUrl) throw new CommandRefused(pgRestoreSteps(from).trimEnd())
  const problem = checkSqliteFile(from)
  if (problem) throw new CommandRefused(`${from} 不是可用的 SQLite 备份,数据库没有改动 (is not a usable SQLite backup; the database was not changed): ${problem}`)
  // Held while the file is placed and migrated: no server can start on a half-restored folder.
  const lock = holdRestoreLock(config.dataDir)
  try {
    const file = sqliteFile(config)
    const kept = placeSqliteBackup(from, file, now)
    const db = openSqlite(file)
    try {
      await migrateToLatest(db)
      const epoch = await startNewGeneration(db.kysely, now)
      return {
        text: lines(
          `已恢复 (restored): ${from} → ${file}`,
          kept ? `原来的数据库保留在 (the replaced database is kept at): ${kept}` : '原来没有数据库 (there was no database before)',
          `新的代号 (new generation): ${epoch.generation}`,
          TABLETS_RESYNC,
          '现在可以启动服务器 (start the server now), e.g. systemctl start deskbook',
        ),
        json: { restored: from, database: file, kept, serverId: epoch.serverId, generation: epoch.generation },
      }
    } finally {
      await db.close()
    }
  } finally {
    lock.release()
  }
}

/** Runs `backup` or `restore`; null for any other command (which runs on the opened database). */
export function runFileCommand(inv: Invocation, config: ServerConfig, now: number): Promise<Output> | null {
  if (inv.command === 'backup') return backup(inv, config, now)
  if (inv.command === 'restore') return restore(inv, config, now)
  return null
}
