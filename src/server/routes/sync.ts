/** The sync API for enrolled tablets (docs/sync-protocol.md). */
import type { FastifyInstance } from 'fastify'
import {
  CountsResponseSchema,
  ErrorSchema,
  GENERATION_HEADER,
  PullQuerySchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  ResendDoneRequestSchema,
  ResendDoneResponseSchema,
  ResendRequestSchema,
  ResendResponseSchema,
  RestoredSchema,
} from '@shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import type { TypeBoxTypeProvider } from '../http/type-provider'
import type { DeviceRow } from '../repositories/devices'
import { CONFIDENTIAL_TABLES, MUTATIONS } from '@shared/sync/registry'
import { applyPush, quarantinePush } from '../sync/apply-push'
import { applyResend } from '../sync/resend'
import { cursorAhead, mustCatchUp, restoredBody } from '../sync/epoch-check'
import { countRecords, pullChanges } from '../repositories/records'
import { findSite } from '../repositories/sites'
import { markCaughtUp } from '../repositories/devices'
import { readEpoch } from '../repositories/server-meta'
import { httpError } from '../http/http-error'

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 426: ErrorSchema }
const syncErrors = { ...errors, 409: RestoredSchema }

/** Tables whose records come with their per-field stamps (editable ones; devices are written by the server). */
const STAMPED = new Set(['devices', ...Object.values(MUTATIONS).filter((m) => m.kind === 'editable').map((m) => m.table)])

/** 篇2 4.2.4: a department's device never receives the desk's confidential tables (nor signatures made on them). */
function withheldFrom(device: DeviceRow): readonly string[] {
  return device.kind === 'desk' ? [] : CONFIDENTIAL_TABLES
}

export async function syncRoutes(fastify: FastifyInstance, opts: { db: ServerDb; now: () => number; onPushed?: (siteId: string) => void }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.post(
    '/api/sync/push',
    {
      onRequest: [app.requireProtocol, app.requireDeviceEvenRevoked],
      schema: { tags: ['sync'], summary: 'Push outbox mutations', body: PushRequestSchema, response: { 200: PushResponseSchema, ...syncErrors } },
    },
    async (req, reply) => {
      const device = req.device!
      const now = opts.now()
      if (device.revoked_at !== null) return { results: await quarantinePush(opts.db, device, req.body.mutations, now), revoked: true }
      // Nothing is applied for a tablet that must first re-send what the restored server lost.
      const epoch = await readEpoch(opts.db.kysely)
      if (mustCatchUp(device, req.headers[GENERATION_HEADER], epoch)) return reply.code(409).send(restoredBody(epoch))
      const results = await applyPush(opts.db, device, req.body.mutations, now)
      if (results.some((r) => r.status === 'applied')) opts.onPushed?.(device.site_id)
      return { results, revoked: false }
    },
  )

  app.get(
    '/api/sync/pull',
    {
      onRequest: [app.requireProtocol, app.requireDevice],
      schema: { tags: ['sync'], summary: 'Pull changes after a cursor', querystring: PullQuerySchema, response: { 200: PullResponseSchema, ...syncErrors } },
    },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store')
      const device = req.device!
      const epoch = await readEpoch(opts.db.kysely)
      if (mustCatchUp(device, req.headers[GENERATION_HEADER], epoch)) return reply.code(409).send(restoredBody(epoch))
      const page = await pullChanges(opts.db.kysely, device.site_id, req.query.cursor, req.query.limit, withheldFrom(device), STAMPED)
      if (!page.changes.length && (await cursorAhead(opts.db.kysely, device.site_id, req.query.cursor))) return reply.code(409).send(restoredBody(epoch))
      return { ...page, server: { id: epoch.serverId, generation: epoch.generation } }
    },
  )

  app.post(
    '/api/sync/resend',
    {
      onRequest: [app.requireProtocol, app.requireDevice],
      schema: { tags: ['sync'], summary: 'After a restore: re-send records this tablet holds', body: ResendRequestSchema, response: { 200: ResendResponseSchema, ...errors, 409: ErrorSchema } },
    },
    async (req) => {
      const epoch = await readEpoch(opts.db.kysely)
      // Only a tablet that has not caught up may re-send (it bypasses a push's order-dependent rules). One
      // that has, but did not hear the answer to its `done`, is told nothing changed and goes on to `done`.
      if (req.device!.synced_generation === epoch.generation) return { applied: 0, unchanged: req.body.records.length, refused: [] }
      return applyResend(opts.db, req.device!, req.body.records, opts.now())
    },
  )

  app.post(
    '/api/sync/resend/done',
    {
      onRequest: [app.requireProtocol, app.requireDevice],
      schema: { tags: ['sync'], summary: 'After a restore: this tablet has re-sent everything it holds', body: ResendDoneRequestSchema, response: { 200: ResendDoneResponseSchema, ...errors, 409: ErrorSchema } },
    },
    async (req) => {
      const epoch = await readEpoch(opts.db.kysely)
      // Re-sent to a generation that has been replaced since (restored again meanwhile): re-send once more.
      if (req.body.generation !== epoch.generation) throw httpError(409, 'GenerationChanged', '服务器又恢复了一次,平板将重新补传 (server restored again)')
      await markCaughtUp(opts.db.kysely, req.device!.id, epoch.generation)
      return { server: { id: epoch.serverId, generation: epoch.generation } }
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
