/**
 * `npm run admin -- <command>`: the server's administration on the command line — first-run setup,
 * administrators, sites, one-time codes for tablets, revoking tablets. Same configuration as the
 * server (DATA_DIR, DATABASE_URL); the database is opened and migrated first. Usage: `help`.
 *
 * Results go to standard output (`--json` for machine-readable output); mistakes are a message on
 * standard error (Chinese, English in brackets) and exit code 1, never a stack trace.
 */
import { configFromEnv, ConfigError } from '../config'
import { ServerLockBusy } from '../db/server-lock'
import { openDatabase, type ServerDb } from '../db/connection'
import { migrateToLatest } from '../db/migrate'
import { HttpError } from '../http/http-error'
import { checkNewPassword } from '../admin/operations'
import { parseCommandLine, USAGE, UsageError, type Invocation } from './args'
import { runCommand, type Output } from './commands'
import { CommandRefused, runFileCommand } from './backup-commands'
import { readPasswordFromStdin } from './password'

/** A failure already said for a person. */
class CliError extends Error {
  override readonly name = 'CliError'
}

async function password(inv: Invocation): Promise<string> {
  if (inv.command !== 'init' && inv.command !== 'create-admin') return ''
  const given = inv.passwordStdin ? await readPasswordFromStdin() : (inv.values.password ?? '')
  if (given === null) throw new CliError('已取消 (cancelled)')
  if (given === '') throw new CliError('没有读到密码:请在标准输入的第一行给出密码 (no password on standard input: give it on the first line)')
  checkNewPassword(given)
  return given
}

function errorMessage(e: unknown): string {
  return (e instanceof Error ? e.message || (e as { code?: string }).code : undefined) || String(e)
}

async function open(): Promise<ServerDb> {
  const config = configFromEnv()
  let db: ServerDb
  try {
    db = await openDatabase(config)
  } catch (e) {
    const setting = config.databaseUrl ? 'DATABASE_URL' : `DATA_DIR (${config.dataDir})`
    throw new CliError(`无法打开数据库,请检查 ${setting} (cannot open the database, check ${setting}): ${errorMessage(e)}`)
  }
  try {
    await migrateToLatest(db)
  } catch (e) {
    await db.close().catch(() => {})
    throw new CliError(`无法打开数据库 ${db.describe} (cannot open the database): ${errorMessage(e)}`)
  }
  return db
}

async function main(argv: string[]): Promise<void> {
  const inv = parseCommandLine(argv)
  if (inv.command === 'help') {
    process.stdout.write(USAGE)
    return
  }
  const write = (out: Output): void => void process.stdout.write(inv.json ? `${JSON.stringify(out.json, null, 2)}\n` : out.text)
  const onFile = runFileCommand(inv, configFromEnv(), Date.now())
  if (onFile) return write(await onFile)
  const pw = await password(inv)
  const db = await open()
  try {
    write(await runCommand(inv, { db, now: Date.now(), password: pw, localTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone, dataDir: configFromEnv().dataDir }))
  } finally {
    await db.close()
  }
}

function report(e: unknown): string {
  if (e instanceof HttpError && e.code === 'AlreadySetUp') return `${e.message}; 再加管理员请用 create-admin (to add another administrator, use create-admin)`
  if (e instanceof UsageError || e instanceof HttpError || e instanceof CliError || e instanceof CommandRefused || e instanceof ServerLockBusy) return e.message
  if (e instanceof ConfigError) return `配置错误 (configuration error): ${e.message}`
  const details = process.env.DEBUG && e instanceof Error && e.stack ? `\n${e.stack}` : ' — 设置 DEBUG=1 可看详细信息 (set DEBUG=1 for details)'
  return `出错了 (unexpected error): ${errorMessage(e)}${details}`
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`错误 (error): ${report(e)}\n`)
  process.exitCode = 1
})
