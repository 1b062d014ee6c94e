/**
 * The Fastify app: plugins → repositories → routes (ARCHITECTURE). `server.ts` only listens.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { ServerDb } from './db/connection'
import { staticApp, isAppNavigation, NEVER_CACHE } from './plugins/static-app'
import { healthRoutes } from './routes/health'
import { errorHandler } from './plugins/errors'

export interface AppOptions {
  db: ServerDb
  staticDir: string
  version?: string
  now?: () => number
  logger?: FastifyServerOptions['logger']
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Request logs carry method, url and status only — never bodies, which hold owners' names and phones.
    bodyLimit: 5 * 1024 * 1024,
  })
  app.setErrorHandler(errorHandler)
  await app.register(staticApp, { staticDir: opts.staticDir })
  await app.register(healthRoutes, { db: opts.db, version: opts.version ?? '0.0.0', now: opts.now ?? Date.now })

  app.setNotFoundHandler((req, reply) => {
    if (isAppNavigation(req.method, req.url, req.headers.accept) && app.hasReplyDecorator('sendFile')) {
      return reply.header('Cache-Control', NEVER_CACHE).sendFile('index.html')
    }
    return reply.code(404).send({ error: 'NotFound', message: '没有这个地址 (no such address)' })
  })
  return app
}
