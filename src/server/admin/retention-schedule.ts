/**
 * The server's contact-retention pass (issue 14 point 3) at start and then every hour, on the server's own
 * clock (every.ts). Several processes on one PostgreSQL may all run it: each request is reduced once, under
 * its site's change-number lock (contact-retention.ts). Logs counts only — never a name or a phone.
 */
import type { FastifyBaseLogger } from 'fastify'
import { HOUR } from '@shared/domain/time'
import type { ServerDb } from '../db/connection'
import { applyContactRetention } from './contact-retention'
import { every } from './every'

export function scheduleContactRetention(db: ServerDb, log: FastifyBaseLogger, clock: () => number = Date.now, period = HOUR): () => void {
  return every(
    period,
    async () => {
      for (const { siteId, reduced } of await applyContactRetention(db, clock())) log.info(`contact retention: site ${siteId}, ${reduced} closed requests reduced`)
    },
    log,
    '联系方式保留期处理失败 (the contact-retention pass failed)',
  )
}
