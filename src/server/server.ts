/**
 * Starts the server: reads the environment, opens the database, listens, then migrates — until the
 * migrations are done `/api/ready` answers 503 and the API "starting" (plugins/readiness.ts), so a
 * start is visible at once and no request meets a half-migrated schema. Runs compiled
 * (dist/server/server.js, `npm run build:server`); `npm start` builds first, `npm run serve` only starts.
 *
 * On SQLite it holds the data folder's server lock (db/server-lock.ts) for its whole life, so
 * `npm run admin -- restore` can tell that it runs.
 */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import { buildApp } from './app'
import { configFromEnv, ConfigError } from './config'
import { openDatabase } from './db/connection'
import { migrateToLatest } from './db/migrate'
import { holdServerLock, ServerLockBusy, type HeldLock } from './db/server-lock'
import { loggerOptions } from './http/logging'
import type { Readiness } from './plugins/readiness'
import { prepareSetupToken, setupTokenBanner } from './admin/setup-token'
import { scheduleContactRetention } from './admin/retention-schedule'
import { scheduleNotifyRules, type RulesSchedule } from './notify/rules-schedule'
import { scheduleNotifications } from './notify/notify-schedule'
import { digestEventsOf, notifyFresh } from './notify/notify-fresh'

async function main(): Promise<void> {
  const config = configFromEnv()
  fs.mkdirSync(config.dataDir, { recursive: true })
  const lock: HeldLock | null = config.databaseUrl ? null : holdServerLock(config.dataDir)
  const db = await openDatabase(config)
  // src/server/ and dist/server/ are both two folders below the package.
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  const readiness: Readiness = { ready: false }
  let rules: RulesSchedule | null = null
  const notifyOptions = { urls: { wecom: config.notify.wecom, dingtalk: config.notify.dingtalk }, appUrl: config.notify.appUrl, digestEvents: digestEventsOf(db) }
  const app = await buildApp({ onPushed: (siteId) => rules?.poke(siteId), db, staticDir: config.staticDir, version: pkg.version, logger: loggerOptions(config.logLevel), readiness, trustProxy: config.trustProxy, dataDir: config.dataDir, notify: notifyOptions })
  let stopRetention = (): void => {}
  let stopNotifications = (): void => {}
  const close = async (code: number): Promise<void> => {
    stopRetention()
    rules?.stop()
    stopNotifications()
    await app.close()
    await db.close()
    lock?.release()
    process.exit(code)
  }
  process.once('SIGINT', () => void close(0))
  process.once('SIGTERM', () => void close(0))
  await app.listen({ port: config.port, host: config.host })
  try {
    const applied = await migrateToLatest(db)
    if (applied.length > 0) app.log.info(`migrations applied: ${applied.join(', ')}`)
  } catch (e) {
    app.log.error({ err: e }, '数据库升级失败 (migrating the database failed)')
    await close(1)
    return
  }
  const { port } = app.server.address() as AddressInfo
  // Not set up yet: the token the console's first-run setup asks for (issue 14 point 1).
  const setup = await prepareSetupToken(db, config.dataDir)
  if (setup) process.stdout.write(`${setupTokenBanner(setup, `http://localhost:${port}/admin`)}\n`)
  readiness.ready = true
  stopRetention = scheduleContactRetention(db, app.log)
  // Issue 15: the time rules every minute and after a push; each new event to the sites' WeCom and DingTalk
  // groups at once, and the outbox's retries and digests every minute.
  rules = scheduleNotifyRules(db, app.log, { after: notifyFresh(db, notifyOptions) })
  stopNotifications = scheduleNotifications(db, app.log, notifyOptions)
  app.log.info(`Deskbook ready on http://localhost:${port} — database ${db.kind} (${db.describe})`)
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(`配置错误 (configuration error): ${e.message}`)
  else if (e instanceof ServerLockBusy) console.error(`无法启动 (cannot start): ${e.message}`)
  else console.error(e)
  process.exit(1)
})
