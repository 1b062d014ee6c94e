/**
 * The delivery pass (issue 15 point 3): sends what is due in the outbox, one channel at a time under a
 * lease (one conditional update: of several processes on one PostgreSQL, one delivers a channel), so a
 * row is sent by one process, and the robot's 20 messages a minute are counted in one place.
 *
 * - Each attempt is counted before the send and holds the rows for the lease's length: a process killed
 *   between sending and recording leaves them waiting, and they go once more after the hold — at most one
 *   duplicate, never a loss.
 * - A platform or network failure retries the rows after 1, 2, 4 … minutes (capped at an hour); after
 *   MAX_ATTEMPTS they are dead and listed in the console.
 * - A configuration the platform refuses (a wrong key, token or secret) marks the channel failing with the
 *   reason in Chinese and backs off from 15 minutes up to 6 hours; the rows wait, their attempts uncounted.
 *   Saving the channel again tries it at once.
 * - More due than the minute's budget: all but one go alone, the rest fold into one message.
 * - Quiet hours hold all but complaints (quiet-hours.ts); the daily digest goes at its time.
 */
import type { FastifyBaseLogger } from 'fastify'
import { newId } from '@shared/domain/ids'
import type { NotificationEvent } from '@shared/domain/notification'
import { HOUR, MINUTE } from '@shared/domain/time'
import type { ServerDb } from '../db/connection'
import type { Db } from '../repositories/records'
import {
  claimDigestDay,
  deliveryChannels,
  leaseChannel,
  markChannelFailing,
  markChannelWorking,
  releaseChannel,
  setRecentSends,
  unclaimDigestDay,
  type DeliveryChannel,
} from '../repositories/notify-channels'
import { claimRows, dueRows, holdRows, markDead, markFailed, markSent, type OutboxRow } from '../repositories/notify-outbox'
import { channelSecrets } from './channel-input'
import { channelWants } from './enqueue'
import { cleanEvent, digestMessage, eventMessage, guardedMessage, type SiteOfMessage } from './messages'
import { sendToRobot, type ChannelSecrets, type PlatformAnswer, type PlatformUrls, type RobotMessage } from './platforms'
import { digestDueDay, inQuietHours, THROUGH_QUIET } from './quiet-hours'

/** Each robot takes at most 20 messages a minute (WeCom's and DingTalk's documentation). */
export const PER_MINUTE = 20
export const MAX_ATTEMPTS = 8
/** How long a pass holds a channel, and its claimed rows. */
export const LEASE = 5 * MINUTE
/** At most this many rows fold into one message; more wait for the next minute. */
const FOLD_MAX = 200

/** 1, 2, 4 … minutes after the n-th failed attempt, at most an hour. */
export const retryDelay = (attempts: number): number => Math.min(2 ** Math.max(0, attempts - 1), 60) * MINUTE
/** A refused configuration is tried again after as long as it has been failing: 15 minutes to 6 hours. */
export const configRetryDelay = (failingFor: number): number => Math.min(Math.max(failingFor, 15 * MINUTE), 6 * HOUR)

export const PHONE_REFUSED = '消息文字含电话号码,已拒发(事项摘要不应写电话)'

export interface DeliverOptions {
  urls: PlatformUrls
  /** The app's address the messages link to (APP_URL); '' sends no link. */
  appUrl: string
  /** The day's list for each channel's daily digest (overdue requests, reviews due), by site. */
  digestEvents?: (siteId: string, now: number) => Promise<readonly NotificationEvent[]>
  log?: FastifyBaseLogger
  /** Tests: runs after each send and before it is recorded (a process killed in between). */
  afterSend?: () => Promise<void> | void
}

export interface DeliverReport {
  /** Messages the platforms took. */
  messages: number
  /** Outbox rows recorded as sent (a folded message carries several). */
  rows: number
  failed: number
  dead: number
}

interface ChannelPass {
  db: Db
  channel: DeliveryChannel
  secrets: ChannelSecrets
  site: SiteOfMessage
  now: number
  opts: DeliverOptions
  report: DeliverReport
  /** This minute's sends (instants), this pass's included. */
  sends: number[]
}

const eventOf = (row: OutboxRow): NotificationEvent => JSON.parse(row.event) as NotificationEvent

/** Send, and keep on the channel what the answer says of it: this minute's count, failing or working again. */
async function send(p: ChannelPass, message: RobotMessage): Promise<PlatformAnswer> {
  const answer = await sendToRobot(p.opts.urls, p.secrets, message, p.now)
  await p.opts.afterSend?.()
  if (answer.outcome === 'sent') {
    p.sends.push(p.now)
    p.report.messages++
    if (p.channel.failing) await markChannelWorking(p.db, p.channel.id)
  } else if (answer.outcome === 'config') {
    const failingFor = p.channel.failing_since === null ? 0 : p.now - p.channel.failing_since
    await markChannelFailing(p.db, p.channel.id, answer.message, p.now, p.now + configRetryDelay(failingFor))
  } else if (answer.outcome === 'rateLimited') {
    // The platform counts more than we did (another sender on the same robot): nothing more this minute.
    while (p.sends.length < PER_MINUTE) p.sends.push(p.now)
  }
  return answer
}

const describe = (answer: PlatformAnswer): string => (answer.errcode !== null ? `${answer.message}(错误码 ${answer.errcode})` : answer.message)

/** Send one message for `rows` and record the answer on them; false: stop this channel for this pass. */
async function deliverRows(p: ChannelPass, rows: readonly OutboxRow[], message: RobotMessage): Promise<boolean> {
  const claimed = await claimRows(p.db, rows.map((r) => r.id), p.now, p.now + LEASE)
  if (claimed.length === 0) return true
  const answer = await send(p, message)
  if (answer.outcome === 'sent') {
    await markSent(p.db, claimed, p.now)
    p.report.rows += claimed.length
    return true
  }
  if (answer.outcome === 'config' || answer.outcome === 'rateLimited') {
    const until = answer.outcome === 'config' ? p.now + configRetryDelay(p.channel.failing_since === null ? 0 : p.now - p.channel.failing_since) : p.now + MINUTE
    await holdRows(p.db, claimed, describe(answer), until)
    return false
  }
  for (const row of rows.filter((r) => claimed.includes(r.id))) {
    const attempts = row.attempts + 1
    const dead = attempts >= MAX_ATTEMPTS
    await markFailed(p.db, row.id, describe(answer), { dead, nextAt: p.now + retryDelay(attempts) })
    if (dead) p.report.dead++
    else p.report.failed++
  }
  return false
}

/** The day's digest when its time has come; false: stop this channel for this pass. */
async function deliverDigest(p: ChannelPass): Promise<boolean> {
  const { channel, now } = p
  const day = digestDueDay(channel.digest_at, channel.digest_day, now, channel.site_timezone)
  if (!day || !p.opts.digestEvents || p.sends.length >= PER_MINUTE) return true
  if (!(await claimDigestDay(p.db, channel.id, day))) return true
  const events = (await p.opts.digestEvents(channel.site_id, now)).filter((e) => channelWants(channel, e)).map(cleanEvent)
  if (events.length === 0) return true
  const message = guardedMessage(digestMessage('每日汇总', events, p.site, p.opts.appUrl, now))
  if (!message) {
    p.opts.log?.warn(`notify: channel ${channel.id}: the daily digest held a phone number and was not sent`)
    return true
  }
  const answer = await send(p, message)
  if (answer.outcome === 'sent') return true
  // Not sent: the next pass tries again (a refused configuration waits for the channel's retry).
  await unclaimDigestDay(p.db, channel.id, day, channel.digest_day)
  return answer.outcome === 'retry'
}

async function deliverChannel(p: ChannelPass): Promise<void> {
  if (!(await deliverDigest(p))) return
  const quiet = inQuietHours(p.channel.quiet_start, p.channel.quiet_end, p.now, p.channel.site_timezone)
  const due = await dueRows(p.db, p.channel.id, p.now, PER_MINUTE + FOLD_MAX, quiet ? THROUGH_QUIET : undefined)
  // A row whose words still hold a phone is refused, never sent (enqueue masks them; this is the guard).
  const refused = due.filter((r) => !guardedMessage(eventMessage(eventOf(r), p.site, p.opts.appUrl, p.now)))
  await markDead(p.db, refused.map((r) => r.id), PHONE_REFUSED)
  p.report.dead += refused.length
  const rows = due.filter((r) => !refused.includes(r))
  const budget = PER_MINUTE - p.sends.length
  if (rows.length === 0 || budget <= 0) return
  const alone = rows.length <= budget ? rows : rows.slice(0, budget - 1)
  for (const row of alone) {
    if (!(await deliverRows(p, [row], eventMessage(eventOf(row), p.site, p.opts.appUrl, p.now)))) return
  }
  const folded = rows.slice(alone.length)
  if (folded.length === 0) return
  const message = guardedMessage(digestMessage('提醒汇总', folded.map(eventOf), p.site, p.opts.appUrl, p.now))
  if (message) await deliverRows(p, folded, message)
}

/**
 * Send what is due at `now` on every enabled channel not held by another pass. Never throws for a
 * channel's sake: a failure is recorded on its rows, an unexpected error logged (counts and ids only).
 */
export async function deliverDue(db: ServerDb, now: number, opts: DeliverOptions): Promise<DeliverReport> {
  const report: DeliverReport = { messages: 0, rows: 0, failed: 0, dead: 0 }
  for (const channel of await deliveryChannels(db.kysely)) {
    // A refused configuration waits for its retry time (or for the administrator to save it again).
    if (channel.failing && Number(channel.retry_at) > now) continue
    const owner = newId()
    if (!(await leaseChannel(db.kysely, channel.id, owner, now, now + LEASE))) continue
    const recent = (JSON.parse(channel.recent_sends) as number[]).filter((t) => t > now - MINUTE && t <= now)
    const p: ChannelPass = { db: db.kysely, channel, secrets: channelSecrets(channel), site: { name: channel.site_name, timezone: channel.site_timezone }, now, opts, report, sends: recent }
    try {
      await deliverChannel(p)
    } catch (e) {
      opts.log?.error({ err: { message: e instanceof Error ? e.message : String(e) } }, `notify: delivering channel ${channel.id} failed`)
    } finally {
      await setRecentSends(db.kysely, channel.id, p.sends.filter((t) => t > now - MINUTE)).catch(() => undefined)
      await releaseChannel(db.kysely, channel.id, owner).catch(() => undefined)
    }
  }
  return report
}
