/**
 * A fresh server cannot be taken over (issue 14 point 1): the console's first-run setup needs the token the
 * server printed at its start — missing, wrong, used twice and after set-up are refused; the command line's
 * `init` needs none and spends it; the token's file is readable by the server's user only.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { normaliseSetupToken, prepareSetupToken, SETUP_TOKEN_FILE, setupTokenBanner } from '@server/admin/setup-token'
import { setUpServer } from '@server/admin/operations'
import { BACKENDS } from '../support/server-db'
import { testServer, type TestServer } from '../support/server-fixtures'

const ADMIN = { username: 'admin', password: 'correct-horse-1' }

describe.each(BACKENDS)('the setup token on $name', (backend) => {
  let s: TestServer
  let dataDir: string
  beforeEach(async () => {
    s = await testServer(backend)
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-setup-'))
    await s.restart({ dataDir })
  })
  afterEach(async () => {
    await s.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const setup = (body: Record<string, unknown>) => s.app.inject({ method: 'POST', url: '/api/admin/setup', payload: body })
  const status = async () => (await s.app.inject({ method: 'GET', url: '/api/admin/status' })).json<{ setUp: boolean }>().setUp

  it('is written at start to a file only the server’s user reads; a restart and another process give the same one', async () => {
    const first = await prepareSetupToken(s.db, dataDir)
    expect(first!.token).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/)
    const file = path.join(dataDir, SETUP_TOKEN_FILE)
    expect(first!.file).toBe(file)
    expect(fs.readFileSync(file, 'utf8')).toBe(`${first!.token}\n`)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect((await prepareSetupToken(s.db, dataDir))!.token).toBe(first!.token)
    // What the server prints at start: the token, where it is kept, where to use it, and the way without it.
    const banner = setupTokenBanner(first!, 'http://localhost:8080/admin')
    for (const part of [first!.token, file, 'http://localhost:8080/admin', 'npm run admin -- init']) expect(banner).toContain(part)
    // Another process on the same database (its own data folder) prints the same token.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-setup-'))
    try {
      expect((await prepareSetupToken(s.db, other))!.token).toBe(first!.token)
    } finally {
      fs.rmSync(other, { recursive: true, force: true })
    }
  })

  it('refuses a setup without it and with another one, in words, and writes nothing', async () => {
    const { token } = (await prepareSetupToken(s.db, dataDir))!
    const missing = await setup(ADMIN)
    expect(missing.statusCode).toBe(401)
    expect(missing.json()).toMatchObject({ error: 'SetupTokenRequired', message: expect.stringContaining('请填写设置口令') })
    const wrong = await setup({ ...ADMIN, setupToken: token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json()).toMatchObject({ error: 'SetupTokenWrong', message: expect.stringContaining('设置口令不正确') })
    expect(await status()).toBe(false)
    expect(await s.db.kysely.selectFrom('admins').select('id').execute()).toEqual([])
  })

  it('a refused setup (a bad site) does not spend it; the right one, typed loosely, sets the server up once', async () => {
    const { token } = (await prepareSetupToken(s.db, dataDir))!
    const bad = await setup({ ...ADMIN, setupToken: token, site: { name: '翠苑小区', timezone: 'Mars/Olympus_Mons', adminName: '王管理', adminPin: '2580' } })
    expect(bad.statusCode).toBe(400)
    // Fields left empty in the console's form are named in words, not in the schema's.
    for (const [body, words] of [
      [{ ...ADMIN, setupToken: token, site: { name: '', adminName: '', adminPin: '' } }, '请填写项目名称'],
      [{ ...ADMIN, setupToken: token, site: { name: '翠苑小区', adminName: '', adminPin: '' } }, '请填写管理员姓名'],
      [{ username: '', password: '', setupToken: token }, '用户名须为'],
      [{ username: 'admin', password: '', setupToken: token }, '密码至少 10 位'],
    ] as const) {
      const res = await setup(body)
      expect(res.statusCode).toBe(400)
      expect(res.json().message).toContain(words)
    }
    const typed = token.toLowerCase().replace(/-/g, ' ')
    expect(normaliseSetupToken(typed)).toBe(token)
    const good = await setup({ ...ADMIN, setupToken: typed })
    expect(good.statusCode).toBe(200)
    expect(good.json()).toEqual({ token: expect.any(String), expiresAt: expect.any(Number) })
    expect(await status()).toBe(true)
    // Spent: its file is gone; the same token again is answered as set up.
    expect(fs.existsSync(path.join(dataDir, SETUP_TOKEN_FILE))).toBe(false)
    const twice = await setup({ username: 'other', password: 'long-enough-1', setupToken: token })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error).toBe('AlreadySetUp')
    expect(await prepareSetupToken(s.db, dataDir)).toBeNull()
  })

  it('of two setups racing with the right token, one sets the server up', async () => {
    const { token } = (await prepareSetupToken(s.db, dataDir))!
    const answers = await Promise.all([setup({ username: 'first', password: 'correct-horse-1', setupToken: token }), setup({ username: 'second', password: 'correct-horse-1', setupToken: token })])
    const codes = answers.map((a) => a.statusCode).sort()
    expect(codes[0]).toBe(200)
    // The other finds the token spent (401) or the server set up (409).
    expect([401, 409]).toContain(codes[1])
    expect(await s.db.kysely.selectFrom('admins').select('username').execute()).toHaveLength(1)
  })

  it('the command line’s init needs none and spends it: the console’s setup is refused after', async () => {
    const { token } = (await prepareSetupToken(s.db, dataDir))!
    await setUpServer(s.db, ADMIN, s.clock.now, { dataDir })
    expect(fs.existsSync(path.join(dataDir, SETUP_TOKEN_FILE))).toBe(false)
    const after = await setup({ username: 'other', password: 'long-enough-1', setupToken: token })
    expect(after.statusCode).toBe(409)
    // A start after set-up prints none and removes a token file left behind.
    fs.writeFileSync(path.join(dataDir, SETUP_TOKEN_FILE), `${token}\n`)
    expect(await prepareSetupToken(s.db, dataDir)).toBeNull()
    expect(fs.existsSync(path.join(dataDir, SETUP_TOKEN_FILE))).toBe(false)
  })
})
