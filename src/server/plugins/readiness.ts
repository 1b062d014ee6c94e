/**
 * Readiness (issue 12 point 5): the server listens before it migrates the database, so a start is
 * seen at once, and until the migrations are done every API request but `/api/health` and
 * `/api/ready` is answered 503 with Retry-After — never a query on a half-migrated schema.
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Set by server.ts when the database is migrated; the tests' apps are ready from the start. */
export interface Readiness {
  ready: boolean
}

export const STARTING_MESSAGE = '服务器正在启动(升级数据库),请稍后再试 (the server is starting: the database is being migrated, try again shortly)'

const ANSWERS_WHILE_STARTING = new Set(['/api/health', '/api/ready'])

async function readinessPlugin(app: FastifyInstance, opts: { readiness: Readiness }): Promise<void> {
  app.addHook('onRequest', async (req, reply) => {
    if (opts.readiness.ready || !req.url.startsWith('/api/')) return
    if (ANSWERS_WHILE_STARTING.has(req.url.split('?')[0] ?? '')) return
    return reply.code(503).header('Retry-After', '1').header('Cache-Control', 'no-store').send({ error: 'Starting', message: STARTING_MESSAGE })
  })
}

export const readiness = fp(readinessPlugin, { name: 'readiness' })
