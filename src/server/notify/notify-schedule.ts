/**
 * The delivery pass (deliver.ts) at start and then every minute (admin/every.ts), and each hour the rows sent
 * longer than `SENT_KEPT` ago are forgotten. Several processes on one PostgreSQL may all run it: each channel
 * is delivered by the one holding its lease. Logs counts only — never a message's words nor a channel's secrets.
 */
import type { FastifyBaseLogger } from 'fastify'
import { DAY, HOUR, MINUTE } from '@shared/domain/time'
import { pruneSentRows } from '../repositories/notify-outbox'
import type { ServerDb } from '../db/connection'
import { every } from '../admin/every'
import { deliverDue, type DeliverOptions } from './deliver'

/** How long a sent notification is kept in the outbox. */
export const SENT_KEPT = 90 * DAY

export function scheduleNotifications(db: ServerDb, log: FastifyBaseLogger, opts: Omit<DeliverOptions, 'log'>, clock: () => number = Date.now, period = MINUTE): () => void {
  const stopPruning = every(HOUR, async () => void (await pruneSentRows(db.kysely, clock() - SENT_KEPT)), log, '清理已发送通知失败 (pruning sent notifications failed)')
  const stopDelivery = every(
    period,
    async () => {
      const r = await deliverDue(db, clock(), { ...opts, log })
      if (r.messages + r.failed + r.dead > 0) log.info(`notify: ${r.messages} messages (${r.rows} notifications), ${r.failed} to retry, ${r.dead} dead`)
    },
    log,
    '通知发送处理失败 (the notification delivery pass failed)',
  )
  return () => {
    stopDelivery()
    stopPruning()
  }
}
