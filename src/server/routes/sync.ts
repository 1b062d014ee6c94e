/** The sync API for enrolled tablets (docs/sync-protocol.md). */
import type { FastifyInstance } from 'fastify'
import { PushRequestSchema, PushResponseSchema, PullQuerySchema, PullResponseSchema, CountsResponseSchema, ErrorSchema } from '@shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import type { TypeBoxTypeProvider } from '../http/type-provider'
import type { DeviceRow } from '../repositories/devices'
import { CONFIDENTIAL_TABLES } from '@shared/sync/registry'
import { applyPush, quarantinePush } from '../sync/apply-push'
import { countRecords, pullChanges } from '../repositories/records'
import { findSite } from '../repositories/sites'

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 426: ErrorSchema }

/** 篇2 4.2.4: a department's device never receives the desk's confidential tables (nor signatures made on them). */
function withheldFrom(device: DeviceRow): readonly string[] {
  return device.kind === 'desk' ? [] : CONFIDENTIAL_TABLES
}

export async function syncRoutes(fastify: FastifyInstance, opts: { db: ServerDb; now: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.post(
    '/api/sync/push',
    {
      onRequest: [app.requireProtocol, app.requireDeviceEvenRevoked],
      schema: { tags: ['sync'], summary: 'Push outbox mutations', body: PushRequestSchema, response: { 200: PushResponseSchema, ...errors } },
    },
    async (req) => {
      const device = req.device!
      const now = opts.now()
      if (device.revoked_at !== null) return { results: await quarantinePush(opts.db, device, req.body.mutations, now), revoked: true }
      return { results: await applyPush(opts.db, device, req.body.mutations, now), revoked: false }
    },
  )

  app.get(
    '/api/sync/pull',
    {
      onRequest: [app.requireProtocol, app.requireDevice],
      schema: { tags: ['sync'], summary: 'Pull changes after a cursor', querystring: PullQuerySchema, response: { 200: PullResponseSchema, ...errors } },
    },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store')
      return pullChanges(opts.db.kysely, req.device!.site_id, req.query.cursor, req.query.limit, withheldFrom(req.device!))
    },
  )

  app.get(
    '/api/sync/counts',
    {
      onRequest: [app.requireProtocol, app.requireDevice],
      schema: { tags: ['sync'], summary: 'Live records per table on the server, for the settings page', response: { 200: CountsResponseSchema, ...errors } },
    },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store')
      const site = await findSite(opts.db.kysely, req.device!.site_id)
      const counts = await countRecords(opts.db.kysely, req.device!.site_id, withheldFrom(req.device!))
      return { counts, cursor: site?.change_seq ?? 0 }
    },
  )
}
