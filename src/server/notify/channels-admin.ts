/**
 * What the console does with a site's notification channels (issue 15 points 2 and 5): list them (secrets
 * as hints only), add, edit (an empty secret field keeps the stored one; saving tries a failing channel
 * again at once), remove, 发送测试消息 with the platform's answer in words, and the deliveries that keep
 * failing, with 重新发送 for a dead one.
 */
import { newId } from '@shared/domain/ids'
import { formatDateTime } from '@shared/domain/time'
import type { NotificationEvent } from '@shared/domain/notification'
import type { ChannelInput, ChannelTestAnswer, ChannelView, NotifyFailure } from '@shared/sync/notify-api'
import type { ServerDb } from '../db/connection'
import { httpError } from '../http/http-error'
import { NO_SUCH_SITE } from '../admin/operations'
import { findSite } from '../repositories/sites'
import { deleteChannel, findChannel, insertChannel, listChannels, markChannelFailing, markChannelWorking, updateChannel, type ChannelRow } from '../repositories/notify-channels'
import { failedRows, findOutboxRow, outboxCounts, reviveRow } from '../repositories/notify-outbox'
import { channelSecrets, channelSettings, channelView } from './channel-input'
import { configRetryDelay } from './deliver'
import { sendToRobot, type PlatformUrls } from './platforms'

export const NO_SUCH_CHANNEL = '没有这个通知渠道 (no such channel)'
/** The console lists this many failing deliveries, newest first. */
const FAILURES_LISTED = 200

async function siteOf(db: ServerDb, siteId: string): Promise<{ name: string; timezone: string }> {
  const site = await findSite(db.kysely, siteId)
  if (!site) throw httpError(404, 'NotFound', NO_SUCH_SITE)
  return site
}

async function channelOf(db: ServerDb, id: string): Promise<ChannelRow> {
  const channel = await findChannel(db.kysely, id)
  if (!channel) throw httpError(404, 'NotFound', NO_SUCH_CHANNEL)
  return channel
}

async function viewOf(db: ServerDb, row: ChannelRow): Promise<ChannelView> {
  const counts = await outboxCounts(db.kysely, row.site_id)
  const n = (status: string): number => counts.find((c) => c.channel_id === row.id && c.status === status)?.n ?? 0
  return channelView(row, { pending: n('pending'), dead: n('dead') })
}

export async function siteChannels(db: ServerDb, siteId: string): Promise<ChannelView[]> {
  await siteOf(db, siteId)
  const [rows, counts] = await Promise.all([listChannels(db.kysely, siteId), outboxCounts(db.kysely, siteId)])
  const n = (id: string, status: string): number => counts.find((c) => c.channel_id === id && c.status === status)?.n ?? 0
  return rows.map((row) => channelView(row, { pending: n(row.id, 'pending'), dead: n(row.id, 'dead') }))
}

export async function addChannel(db: ServerDb, siteId: string, input: ChannelInput, now: number): Promise<ChannelView> {
  await siteOf(db, siteId)
  const id = newId()
  await insertChannel(db.kysely, { id, site_id: siteId, kind: input.kind, ...channelSettings(input, null), created_at: now, updated_at: now })
  return viewOf(db, await channelOf(db, id))
}

export async function editChannel(db: ServerDb, id: string, input: ChannelInput, now: number): Promise<ChannelView> {
  const channel = await channelOf(db, id)
  if (input.kind !== channel.kind) throw httpError(400, 'BadRequest', '渠道的平台不能修改:请删除后重新添加')
  await updateChannel(db.kysely, id, channelSettings(input, channelSecrets(channel)), now)
  return viewOf(db, await channelOf(db, id))
}

export async function removeChannel(db: ServerDb, id: string): Promise<void> {
  await channelOf(db, id)
  await deleteChannel(db.kysely, id)
}

/** 发送测试消息: the platform's answer and its meaning; the channel's health follows it. */
export async function testChannel(db: ServerDb, id: string, urls: PlatformUrls, appUrl: string, now: number): Promise<ChannelTestAnswer> {
  const channel = await channelOf(db, id)
  const site = await siteOf(db, channel.site_id)
  const title = `【测试消息】${site.name}`
  const lines = [`**${title}**`, `> 通知渠道「${channel.name}」已连通,接待事项的超时提醒会发到这里。`, `> 发送时间:${formatDateTime(now, site.timezone)}`]
  if (appUrl) lines.push(`[打开 Deskbook](${appUrl})`)
  const answer = await sendToRobot(urls, channelSecrets(channel), { title, markdown: lines.join('\n') }, now)
  if (answer.outcome === 'sent') await markChannelWorking(db.kysely, id)
  if (answer.outcome === 'config') {
    const failingFor = channel.failing_since === null ? 0 : now - channel.failing_since
    await markChannelFailing(db.kysely, id, answer.message, now, now + configRetryDelay(failingFor))
  }
  return { ok: answer.outcome === 'sent', errcode: answer.errcode, errmsg: answer.errmsg, message: answer.message }
}

export async function siteFailures(db: ServerDb, siteId: string): Promise<NotifyFailure[]> {
  await siteOf(db, siteId)
  return (await failedRows(db.kysely, siteId, FAILURES_LISTED)).map((r) => {
    const e = JSON.parse(r.event) as NotificationEvent
    return {
      id: r.id,
      channelId: r.channel_id,
      channel: r.channel_name,
      rule: e.rule,
      room: e.room,
      summary: e.summary,
      status: r.status === 'dead' ? 'dead' : 'pending',
      attempts: r.attempts,
      lastError: r.last_error ?? '',
      nextAt: r.next_at,
      createdAt: r.created_at,
    }
  })
}

/** 重新发送: a dead delivery waits again from its first attempt. */
export async function retryFailure(db: ServerDb, id: string, now: number): Promise<void> {
  const row = await findOutboxRow(db.kysely, id)
  if (!row) throw httpError(404, 'NotFound', '没有这条通知 (no such notification)')
  if (row.status !== 'dead') throw httpError(409, 'Conflict', '这条通知还在等待发送,不用重发 (still waiting)')
  await reviveRow(db.kysely, id, now)
}
