import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { ping, type ServerDb } from '../db/connection'
import type { TypeBoxTypeProvider } from '../http/type-provider'

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  time: Type.Integer(),
})

/** `GET /api/health`: is the server up and can it reach its database? */
export async function healthRoutes(fastify: FastifyInstance, opts: { db: ServerDb; version: string; now: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.get('/api/health', { schema: { tags: ['health'], summary: 'Is the server up and its database reachable?', response: { 200: HealthSchema, 503: HealthSchema } } }, async (_req, reply) => {
    let ok = true
    try {
      await ping(opts.db.kysely)
    } catch (e) {
      ok = false
      app.log.error({ err: e }, 'health: database unreachable')
    }
    reply.header('Cache-Control', 'no-store')
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', version: opts.version, database: opts.db.kind, time: opts.now() })
  })
}
