/**
 * The Fastify app: plugins → repositories → routes (ARCHITECTURE). `server.ts` only listens.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { ServerDb } from './db/connection'
import { DEFAULT_PLATFORM_URLS, type PlatformUrls } from './notify/platforms'
import { MIN_CLIENT_PROTOCOL } from '@shared/sync/protocol'
import { staticApp, isAppNavigation, NEVER_CACHE } from './plugins/static-app'
import { errorHandler } from './http/error-handler'
import { inputGuard } from './plugins/input-guard'
import { security } from './plugins/security'
import { admission, defaultAdmission, type AdmissionOptions } from './plugins/admission'
import { openapi } from './plugins/openapi'
import { auth } from './plugins/auth'
import { healthRoutes } from './routes/health'
import { readiness, type Readiness } from './plugins/readiness'
import { syncRoutes } from './routes/sync'
import { deviceRoutes } from './routes/devices'
import { adminRoutes } from './routes/admin'
import { contactRetentionRoutes } from './routes/contact-retention'
import { statisticsRoutes } from './routes/statistics'
import { siteArchiveRoutes } from './routes/site-archive'
import { ownerRequestRoutes } from './routes/owner-requests'
import { notifyChannelRoutes } from './routes/notify-channels'

export interface AppOptions {
  db: ServerDb
  staticDir: string
  version?: string
  now?: () => number
  logger?: FastifyServerOptions['logger']
  /** Oldest sync protocol still served (older clients are told to update). */
  minClientProtocol?: number
  /** The sync admission gate's limits (plugins/admission.ts); defaults by database kind. */
  admission?: AdmissionOptions
  /** server.ts: not ready until migrated (API answers 503 meanwhile); absent: ready from the start. */
  readiness?: Readiness
  /** Fastify's `trustProxy` (config TRUST_PROXY): whose X-Forwarded-For gives the client address. */
  trustProxy?: boolean | number | string
  /** The data folder (config DATA_DIR), where the setup token's file is removed once set up. */
  dataDir?: string
  /** Told after a push applied something to a site (server.ts: the time rules look at it at once, issue 15). */
  onPushed?: (siteId: string) => void
  /** Issue 15: where WeCom and DingTalk are reached (a fake receiver in tests) and the app's address messages link to. */
  notify?: { urls: PlatformUrls; appUrl: string }
}

/** Fastify takes a hop count as a function (its types have no number): trust the nearest `n` proxies. */
function trustProxy(value: boolean | number | string): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Request logs carry method, path and status only (http/logging.ts) — never bodies.
    bodyLimit: 5 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    // A URL that is not percent-encoded properly gets the same `{ error, message }` as any bad request.
    frameworkErrors: errorHandler,
    // Behind nginx the rate limits must count the real client, not the proxy (docs/deploy.md).
    trustProxy: trustProxy(opts.trustProxy ?? false),
  })
  const now = opts.now ?? Date.now
  const version = opts.version ?? '0.0.0'
  const ready = opts.readiness ?? { ready: true }
  app.setErrorHandler(errorHandler)
  await app.register(security, { db: opts.db, now })
  await app.register(inputGuard)
  await app.register(readiness, { readiness: ready })
  await app.register(admission, opts.admission ?? defaultAdmission(opts.db.kind))
  await app.register(openapi, { version })
  await app.register(auth, { db: opts.db, now, minClientProtocol: opts.minClientProtocol ?? MIN_CLIENT_PROTOCOL })
  await app.register(staticApp, { staticDir: opts.staticDir })
  await app.register(healthRoutes, { db: opts.db, version, now, readiness: ready })
  await app.register(syncRoutes, { db: opts.db, now, ...(opts.onPushed ? { onPushed: opts.onPushed } : {}) })
  await app.register(deviceRoutes, { db: opts.db, now })
  await app.register(adminRoutes, { db: opts.db, now, dataDir: opts.dataDir ?? null })
  await app.register(siteArchiveRoutes, { db: opts.db, now, version })
  await app.register(contactRetentionRoutes, { db: opts.db, now })
  await app.register(ownerRequestRoutes, { db: opts.db, now })
  await app.register(statisticsRoutes, { db: opts.db, now })
  await app.register(notifyChannelRoutes, { db: opts.db, now, urls: opts.notify?.urls ?? DEFAULT_PLATFORM_URLS, appUrl: opts.notify?.appUrl ?? '' })

  app.setNotFoundHandler((req, reply) => {
    if (isAppNavigation(req.method, req.url, req.headers.accept) && app.hasReplyDecorator('sendFile')) {
      return reply.header('Cache-Control', NEVER_CACHE).sendFile('index.html')
    }
    return reply.code(404).send({ error: 'NotFound', message: '没有这个地址 (no such address)' })
  })
  return app
}
