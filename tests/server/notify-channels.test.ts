/**
 * The console's notification channels (issue 15 points 2 and 5), on SQLite and PostgreSQL: administrators
 * only; bad input refused with a 400 in Chinese; secrets never in an answer (their last four characters
 * only) nor in the server's log, kept when an edit leaves them empty; 发送测试消息 shows the platform's
 * answer in words — a wrong key or secret, a rate limit — and marks the channel failing; the failing
 * deliveries are listed and a dead one can be sent again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notificationKey } from '@shared/domain/notification'
import { MINUTE } from '@shared/domain/time'
import type { ChannelInput, ChannelTestAnswer, ChannelView, NotifyFailure } from '@shared/sync/notify-api'
import { loggerOptions } from '@server/http/logging'
import { enqueueNotifications } from '@server/notify/enqueue'
import { deliverDue } from '@server/notify/deliver'
import { BACKENDS } from '../support/server-db'
import { setUpConsole, siteWithAdmin, testServer, type TestServer } from '../support/server-fixtures'
import { fakeRobots, type FakeRobots } from '../support/fake-robots'

const KEY = '5b0c3a11-2d4e-4f60-8a7b-9c0d1e2f3a4b'
const TOKEN = 'a1b2c3d4'.repeat(8)
const SECRET = 'SEC' + '0f1e2d3c'.repeat(8)

describe.each(BACKENDS)('the console’s notification channels on $name', (backend) => {
  let s: TestServer
  let robots: FakeRobots
  let session: string
  let siteId: string
  const lines: string[] = []

  beforeAll(async () => {
    robots = await fakeRobots()
    robots.wecomKeys.add(KEY)
    robots.dingtalk.set(TOKEN, SECRET)
    s = await testServer(backend, undefined, {
      logger: loggerOptions('debug', { write: (m) => void lines.push(m) }),
      notify: { urls: { wecom: robots.url, dingtalk: robots.url }, appUrl: 'https://desk.example.cn' },
    })
    session = await setUpConsole(s)
    siteId = (await siteWithAdmin(s)).siteId
  })
  afterAll(async () => {
    await robots?.close()
    await s?.close()
  })

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, token: string | null = session) =>
    s.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}), headers: token ? { authorization: `Bearer ${token}` } : {} })
  const wecom = (overrides: Partial<ChannelInput> = {}): ChannelInput => ({ kind: 'wecom', name: '客服主管群', key: KEY, rules: ['requestToSupervisor'], levels: ['supervisor'], quietStart: '22:00', quietEnd: '07:00', digestAt: '08:30', enabled: true, ...overrides })
  const dingtalk = (overrides: Partial<ChannelInput> = {}): ChannelInput => ({ ...wecom({ kind: 'dingtalk', name: '经理群', key: undefined, token: TOKEN, secret: SECRET }), ...overrides })
  const add = async (input: ChannelInput): Promise<ChannelView> => {
    const res = await call('POST', `/api/admin/sites/${siteId}/notify-channels`, input)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<ChannelView>()
  }
  const test = async (id: string): Promise<ChannelTestAnswer> => {
    const res = await call('POST', `/api/admin/notify-channels/${id}/test`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<ChannelTestAnswer>()
  }

  it('answers 401 to every route without an administrator’s session', async () => {
    const routes: [Parameters<typeof call>[0], string, unknown?][] = [
      ['GET', `/api/admin/sites/${siteId}/notify-channels`],
      ['POST', `/api/admin/sites/${siteId}/notify-channels`, wecom()],
      ['PUT', '/api/admin/notify-channels/x', wecom()],
      ['DELETE', '/api/admin/notify-channels/x'],
      ['POST', '/api/admin/notify-channels/x/test'],
      ['GET', `/api/admin/sites/${siteId}/notify-failures`],
      ['POST', '/api/admin/notify-failures/x/retry'],
    ]
    for (const [method, url, body] of routes) {
      for (const token of [null, 'adm_not-a-session']) expect((await call(method, url, body, token)).statusCode, `${method} ${url}`).toBe(401)
    }
  })

  it('refuses bad input with a 400 in Chinese', async () => {
    const cases: [ChannelInput, RegExp][] = [
      [wecom({ key: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=' }), /key/],
      [wecom({ key: '不是钥匙' }), /key 格式不对/],
      [wecom({ name: '  ' }), /渠道名称/],
      [wecom({ rules: [] }), /至少选择一种提醒/],
      [wecom({ levels: [] }), /通知对象/],
      [wecom({ quietEnd: '' }), /都填或都不填/],
      [wecom({ quietStart: '25:00' }), /时:分/],
      [dingtalk({ secret: 'abc' }), /SEC 开头/],
      [dingtalk({ token: 'short' }), /access_token 格式不对/],
      [dingtalk({ secret: '' }), /加签密钥/],
    ]
    for (const [input, message] of cases) {
      const res = await call('POST', `/api/admin/sites/${siteId}/notify-channels`, input)
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json<{ message: string }>().message).toMatch(message)
    }
    const shape = await call('POST', `/api/admin/sites/${siteId}/notify-channels`, { ...wecom(), rules: ['noSuchRule'] })
    expect(shape.statusCode).toBe(400)
    expect(shape.json<{ message: string }>().message).toMatch(/请求内容不正确/)
    expect((await call('GET', '/api/admin/sites/nope/notify-channels')).statusCode).toBe(404)
  })

  it('keeps secrets out of every answer, masks them to their last four characters, and keeps them when an edit leaves them empty', async () => {
    // A whole webhook address pasted: the key is taken from it.
    const w = await add(wecom({ key: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}` }))
    const d = await add(dingtalk())
    expect(w.hints).toEqual({ key: `••••${KEY.slice(-4)}` })
    expect(d.hints).toEqual({ token: `••••${TOKEN.slice(-4)}`, secret: `••••${SECRET.slice(-4)}` })
    const edited = await call('PUT', `/api/admin/notify-channels/${d.id}`, dingtalk({ name: '经理群(新)', token: '', secret: '', quietStart: '', quietEnd: '' }))
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json<ChannelView>()).toMatchObject({ name: '经理群(新)', quietStart: '', hints: d.hints })
    expect((await test(d.id)).ok).toBe(true)
    const list = await call('GET', `/api/admin/sites/${siteId}/notify-channels`)
    expect(list.json<ChannelView[]>().map((c) => c.name)).toEqual(['客服主管群', '经理群(新)'])
    for (const body of [list.body, edited.body, JSON.stringify(w), JSON.stringify(d)]) {
      for (const secret of [KEY, TOKEN, SECRET]) expect(body).not.toContain(secret)
    }
    expect((await call('PUT', `/api/admin/notify-channels/${w.id}`, dingtalk())).statusCode).toBe(400)
  })

  it('sends a test message and shows the platform’s answer, in words, for a good and a refused configuration', async () => {
    const good = await add(wecom({ name: '测试群' }))
    robots.received.length = 0
    expect(await test(good.id)).toMatchObject({ ok: true, errcode: 0, message: '发送成功' })
    expect(robots.received[0]!.text).toContain('【测试消息】翠苑小区')
    robots.queue.push(45009)
    expect(await test(good.id)).toMatchObject({ ok: false, errcode: 45009, message: expect.stringContaining('太频繁') as string })

    const wrongKey = await add(wecom({ name: '钥匙错了', key: 'ffffffff-1111-2222-3333-444444444444' }))
    expect(await test(wrongKey.id)).toMatchObject({ ok: false, errcode: 93000, message: expect.stringContaining('key 无效') as string })
    const wrongSecret = await add(dingtalk({ name: '密钥错了', secret: 'SEC' + 'e'.repeat(64) }))
    expect(await test(wrongSecret.id)).toMatchObject({ ok: false, errcode: 310000, message: expect.stringContaining('加签密钥不对') as string })
    const wrongToken = await add(dingtalk({ name: 'token 错了', token: 'f'.repeat(64) }))
    expect(await test(wrongToken.id)).toMatchObject({ ok: false, errcode: 300001, message: expect.stringContaining('access_token 不对') as string })

    const channels = (await call('GET', `/api/admin/sites/${siteId}/notify-channels`)).json<ChannelView[]>()
    expect(channels.find((c) => c.id === wrongKey.id)).toMatchObject({ failing: expect.stringContaining('key 无效') as string, retryAt: s.clock.now + 15 * MINUTE })
    expect(channels.find((c) => c.id === good.id)!.failing).toBeNull()
    // Saved again (the fix): tried at once.
    await call('PUT', `/api/admin/notify-channels/${wrongKey.id}`, wecom({ name: '钥匙错了', key: KEY }))
    expect((await call('GET', `/api/admin/sites/${siteId}/notify-channels`)).json<ChannelView[]>().find((c) => c.id === wrongKey.id)!.failing).toBeNull()
  })

  it('lists the deliveries that keep failing, sends a dead one again, and removes a channel with what waits for it', async () => {
    const other = (await siteWithAdmin(s, '金桂园')).siteId
    const c = (await call('POST', `/api/admin/sites/${other}/notify-channels`, wecom({ name: '金桂园群', quietStart: '', quietEnd: '' }))).json<ChannelView>()
    const subjectId = 'reception-1'
    await enqueueNotifications(s.db.kysely, [{ key: notificationKey('requestToSupervisor', subjectId, 'supervisor'), siteId: other, rule: 'requestToSupervisor', level: 'supervisor', subjectTable: 'receptions', subjectId, dueAt: s.clock.now, room: '1-1-101', summary: '门禁坏了', link: '' }], s.clock.now)
    robots.queue.push(-1)
    await deliverDue(s.db, s.clock.now, { urls: { wecom: robots.url, dingtalk: robots.url }, appUrl: '' })
    const failures = (await call('GET', `/api/admin/sites/${other}/notify-failures`)).json<NotifyFailure[]>()
    expect(failures).toMatchObject([{ channel: '金桂园群', rule: 'requestToSupervisor', room: '1-1-101', summary: '门禁坏了', status: 'pending', attempts: 1 }])
    expect(failures[0]!.lastError).toContain('系统繁忙')
    expect((await call('POST', `/api/admin/notify-failures/${failures[0]!.id}/retry`)).statusCode).toBe(409)
    expect((await call('DELETE', `/api/admin/notify-channels/${c.id}`)).json()).toEqual({ removed: true })
    expect((await call('GET', `/api/admin/sites/${other}/notify-failures`)).json()).toEqual([])
    expect((await call('DELETE', `/api/admin/notify-channels/${c.id}`)).statusCode).toBe(404)
  })

  it('never writes a secret into the server’s log', () => {
    const log = lines.join('\n')
    expect(log).toContain('/api/admin/notify-channels')
    for (const secret of [KEY, TOKEN, SECRET, 'e'.repeat(64), 'ffffffff-1111-2222-3333-444444444444']) expect(log).not.toContain(secret)
  })
})
