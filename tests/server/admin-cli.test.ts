/**
 * `npm run admin`: the real (compiled) command line as a child process, on a SQLite file that a real app then
 * serves (so an enrolment code from the CLI enrols a tablet over HTTP), and on PostgreSQL.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@server/app'
import { openSqlite, type ServerDb } from '@server/db/connection'
import type { EnrolResponse, PullResponse } from '@shared/sync/protocol'
import { createPostgresDatabase } from '../support/server-db'
import { protocolHeaders } from '../support/server-fixtures'
import { runAdmin, type AdminRun } from '../support/admin-run'

type Run = AdminRun

/** Runs the compiled dist/server/admin.js as `npm run admin` does, with `input` on standard input. */
const cli = (args: string[], env: { DATA_DIR: string; DATABASE_URL?: string }, input = ''): Promise<Run> => runAdmin(args, env, input)

async function ok(args: string[], env: { DATA_DIR: string; DATABASE_URL?: string }, input?: string): Promise<string> {
  const run = await cli(args, env, input)
  if (run.code !== 0) throw new Error(`npm run admin -- ${args.join(' ')} → exit ${run.code}: ${run.stderr}`)
  expect(run.stderr).toBe('')
  return run.stdout
}

async function okJson<T>(args: string[], env: { DATA_DIR: string; DATABASE_URL?: string }, input?: string): Promise<T> {
  return JSON.parse(await ok([...args, '--json'], env, input)) as T
}

const PASSWORD = 'correct-horse-1'
const SITE = ['--site', '翠苑小区', '--admin-name', '王管理', '--admin-pin', '2580']

interface SiteJson {
  id: string
  name: string
  timezone: string
  devices: number
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-cli-'))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** The real app on the SQLite file the CLI writes. */
async function appOn(dir: string): Promise<{ app: FastifyInstance; db: ServerDb }> {
  const db = openSqlite(path.join(dir, 'deskbook.sqlite'))
  const app = await buildApp({ db, staticDir: '/nonexistent' })
  cleanups.push(async () => {
    await app.close()
    await db.close()
  })
  return { app, db }
}

describe('npm run admin on SQLite', () => {
  it('sets the server up, creates a site, and issues a code that enrols a tablet, which it lists and revokes', { timeout: 120_000 }, async () => {
    const env = { DATA_DIR: tempDir() }
    // A setup token a server start left in the data folder: init needs none and spends it (issue 14 point 1).
    fs.writeFileSync(path.join(env.DATA_DIR, 'setup-token'), 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01\n', { mode: 0o600 })
    const init = await okJson<{ admin: { username: string }; site: { id: string; name: string; timezone: string; adminStaffId: string } }>(
      ['init', '--username', 'admin', '--password-stdin', ...SITE],
      env,
      `${PASSWORD}\n`,
    )
    expect(init.admin.username).toBe('admin')
    expect(fs.existsSync(path.join(env.DATA_DIR, 'setup-token'))).toBe(false)
    expect(init.site).toMatchObject({ name: '翠苑小区', timezone: 'Asia/Shanghai' })
    const siteId = init.site.id

    const { app } = await appOn(env.DATA_DIR)
    // The password read from standard input is the administrator's password in the console.
    expect((await app.inject({ method: 'GET', url: '/api/admin/status' })).json()).toEqual({ setUp: true })
    const login = await app.inject({ method: 'POST', url: '/api/admin/login', payload: { username: 'admin', password: PASSWORD } })
    expect(login.statusCode).toBe(200)

    const created = await ok(['create-site', '--name', '海棠苑', '--admin-name', '李主管', '--admin-pin', '3690', '--timezone', 'Asia/Urumqi'], env)
    expect(created).toContain('已创建项目 (site created): 海棠苑')
    expect(created).toContain('Asia/Urumqi')

    const listed = await ok(['sites'], env)
    expect(listed).toMatch(/项目ID \(site id\)\s+平板 \(devices\)/)
    expect(listed).toContain('翠苑小区')
    expect(listed).toContain('海棠苑')
    const sites = await okJson<SiteJson[]>(['sites'], env)
    expect(sites.map((s) => [s.name, s.devices])).toEqual([
      ['翠苑小区', 0],
      ['海棠苑', 0],
    ])

    const codeText = await ok(['enrol-code', '--site', siteId], env)
    expect(codeText).toMatch(/注册码 \(enrolment code\): [A-Z2-9]{5}-[A-Z2-9]{5}/)
    expect(codeText).toMatch(/有效期至 \(valid until\): \d{4}-\d\d-\d\d \d\d:\d\d Asia\/Shanghai/)
    const issued = await okJson<{ code: string; expiresAt: number; siteId: string }>(['enrol-code', '--site', siteId], env)
    expect(issued.siteId).toBe(siteId)
    expect(issued.expiresAt - Date.now()).toBeGreaterThan(23 * 3600_000)

    // The code enrols a tablet over HTTP, which then pulls the site and its administrator.
    const enrolled = await app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code: issued.code, name: '前台平板' } })
    expect(enrolled.statusCode).toBe(200)
    const tablet = enrolled.json<EnrolResponse>()
    expect(tablet.site).toEqual({ id: siteId, name: '翠苑小区', timezone: 'Asia/Shanghai' })
    expect(tablet.device.letter).toBe('A')
    const pull = await app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0', headers: protocolHeaders(tablet.token) })
    expect(pull.statusCode).toBe(200)
    expect(pull.json<PullResponse>().changes.map((c) => c.data.name)).toEqual(expect.arrayContaining(['翠苑小区', '王管理']))
    const again = await app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code: issued.code, name: '第二台' } })
    expect(again.statusCode).toBe(400)

    expect((await okJson<SiteJson[]>(['sites'], env)).find((s) => s.id === siteId)?.devices).toBe(1)
    const devices = await ok(['devices', '--site', siteId], env)
    expect(devices).toContain(tablet.device.id)
    expect(devices).toContain('前台平板')
    expect(devices).toContain('使用中 (active)')
    const otherSite = sites.find((s) => s.name === '海棠苑')!.id
    expect(await okJson<unknown[]>(['devices', '--site', otherSite], env)).toEqual([])

    expect(await ok(['revoke', '--device', tablet.device.id], env)).toContain('已停用平板 (device revoked): A 前台平板')
    expect(await okJson(['revoke', '--device', tablet.device.id], env)).toMatchObject({ id: tablet.device.id, revoked: false })
    const [listedDevice] = await okJson<{ id: string; revokedAt: number | null }[]>(['devices'], env)
    expect(listedDevice).toMatchObject({ id: tablet.device.id, revokedAt: expect.any(Number) })
    const refused = await app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0', headers: protocolHeaders(tablet.token) })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error).toBe('DeviceRevoked')
  })

  it('imports a site from its JSON archive (issue 12 point 7); refuses a masked one, a missing file, and a site already there', { timeout: 120_000 }, async () => {
    const from = { DATA_DIR: tempDir() }
    const init = await okJson<{ site: { id: string } }>(['init', '--username', 'admin', '--password', PASSWORD, ...SITE], from)
    const { app } = await appOn(from.DATA_DIR)
    const token = (await app.inject({ method: 'POST', url: '/api/admin/login', payload: { username: 'admin', password: PASSWORD } })).json<{ token: string }>().token
    const files: Record<string, string> = {}
    for (const phones of ['true', 'false']) {
      const res = await app.inject({ method: 'GET', url: `/api/admin/sites/${init.site.id}/export?format=json&phones=${phones}`, headers: { authorization: `Bearer ${token}` } })
      files[phones] = path.join(from.DATA_DIR, `archive-${phones}.json`)
      fs.writeFileSync(files[phones], res.rawPayload)
    }
    const to = { DATA_DIR: tempDir() }
    const masked = await cli(['import-site', '--file', files.false!], to)
    expect(masked).toMatchObject({ code: 1, stdout: '' })
    expect(masked.stderr).toContain('业主电话已打码')
    expect((await cli(['import-site', '--file', path.join(to.DATA_DIR, 'nothing.json')], to)).stderr).toContain('读不到文件')
    expect(await okJson<SiteJson[]>(['sites'], to)).toEqual([])

    const text = await ok(['import-site', '--file', files.true!], to)
    expect(text).toContain('已导入项目 (site imported): 翠苑小区')
    expect(text).toContain(`npm run admin -- enrol-code --site ${init.site.id}`)
    expect((await okJson<SiteJson[]>(['sites'], to)).map((s) => [s.id, s.name])).toEqual([[init.site.id, '翠苑小区']])
    expect((await cli(['import-site', '--file', files.true!], to)).stderr).toContain('已经在这台服务器上')
  })

  it('lists a site’s departments and issues a code for one department’s own tablet, by name or id', { timeout: 120_000 }, async () => {
    const env = { DATA_DIR: tempDir() }
    const init = await okJson<{ site: { id: string } }>(['init', '--username', 'admin', '--password', PASSWORD, ...SITE], env)
    const siteId = init.site.id
    const listed = await ok(['departments', '--site', siteId], env)
    expect(listed).toMatch(/部门ID \(department id\)\s+状态 \(status\)\s+名称 \(name\)/)
    const departments = await okJson<{ id: string; name: string; active: boolean }[]>(['departments', '--site', siteId], env)
    expect(departments.map((d) => [d.name, d.active])).toEqual(expect.arrayContaining([['工程部', true], ['财务部', true]]))
    const engineering = departments.find((d) => d.name === '工程部')!

    const text = await ok(['enrol-code', '--site', siteId, '--department', '工程部'], env)
    expect(text).toContain(`部门平板 (department tablet): 工程部 ${engineering.id}`)
    const issued = await okJson<{ code: string; deviceKind: string; departmentId: string }>(['enrol-code', '--site', siteId, '--department', engineering.id], env)
    expect(issued).toMatchObject({ deviceKind: 'department', departmentId: engineering.id })
    expect(await okJson(['enrol-code', '--site', siteId], env)).toMatchObject({ deviceKind: 'desk', departmentId: null })

    const { app } = await appOn(env.DATA_DIR)
    const enrolled = await app.inject({ method: 'POST', url: '/api/devices/enrol', headers: protocolHeaders(), payload: { code: issued.code, name: '工程部平板' } })
    expect(enrolled.statusCode).toBe(200)
    expect(enrolled.json<EnrolResponse>().device).toMatchObject({ kind: 'department', departmentId: engineering.id })
    const row = (await ok(['devices', '--site', siteId], env)).split('\n').find((l) => l.includes(enrolled.json<EnrolResponse>().device.id))
    expect(row).toContain('部门平板 (department) 工程部')
    expect(row).toContain('工程部平板')

    const unknown = await cli(['enrol-code', '--site', siteId, '--department', '绿化部'], env)
    expect(unknown).toMatchObject({ code: 1, stdout: '' })
    expect(unknown.stderr).toContain('这个项目没有部门 绿化部')
    const noSite = await cli(['departments'], env)
    expect(noSite.stderr).toContain('缺少选项 --site')
  })

  it('issues a connect code a standalone tablet uses, and adds administrators who can log in', { timeout: 120_000 }, async () => {
    const env = { DATA_DIR: tempDir() }
    await ok(['init', '--username', 'admin', '--password', PASSWORD], env)
    expect(await ok(['create-admin', '--username', 'supervisor.li', '--password-stdin'], env, 'another-long-one\nignored second line\n')).toContain('supervisor.li')
    const { code } = await okJson<{ code: string }>(['connect-code'], env)
    const { app } = await appOn(env.DATA_DIR)
    const login = await app.inject({ method: 'POST', url: '/api/admin/login', payload: { username: 'supervisor.li', password: 'another-long-one' } })
    expect(login.statusCode).toBe(200)
    const site = { id: '01a21c5b-0000-7000-8000-000000000001', name: '独立项目', timezone: 'Asia/Shanghai' }
    const connected = await app.inject({
      method: 'POST',
      url: '/api/devices/connect',
      headers: protocolHeaders(),
      payload: { code, site, device: { id: '01a21c5b-0000-7000-8000-000000000002', name: '前台平板' }, setupAt: Date.now() - 3600_000 },
    })
    expect(connected.statusCode).toBe(200)
    expect((await okJson<SiteJson[]>(['sites'], env)).map((s) => [s.id, s.devices])).toEqual([[site.id, 1]])
  })

  it('prints usage in Chinese and English for help, no arguments and --help', { timeout: 60_000 }, async () => {
    const env = { DATA_DIR: tempDir() }
    for (const args of [['help'], [], ['sites', '--help']]) {
      const out = await ok(args, env)
      expect(out).toContain('用法 (usage)')
      for (const command of ['init', 'create-admin', 'create-site', 'sites', 'enrol-code', '--department', 'departments', 'connect-code', 'devices', 'revoke', '--password-stdin', '--json']) expect(out).toContain(command)
    }
    // Help opens no database.
    expect(fs.readdirSync(env.DATA_DIR)).toEqual([])
  })

  it('refuses mistakes with a message on stderr and exit code 1, never a stack trace', { timeout: 120_000 }, async () => {
    const env = { DATA_DIR: tempDir() }
    // Mistakes on the command line are found before the database is opened.
    const early = await cli(['frob'], env)
    expect(early).toMatchObject({ code: 1, stdout: '' })
    expect(early.stderr).toContain('不认识的命令 "frob" (unknown command "frob")')
    expect(fs.readdirSync(env.DATA_DIR)).toEqual([])

    await ok(['init', '--username', 'admin', '--password', PASSWORD, ...SITE], env)
    const siteId = (await okJson<SiteJson[]>(['sites'], env))[0]!.id
    const cases: [string[], string][] = [
      [['init', '--username', 'other', '--password', 'long-enough-2'], '服务器已经设置过'],
      [['init', '--username', 'admin'], '缺少密码'],
      [['init', '--username', 'admin', '--password', 'short'], '密码至少 10 位 (password too short)'],
      [['init', '--username', 'x', '--password', PASSWORD, '--site', '只有名称'], '--site、--admin-name 和 --admin-pin'],
      [['create-admin', '--username', 'admin', '--password', 'long-enough-2'], '已经存在 (username already taken)'],
      [['create-site', '--name', '新项目', '--admin-name', '张三'], '缺少选项 --admin-pin (missing option --admin-pin)'],
      [['create-site', '--name', '新项目', '--admin-name', '张三', '--admin-pin', '1111'], 'PIN 太简单'],
      [['create-site', '--name', '新项目', '--admin-name', '张三', '--admin-pin', '3690', '--timezone', 'Mars/Base'], '时区不正确 (unknown timezone)'],
      [['enrol-code', '--site', 'no-such-site'], '没有这个项目 (no such site)'],
      [['enrol-code', '--site'], '选项 --site 缺少值 (option --site needs a value)'],
      [['devices', '--site', 'no-such-site'], '没有这个项目 (no such site)'],
      [['revoke', '--device', 'no-such-device'], '没有这台设备 (no such device)'],
      [['sites', '--bogus'], '不认识的选项 --bogus (unknown option --bogus)'],
      [['sites', '--name', 'x'], '命令 sites 不用选项 --name'],
    ]
    // Two at a time: each is a Node process compiling TypeScript.
    const runs: Run[] = []
    for (let i = 0; i < cases.length; i += 2) runs.push(...(await Promise.all(cases.slice(i, i + 2).map(([args]) => cli(args, env)))))
    runs.forEach((run, i) => {
      const [args, message] = cases[i]!
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 1, stdout: '' })
      expect(run.stderr).toContain(message)
      expect(run.stderr).toMatch(/^错误 \(error\): .*\(.+\)/)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    })
    // Nothing was written by the refusals.
    expect((await okJson<SiteJson[]>(['sites'], env)).map((s) => s.id)).toEqual([siteId])
  })
})

describe('npm run admin on PostgreSQL', () => {
  it('sets up, creates a site and lists sites in the database of DATABASE_URL', { timeout: 120_000 }, async () => {
    const { url, drop } = await createPostgresDatabase()
    cleanups.push(drop)
    const env = { DATA_DIR: tempDir(), DATABASE_URL: url }
    const init = await ok(['init', '--username', 'admin', '--password-stdin', ...SITE], env, PASSWORD)
    expect(init).toContain('已创建项目 (site created): 翠苑小区')
    await ok(['create-site', '--name', '海棠苑', '--admin-name', '李主管', '--admin-pin', '3690'], env)
    const sites = await okJson<SiteJson[]>(['sites'], env)
    expect(sites.map((s) => s.name)).toEqual(['翠苑小区', '海棠苑'])
    expect((await okJson<{ siteId: string }>(['enrol-code', '--site', sites[1]!.id], env)).siteId).toBe(sites[1]!.id)
    const again = await cli(['init', '--username', 'admin', '--password', PASSWORD], env)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('服务器已经设置过')
    // The PostgreSQL database was used, not a SQLite file under DATA_DIR.
    expect(fs.readdirSync(env.DATA_DIR)).toEqual([])
  })
})
