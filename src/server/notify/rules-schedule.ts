/**
 * When the server's time rules run (issue 15 point 1): every minute on the server's own clock, and soon after
 * a push changed a site (its request may already be past 48 h: registered offline two days ago). Passes never
 * overlap; a site poked while a pass runs is looked at in the next. Logs counts only — never a name or phone.
 */
import type { FastifyBaseLogger } from 'fastify'
import { MINUTE } from '@shared/domain/time'
import type { ServerDb } from '../db/connection'
import { evaluateNotifications, type SitePass } from './evaluate'

export interface RulesSchedule {
  /** A push changed this site: look at it within `soonMs`. */
  poke(siteId: string): void
  stop(): void
}

export function scheduleNotifyRules(
  db: ServerDb,
  log: FastifyBaseLogger,
  options: { clock?: () => number; every?: number; soonMs?: number; after?: (passes: SitePass[], now: number) => Promise<void> } = {},
): RulesSchedule {
  const clock = options.clock ?? Date.now
  let running = false
  let all = false
  const poked = new Set<string>()
  let soon: ReturnType<typeof setTimeout> | null = null

  const run = async (): Promise<void> => {
    if (running) return
    running = true
    try {
      while (all || poked.size) {
        const sites = all ? [undefined] : [...poked]
        all = false
        poked.clear()
        for (const site of sites) {
          const now = clock()
          const passes = await evaluateNotifications(db, now, site)
          const fresh = passes.reduce((n, p) => n + p.fresh.length, 0)
          if (fresh) log.info(`notifications: ${fresh} new events`)
          await options.after?.(passes, now)
        }
      }
    } catch (e) {
      log.error({ err: e }, '通知规则检查失败 (the notification rules pass failed)')
    } finally {
      running = false
    }
  }
  const everyPass = (): void => {
    all = true
    void run()
  }
  everyPass()
  const timer = setInterval(everyPass, options.every ?? MINUTE)
  timer.unref()
  return {
    poke(siteId) {
      poked.add(siteId)
      soon ??= setTimeout(() => {
        soon = null
        void run()
      }, options.soonMs ?? 1000)
      soon.unref?.()
    },
    stop() {
      clearInterval(timer)
      if (soon) clearTimeout(soon)
    },
  }
}
