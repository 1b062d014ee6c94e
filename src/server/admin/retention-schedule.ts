/**
 * The server's contact-retention pass (issue 14 point 3) at start and then every hour, on the server's own
 * clock. Several processes on one PostgreSQL may all run it: each request is reduced once, under its site's
 * change-number lock (contact-retention.ts). Logs counts only — never a name or a phone.
 */
import type { FastifyBaseLogger } from 'fastify'
import { HOUR } from '@shared/domain/time'
import type { ServerDb } from '../db/connection'
import { applyContactRetention } from './contact-retention'

export function scheduleContactRetention(db: ServerDb, log: FastifyBaseLogger, clock: () => number = Date.now, every = HOUR): () => void {
  let running = false
  const pass = async (): Promise<void> => {
    if (running) return
    running = true
    try {
      for (const { siteId, reduced } of await applyContactRetention(db, clock())) log.info(`contact retention: site ${siteId}, ${reduced} closed requests reduced`)
    } catch (e) {
      log.error({ err: e }, '联系方式保留期处理失败 (the contact-retention pass failed)')
    } finally {
      running = false
    }
  }
  void pass()
  const timer = setInterval(() => void pass(), every)
  timer.unref()
  return () => clearInterval(timer)
}
