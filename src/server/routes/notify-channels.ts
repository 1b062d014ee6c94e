/**
 * The console's notification channels of a site (issue 15 points 2 and 5): list, add, edit, remove,
 * 发送测试消息, and the deliveries that keep failing. Company administrators only. Secrets go in and never
 * come out (ChannelViewSchema has only their hints: the serializer sends nothing else).
 */
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { ErrorSchema } from '@shared/sync/protocol'
import { ChannelInputSchema, ChannelTestAnswerSchema, ChannelViewSchema, NotifyFailureSchema } from '@shared/sync/notify-api'
import type { ServerDb } from '../db/connection'
import type { TypeBoxTypeProvider } from '../http/type-provider'
import type { PlatformUrls } from '../notify/platforms'
import { addChannel, editChannel, removeChannel, retryFailure, siteChannels, siteFailures, testChannel } from '../notify/channels-admin'

const IdParams = Type.Object({ id: Type.String({ maxLength: 36 }) })
const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema }

export async function notifyChannelRoutes(fastify: FastifyInstance, opts: { db: ServerDb; now: () => number; urls: PlatformUrls; appUrl: string }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db, now } = opts
  const auth = { onRequest: [app.requireAdmin] }
  const tags = ['admin']

  app.get(
    '/api/admin/sites/:id/notify-channels',
    { ...auth, schema: { tags, summary: 'The site’s WeCom and DingTalk channels (secrets as their last four characters)', params: IdParams, response: { 200: Type.Array(ChannelViewSchema), ...errors } } },
    async (req) => siteChannels(db, req.params.id),
  )

  app.post(
    '/api/admin/sites/:id/notify-channels',
    { ...auth, schema: { tags, summary: 'Add a channel', params: IdParams, body: ChannelInputSchema, response: { 200: ChannelViewSchema, ...errors } } },
    async (req) => addChannel(db, req.params.id, req.body, now()),
  )

  app.put(
    '/api/admin/notify-channels/:id',
    { ...auth, schema: { tags, summary: 'Change a channel (an empty secret field keeps the stored one)', params: IdParams, body: ChannelInputSchema, response: { 200: ChannelViewSchema, ...errors } } },
    async (req) => editChannel(db, req.params.id, req.body, now()),
  )

  app.delete(
    '/api/admin/notify-channels/:id',
    { ...auth, schema: { tags, summary: 'Remove a channel and what waits for it', params: IdParams, response: { 200: Type.Object({ removed: Type.Boolean() }), ...errors } } },
    async (req) => {
      await removeChannel(db, req.params.id)
      return { removed: true }
    },
  )

  app.post(
    '/api/admin/notify-channels/:id/test',
    { ...auth, schema: { tags, summary: '发送测试消息: the platform’s answer and its meaning', params: IdParams, response: { 200: ChannelTestAnswerSchema, ...errors } } },
    async (req) => testChannel(db, req.params.id, opts.urls, opts.appUrl, now()),
  )

  app.get(
    '/api/admin/sites/:id/notify-failures',
    { ...auth, schema: { tags, summary: 'Deliveries that keep failing (retried) or failed for good (dead), newest first', params: IdParams, response: { 200: Type.Array(NotifyFailureSchema), ...errors } } },
    async (req) => siteFailures(db, req.params.id),
  )

  app.post(
    '/api/admin/notify-failures/:id/retry',
    { ...auth, schema: { tags, summary: 'Send a dead delivery again', params: IdParams, response: { 200: Type.Object({ retried: Type.Boolean() }), ...errors, 409: ErrorSchema } } },
    async (req) => {
      await retryFailure(db, req.params.id, now())
      return { retried: true }
    },
  )
}
