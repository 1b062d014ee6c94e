/**
 * Starts the server: reads the environment, opens and migrates the database, listens.
 * `npm start` builds the client first; `npm run serve` only starts.
 */
import fs from 'node:fs'
import { buildApp } from './app'
import { configFromEnv, ConfigError } from './config'
import { openDatabase } from './db/connection'
import { migrateToLatest } from './db/migrate'
import { loggerOptions } from './http/logging'

async function main(): Promise<void> {
  const config = configFromEnv()
  fs.mkdirSync(config.dataDir, { recursive: true })
  const db = openDatabase(config)
  await migrateToLatest(db)
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  const app = await buildApp({ db, staticDir: config.staticDir, version: pkg.version, logger: loggerOptions(config.logLevel) })
  const close = async (): Promise<void> => {
    await app.close()
    await db.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void close())
  process.once('SIGTERM', () => void close())
  await app.listen({ port: config.port, host: config.host })
  app.log.info(`Deskbook on http://localhost:${config.port} — database ${db.kind} (${db.describe})`)
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `配置错误 (configuration error): ${e.message}` : e)
  process.exit(1)
})
