import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { ping, type ServerDb } from '../db/connection'
import { schemaVersion } from '../db/migrate'
import { readEpoch } from '../repositories/server-meta'
import type { Readiness } from '../plugins/readiness'
import type { TypeBoxTypeProvider } from '../http/type-provider'

const NullableString = Type.Union([Type.String(), Type.Null()])

export const HealthSchema = Type.Object({
  /** ok; starting: migrations still run; degraded: the database cannot be reached. */
  status: Type.Union([Type.Literal('ok'), Type.Literal('starting'), Type.Literal('degraded')]),
  version: Type.String(),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  /** The latest migration applied (null until the database is migrated). */
  schemaVersion: NullableString,
  /** The database's identity and generation (server-meta.ts): a restore changes the generation. */
  serverId: NullableString,
  generation: NullableString,
  time: Type.Integer(),
})

export const ReadySchema = Type.Object({
  ready: Type.Boolean(),
  message: Type.String(),
})

interface HealthOptions {
  db: ServerDb
  version: string
  now: () => number
  readiness: Readiness
}

/**
 * `GET /api/health`: is the server up, can it reach its database, which schema and generation does
 * it serve (for the administrator and monitoring). `GET /api/ready`: may it take requests — 503
 * while the migrations run or the database is unreachable (for a load balancer or a deploy script).
 */
export async function healthRoutes(fastify: FastifyInstance, opts: HealthOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const reachable = async (): Promise<boolean> => {
    try {
      await ping(opts.db.kysely)
      return true
    } catch (e) {
      app.log.error({ err: e }, 'health: database unreachable')
      return false
    }
  }

  app.get('/api/health', { schema: { tags: ['health'], summary: 'Is the server up and its database reachable? Which schema and generation?', response: { 200: HealthSchema, 503: HealthSchema } } }, async (_req, reply) => {
    reply.header('Cache-Control', 'no-store')
    const base = { version: opts.version, database: opts.db.kind, time: opts.now() }
    const unknown = { schemaVersion: null, serverId: null, generation: null }
    if (!opts.readiness.ready) return reply.code(503).send({ status: 'starting', ...base, ...unknown })
    if (!(await reachable())) return reply.code(503).send({ status: 'degraded', ...base, ...unknown })
    const [schema, epoch] = await Promise.all([schemaVersion(opts.db), readEpoch(opts.db.kysely)])
    return reply.send({ status: 'ok', ...base, schemaVersion: schema, serverId: epoch.serverId, generation: epoch.generation })
  })

  app.get('/api/ready', { schema: { tags: ['health'], summary: 'May the server take requests (migrated, database reachable)?', response: { 200: ReadySchema, 503: ReadySchema } } }, async (_req, reply) => {
    reply.header('Cache-Control', 'no-store')
    if (!opts.readiness.ready) return reply.code(503).header('Retry-After', '1').send({ ready: false, message: '正在升级数据库 (migrating the database)' })
    if (!(await reachable())) return reply.code(503).header('Retry-After', '5').send({ ready: false, message: '无法连接数据库 (the database cannot be reached)' })
    return reply.send({ ready: true, message: '就绪 (ready)' })
  })
}
