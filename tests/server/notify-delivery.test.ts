/**
 * The delivery of escalations to group robots (issue 15 point 3), on SQLite and PostgreSQL, against fake
 * WeCom and DingTalk receivers on 127.0.0.1: once per event and channel however often it is enqueued and
 * however many passes run at once; retried with back-off then dead; a burst folded under 20 a minute;
 * quiet hours; a refused configuration said in Chinese and not retried every pass; no phone in any message;
 * a process killed between sending and recording sends at most one duplicate; the daily digest.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { holdsPhone } from '@shared/domain/access-trail'
import { notificationKey, type NotificationEvent, type NotifyRule } from '@shared/domain/notification'
import { DAY, MINUTE } from '@shared/domain/time'
import type { ChannelInput } from '@shared/sync/notify-api'
import { channelSettings } from '@server/notify/channel-input'
import { enqueueNotifications } from '@server/notify/enqueue'
import { deliverDue, LEASE, MAX_ATTEMPTS, PHONE_REFUSED, type DeliverOptions } from '@server/notify/deliver'
import { guardedMessage } from '@server/notify/messages'
import { findChannel, insertChannel } from '@server/repositories/notify-channels'
import { failedRows, pruneSentRows } from '@server/repositories/notify-outbox'
import { BACKENDS } from '../support/server-db'
import { siteWithAdmin, testServer, type TestServer } from '../support/server-fixtures'
import { fakeRobots, type FakeRobots } from '../support/fake-robots'

const KEY = '693a91f6-7f1a-4bc4-97a0-0ec2f1fa5aaa'
const TOKEN = 'c0ffee'.repeat(10) + 'abcd'
const SECRET = 'SEC' + 'b'.repeat(61)
/** 2026-11-27 10:00 in Shanghai. */
const T0 = Date.UTC(2026, 10, 27, 2)

describe.each(BACKENDS)('notification delivery on $name', (backend) => {
  let s: TestServer
  let robots: FakeRobots
  let siteId: string
  let opts: DeliverOptions

  beforeAll(async () => {
    s = await testServer(backend, T0)
    robots = await fakeRobots()
    robots.wecomKeys.add(KEY)
    robots.dingtalk.set(TOKEN, SECRET)
    opts = { urls: { wecom: robots.url, dingtalk: robots.url }, appUrl: 'https://desk.example.cn' }
  })
  afterAll(async () => {
    await robots?.close()
    await s?.close()
  })
  beforeEach(async () => {
    // Each test on its own site and channels: the earlier tests' channels go quiet.
    await s.db.kysely.updateTable('notify_channels').set({ enabled: 0 }).execute()
    siteId = (await siteWithAdmin(s, `翠苑小区${newId().slice(0, 4)}`)).siteId
    robots.received.length = 0
    robots.queue.length = 0
    robots.requests = 0
  })
  afterEach(() => expect(robots.problems).toEqual([]))

  const channel = async (overrides: Partial<ChannelInput> = {}): Promise<string> => {
    const input: ChannelInput = { kind: 'wecom', name: '客服主管群', key: KEY, rules: ['requestToSupervisor', 'complaintOverdue'], levels: ['supervisor'], quietStart: '', quietEnd: '', digestAt: '', enabled: true, ...overrides }
    const id = newId()
    await insertChannel(s.db.kysely, { id, site_id: siteId, kind: input.kind, ...channelSettings(input, null), created_at: T0, updated_at: T0 })
    return id
  }
  const event = (n: number, overrides: Partial<NotificationEvent> = {}): NotificationEvent => {
    const rule: NotifyRule = overrides.rule ?? 'requestToSupervisor'
    const subjectId = `r${n}-${siteId}`
    return { key: notificationKey(rule, subjectId, 'supervisor'), siteId, rule, level: 'supervisor', subjectTable: 'receptions', subjectId, dueAt: T0 - 2 * 60 * MINUTE, room: `3-2-${100 + n}`, summary: `厨房漏水 ${n}`, link: `/register/${subjectId}`, ...overrides }
  }
  const deliver = (now: number, more: Partial<DeliverOptions> = {}) => deliverDue(s.db, now, { ...opts, ...more })

  it('sends an event once however often it is enqueued and however many passes run at once, to WeCom and to DingTalk', async () => {
    await channel()
    await channel({ kind: 'dingtalk', name: '经理群', key: undefined, token: TOKEN, secret: SECRET })
    const e = event(1)
    expect(await enqueueNotifications(s.db.kysely, [e], T0)).toBe(2)
    expect(await enqueueNotifications(s.db.kysely, [e], T0)).toBe(0)
    await Promise.all([deliver(T0), deliver(T0), deliver(T0)])
    await deliver(T0 + LEASE + MINUTE)
    expect(robots.received.map((r) => r.platform).sort()).toEqual(['dingtalk', 'wecom'])
    for (const r of robots.received) {
      expect(r.text).toContain('翠苑小区')
      expect(r.text).toContain('3-2-101')
      expect(r.text).toContain('厨房漏水 1')
      expect(r.text).toContain('已过 2 小时 0 分')
      expect(r.text).toContain(`https://desk.example.cn/register/${e.subjectId}`)
    }
    expect(robots.received.find((r) => r.platform === 'dingtalk')!.title).toContain('接待事项超过时限未办结,转客服主管')
  })

  it('forgets rows sent before the cut-off, never one still to send', async () => {
    const id = await channel()
    await enqueueNotifications(s.db.kysely, [event(1), event(2)], T0)
    await deliver(T0)
    await enqueueNotifications(s.db.kysely, [event(3)], T0 + DAY)
    robots.queue.push({ http: 502 })
    await deliver(T0 + DAY)
    const counts = async () => {
      const rows = await s.db.kysely.selectFrom('notify_outbox').select('status').where('channel_id', '=', id).execute()
      return rows.map((r) => r.status).sort()
    }
    expect(await counts()).toEqual(['pending', 'sent', 'sent'])
    // Sent at T0: kept while the cut-off is T0, forgotten after it.
    await pruneSentRows(s.db.kysely, T0)
    expect(await counts()).toEqual(['pending', 'sent', 'sent'])
    expect(await pruneSentRows(s.db.kysely, T0 + 1)).toBeGreaterThanOrEqual(2)
    expect(await counts()).toEqual(['pending'])
  })

  it('sends only what a channel asked for (its rules and levels) and nothing to a disabled channel', async () => {
    await channel({ rules: ['complaintOverdue'] })
    await channel({ enabled: false, rules: ['requestToSupervisor'] })
    expect(await enqueueNotifications(s.db.kysely, [event(1), event(2, { level: 'manager', key: 'k-manager' })], T0)).toBe(0)
    expect(await enqueueNotifications(s.db.kysely, [event(3, { rule: 'complaintOverdue', key: 'k-complaint' })], T0)).toBe(1)
  })

  it('retries a failing platform after 1, 2, 4 … minutes, then keeps it dead and listed', async () => {
    await channel()
    await enqueueNotifications(s.db.kysely, [event(1)], T0)
    robots.queue.push(...Array.from({ length: MAX_ATTEMPTS }, () => ({ http: 502 })))
    let now = T0
    const gaps: number[] = []
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = robots.requests
      await deliver(now)
      expect(robots.requests).toBe(before + 1)
      // Not a minute early: the same pass again and just before the back-off ends send nothing.
      await deliver(now + 1000)
      const gap = Math.min(2 ** (attempt - 1), 60) * MINUTE
      await deliver(now + gap - 1000)
      expect(robots.requests).toBe(before + 1)
      gaps.push(gap / MINUTE)
      now += gap
    }
    expect(gaps.slice(0, 5)).toEqual([1, 2, 4, 8, 16])
    await deliver(now + 24 * 60 * MINUTE)
    expect(robots.requests).toBe(MAX_ATTEMPTS)
    const failed = await failedRows(s.db.kysely, siteId, 10)
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, channel_name: '客服主管群' })
    expect(failed[0]!.last_error).toContain('HTTP 502')
  })

  it('folds a burst of 25 events in a minute into at most 20 messages, losing none', async () => {
    await channel()
    await enqueueNotifications(s.db.kysely, Array.from({ length: 25 }, (_, i) => event(i)), T0)
    await deliver(T0)
    await deliver(T0 + 20_000)
    expect(robots.received.length).toBeLessThanOrEqual(20)
    const folded = robots.received.at(-1)!.text
    expect(folded).toContain('提醒汇总')
    expect(folded).toContain('共 6 条')
    for (const n of [19, 20, 24]) expect(folded).toContain(`厨房漏水 ${n}`)
    expect(await failedRows(s.db.kysely, siteId, 10)).toEqual([])
    // Then the minute's budget is spent: the next event waits for the minute to pass.
    await enqueueNotifications(s.db.kysely, [event(99)], T0 + 30_000)
    await deliver(T0 + 30_000)
    expect(robots.received).toHaveLength(20)
    await deliver(T0 + MINUTE + 1)
    expect(robots.received).toHaveLength(21)
  })

  it('holds messages during quiet hours but complaints, and sends what it held when they end', async () => {
    await channel({ quietStart: '22:00', quietEnd: '07:00' })
    // 23:00 in Shanghai.
    const night = Date.UTC(2026, 10, 27, 15)
    await enqueueNotifications(s.db.kysely, [event(1), event(2, { rule: 'complaintOverdue', key: 'k-c', summary: '投诉噪音' })], night)
    await deliver(night)
    expect(robots.received.map((r) => r.text.includes('投诉噪音'))).toEqual([true])
    await deliver(night + 7 * 60 * MINUTE + 59 * MINUTE)
    expect(robots.received).toHaveLength(1)
    // 07:00
    await deliver(night + 8 * 60 * MINUTE)
    expect(robots.received).toHaveLength(2)
    expect(robots.received[1]!.text).toContain('厨房漏水 1')
  })

  it('says a refused configuration in Chinese, marks the channel failing and does not retry it every pass', async () => {
    const id = await channel({ key: 'ffffffff-0000-0000-0000-000000000000' })
    await enqueueNotifications(s.db.kysely, [event(1), event(2)], T0)
    await deliver(T0)
    expect(robots.requests).toBe(1)
    const failing = await findChannel(s.db.kysely, id)
    expect(failing!.failing).toContain('key 无效')
    expect(failing!.retry_at).toBe(T0 + 15 * MINUTE)
    for (let m = 1; m < 15; m++) await deliver(T0 + m * MINUTE)
    expect(robots.requests).toBe(1)
    await deliver(T0 + 15 * MINUTE)
    expect(robots.requests).toBe(2)
    // Failing longer: the wait grows.
    expect((await findChannel(s.db.kysely, id))!.retry_at).toBe(T0 + 30 * MINUTE)
    // The rows wait, their attempts not counted against them.
    const rows = await failedRows(s.db.kysely, siteId, 10)
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['pending', 0], ['pending', 0]])
    expect(rows[0]!.last_error).toContain('错误码 93000')
  })

  it('puts no phone in a message: the event’s words are masked, and a message holding one is refused', async () => {
    await channel()
    await enqueueNotifications(s.db.kysely, [event(1, { summary: '业主 13800138000 报漏水', room: '0571-87654321' })], T0)
    await deliver(T0)
    expect(robots.received).toHaveLength(1)
    expect(robots.received[0]!.text).not.toContain('13800138000')
    expect(robots.received[0]!.text).not.toContain('87654321')
    expect(holdsPhone(robots.received[0]!.text.replace(/\]\([^)]*\)/g, ']'))).toBe(false)
    expect(guardedMessage({ title: 'x', markdown: '请回电 139 1234 5678' })).toBeNull()
    expect(PHONE_REFUSED).toMatch(/电话/)
  })

  it('sends again at most once when the server was killed between sending and recording', async () => {
    await channel()
    await enqueueNotifications(s.db.kysely, [event(1)], T0)
    await deliver(T0, {
      afterSend: () => {
        throw new Error('killed')
      },
    })
    expect(robots.received).toHaveLength(1)
    await deliver(T0 + MINUTE)
    expect(robots.received).toHaveLength(1)
    await deliver(T0 + LEASE)
    await deliver(T0 + LEASE + 1000)
    await deliver(T0 + 2 * LEASE + 1000)
    expect(robots.received).toHaveLength(2)
    expect(await failedRows(s.db.kysely, siteId, 10)).toEqual([])
  })

  it('sends the daily digest once at its time, with what the callback lists', async () => {
    await channel({ digestAt: '08:00', kind: 'dingtalk', key: undefined, token: TOKEN, secret: SECRET })
    const list = [event(1), event(2), event(3, { level: 'manager' })]
    const digestEvents = async () => list
    // 07:59 and 08:00 in Shanghai.
    const eight = Date.UTC(2026, 10, 28, 0)
    await deliver(eight - MINUTE, { digestEvents })
    expect(robots.received).toHaveLength(0)
    await Promise.all([deliver(eight, { digestEvents }), deliver(eight, { digestEvents })])
    await deliver(eight + 5 * MINUTE, { digestEvents })
    expect(robots.received).toHaveLength(1)
    expect(robots.received[0]!.title).toContain('每日汇总')
    expect(robots.received[0]!.title).toContain('共 2 条')
    await deliver(eight + 24 * 60 * MINUTE, { digestEvents })
    expect(robots.received).toHaveLength(2)
  })
})
