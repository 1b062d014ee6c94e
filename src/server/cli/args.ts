/**
 * The command line of `npm run admin`: commands, their options, the usage text, and parsing with
 * Node's own `util.parseArgs`. Every mistake is a UsageError with a message for a person.
 */
import { parseArgs } from 'node:util'
import { DEFAULT_TIMEZONE } from '@shared/domain/time'
import { MIN_PASSWORD_LENGTH } from '../auth/secrets'

/** A mistake on the command line: printed without a stack trace, exit code 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

const OPTIONS = {
  username: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  site: { type: 'string' },
  name: { type: 'string' },
  'admin-name': { type: 'string' },
  'admin-pin': { type: 'string' },
  timezone: { type: 'string' },
  device: { type: 'string' },
  department: { type: 'string' },
  file: { type: 'string' },
  to: { type: 'string' },
  dir: { type: 'string' },
  'keep-days': { type: 'string' },
  from: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

type OptionName = keyof typeof OPTIONS
export type StringOption = { [K in OptionName]: (typeof OPTIONS)[K]['type'] extends 'string' ? K : never }[OptionName]

interface CommandSpec {
  /** Options the command takes besides --json and --help. */
  options: readonly OptionName[]
  required: readonly StringOption[]
  /** Needs a password: --password or --password-stdin, exactly one. */
  password?: true
}

const COMMANDS = {
  init: { options: ['username', 'password', 'password-stdin', 'site', 'admin-name', 'admin-pin', 'timezone'], required: ['username'], password: true },
  'create-admin': { options: ['username', 'password', 'password-stdin'], required: ['username'], password: true },
  'create-site': { options: ['name', 'admin-name', 'admin-pin', 'timezone'], required: ['name', 'admin-name', 'admin-pin'] },
  sites: { options: [], required: [] },
  'enrol-code': { options: ['site', 'department'], required: ['site'] },
  departments: { options: ['site'], required: ['site'] },
  'connect-code': { options: [], required: [] },
  devices: { options: ['site'], required: [] },
  revoke: { options: ['device'], required: ['device'] },
  'import-site': { options: ['file'], required: ['file'] },
  backup: { options: ['to', 'dir', 'keep-days'], required: [] },
  restore: { options: ['from'], required: ['from'] },
  'mark-restored': { options: [], required: [] },
  help: { options: [], required: [] },
} as const satisfies Record<string, CommandSpec>

export type CommandName = keyof typeof COMMANDS

export interface Invocation {
  command: CommandName
  /** Machine-readable output. */
  json: boolean
  /** The string options given, each non-empty and one the command takes. */
  values: Partial<Record<StringOption, string>>
  /** Read the password from standard input instead of `values.password`. */
  passwordStdin: boolean
}

export const USAGE = `Deskbook 服务器管理 (server administration)

用法 (usage):  npm run admin -- <命令 command> [选项 options]

命令 (commands):
  init --username 用户名 (--password 密码 | --password-stdin)
       [--site 项目名称 --admin-name 姓名 --admin-pin PIN] [--timezone 时区]
      首次设置:第一个管理员账号;可同时新建第一个项目和它的客服管理员(已设置过的服务器拒绝)
      First-run setup: the first administrator account, optionally the first site with its
      administrator staff member (refused once the server is set up)
  create-admin --username 用户名 (--password 密码 | --password-stdin)
      再加一个管理员账号 / Add another administrator account
  create-site --name 项目名称 --admin-name 姓名 --admin-pin PIN [--timezone 时区]
      新建项目和它的第一位客服管理员(在平板上用 PIN 登录)
      Create a site with its first administrator staff member (logs in on the tablet with the PIN)
  sites
      列出项目(ID、名称、平板数) / List sites (id, name, devices)
  enrol-code --site 项目ID [--department 部门ID或名称]
      发注册码:平板用它加入项目(只能用一次,24 小时内有效);给出 --department 时是该部门
      自己的平板(部门平板:只给该部门的员工用,不接收前台的值班记录)
      Issue an enrolment code: a tablet joins the site with it (single use, valid 24 h); with
      --department, a tablet of that department (for its members only; never gets the duty log)
  departments --site 项目ID
      列出项目的部门(ID、名称、是否启用) / List the site's departments (id, name, active)
  connect-code
      发连接码:独立使用的平板用它带着自己的项目连上服务器
      Issue a connect code: a standalone tablet brings its own site to the server with it
  devices [--site 项目ID]
      列出平板 / List tablets
  revoke --device 设备ID
      停用平板(丢失或更换时) / Revoke a tablet (lost or replaced)
  import-site --file 导出文件.json
      从项目的 JSON 导出文件(含业主电话)重建项目;服务器上已有该项目时拒绝
      Recreate a site from its JSON archive (exported with phones); refused if the site is here
  backup (--to 文件 | --dir 目录 [--keep-days 天数])
      SQLite:服务器运行中也可备份(在线备份,不是复制文件);--dir 用带日期的文件名,
      并删除该目录中超过 --keep-days 天(默认 14)的旧备份(只删它自己的备份文件)。
      PostgreSQL:显示要运行的 pg_dump 命令
      SQLite: a consistent copy while the server runs (online backup, never a file copy); --dir
      names it by date and deletes its own backups there older than --keep-days (default 14).
      PostgreSQL: prints the pg_dump command to run
  restore --from 文件
      SQLite:用备份替换数据库(服务器必须先停止;被替换的数据库保留在旁边),再升级结构并
      标记为已恢复,平板下次同步时会补传服务器缺少的记录。PostgreSQL:显示 pg_restore 步骤
      SQLite: put a backup in place (the server must be stopped; the replaced database is kept
      beside it), migrate it and mark it restored so tablets re-send what it lacks. PostgreSQL:
      prints the pg_restore steps
  mark-restored
      把数据库标记为已恢复(新的代号):用 pg_restore 恢复 PostgreSQL 后必须运行,否则平板
      不会补传备份之后的记录 / Mark the database restored (a new generation): required after a
      pg_restore, or the tablets never re-send what they changed after the backup
  help
      显示本说明 / Show this help

选项 (options):
  --password-stdin  从标准输入读密码(第一行);比 --password 安全,不会留在命令历史和进程列表里
                    Read the password from standard input (first line); safer than --password,
                    which stays in the shell history and the process list
  --json            以 JSON 输出结果 / Machine-readable output

密码至少 ${MIN_PASSWORD_LENGTH} 位;用户名 3–60 位字母、数字或 _ . @ -;PIN 4–8 位数字;默认时区 ${DEFAULT_TIMEZONE}
Passwords: at least ${MIN_PASSWORD_LENGTH} characters; usernames: 3–60 letters, digits, _ . @ -;
PINs: 4–8 digits; default timezone ${DEFAULT_TIMEZONE}

配置与服务器相同 (same configuration as the server): DATA_DIR(SQLite 文件所在目录 folder of the
SQLite file, 默认 default data/),DATABASE_URL(设置时用 PostgreSQL / PostgreSQL when set)

例 (example):
  printf '%s\\n' 'correct-horse-1' | npm run admin -- init --username admin --password-stdin \\
      --site 翠苑小区 --admin-name 王管理 --admin-pin 2580
  npm run admin -- enrol-code --site <项目ID site id>
  npm run admin -- enrol-code --site <项目ID site id> --department 工程部
`

const HINT = '用法见 npm run admin -- help (see npm run admin -- help)'

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name)
}

/** Node's parseArgs errors, said for a person. */
function parseError(e: unknown): UsageError {
  const code = (e as { code?: string }).code ?? ''
  const message = e instanceof Error ? e.message : String(e)
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`不认识的选项 ${option} (unknown option ${option}); ${HINT}`)
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return OPTIONS[option.replace(/^--/, '') as OptionName]?.type === 'boolean'
      ? new UsageError(`选项 ${option} 不带值 (option ${option} takes no value)`)
      : new UsageError(`选项 ${option} 缺少值 (option ${option} needs a value)`)
  }
  return new UsageError(`参数不正确 (bad arguments): ${message}`)
}

/** The command and its options; UsageError for anything the command does not take or lacks. */
export function parseCommandLine(argv: string[]): Invocation {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (e) {
    throw parseError(e)
  }
  const { values, positionals } = parsed
  const json = values.json === true
  const [first, ...rest] = positionals
  if (first === undefined || values.help) return { command: 'help', json, values: {}, passwordStdin: false }
  if (!isCommand(first)) throw new UsageError(`不认识的命令 "${first}" (unknown command "${first}"); ${HINT}`)
  if (rest.length > 0) throw new UsageError(`多余的参数 "${rest[0]}" (unexpected argument "${rest[0]}"); ${HINT}`)
  const spec: CommandSpec = COMMANDS[first]
  const given: Partial<Record<StringOption, string>> = {}
  for (const [key, value] of Object.entries(values) as [OptionName, string | boolean | undefined][]) {
    if (value === undefined || key === 'json' || key === 'help') continue
    if (!spec.options.includes(key)) throw new UsageError(`命令 ${first} 不用选项 --${key} (option --${key} is not used by ${first}); ${HINT}`)
    if (typeof value === 'string') {
      if (value.trim() === '') throw new UsageError(`选项 --${key} 不能为空 (option --${key} is empty)`)
      given[key as StringOption] = value
    }
  }
  const missing = spec.required.find((k) => given[k] === undefined)
  if (missing) throw new UsageError(`缺少选项 --${missing} (missing option --${missing}); ${HINT}`)
  const passwordStdin = values['password-stdin'] === true
  if (spec.password) {
    if (passwordStdin && given.password !== undefined) throw new UsageError('--password 和 --password-stdin 只能用一个 (use either --password or --password-stdin)')
    if (!passwordStdin && given.password === undefined) throw new UsageError(`缺少密码:请用 --password-stdin 或 --password (missing password: use --password-stdin or --password); ${HINT}`)
  }
  if (first === 'init') {
    const siteOptions = (['site', 'admin-name', 'admin-pin'] as const).filter((k) => given[k] !== undefined)
    if (siteOptions.length > 0 && siteOptions.length < 3) {
      throw new UsageError('新建第一个项目需要 --site、--admin-name 和 --admin-pin 三项 (the first site needs --site, --admin-name and --admin-pin together)')
    }
    if (given.timezone !== undefined && siteOptions.length === 0) throw new UsageError('--timezone 只用于新建项目,请同时给出 --site (--timezone is for the new site: give --site too)')
  }
  if (first === 'backup') backupOptions(given)
  return { command: first, json, values: given, passwordStdin }
}

/** `backup`: exactly one of --to and --dir; --keep-days (a whole number of days ≥ 1) only with --dir. */
function backupOptions(given: Partial<Record<StringOption, string>>): void {
  if ((given.to === undefined) === (given.dir === undefined)) throw new UsageError(`备份需要 --to 文件 或 --dir 目录,二选一 (backup needs either --to FILE or --dir DIR); ${HINT}`)
  const keep = given['keep-days']
  if (keep === undefined) return
  if (given.dir === undefined) throw new UsageError('--keep-days 只用于 --dir (--keep-days goes with --dir)')
  if (!/^\d+$/.test(keep) || Number(keep) < 1) throw new UsageError(`--keep-days 须为至少 1 的整数,不是 "${keep}" (--keep-days must be a whole number of days, at least 1)`)
}
