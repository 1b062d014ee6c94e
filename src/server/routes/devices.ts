/** Enrolment of tablets (no token yet: a one-time code instead). Rate-limited per address. */
import type { FastifyInstance } from 'fastify'
import { ConnectRequestSchema, EnrolRequestSchema, EnrolResponseSchema, ErrorSchema } from '@shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import type { TypeBoxTypeProvider } from '../http/type-provider'
import { connectStandalone, enrolDevice } from '../sync/enrolment'
import { httpError } from '../http/http-error'
import { CODE_RATE_LIMIT } from '../plugins/security'

const errors = { 400: ErrorSchema, 409: ErrorSchema, 426: ErrorSchema, 429: ErrorSchema }

export async function deviceRoutes(fastify: FastifyInstance, opts: { db: ServerDb; now: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.post(
    '/api/devices/enrol',
    {
      onRequest: [app.requireProtocol],
      config: { rateLimit: CODE_RATE_LIMIT },
      schema: { tags: ['devices'], summary: 'Enrol a tablet to a site with a one-time code', body: EnrolRequestSchema, response: { 200: EnrolResponseSchema, ...errors } },
    },
    async (req) => {
      const name = req.body.name.trim()
      if (!name) throw httpError(400, 'BadRequest', '请填写平板名称 (device name required)')
      return enrolDevice(opts.db, { ...req.body, name }, opts.now())
    },
  )

  app.post(
    '/api/devices/connect',
    {
      onRequest: [app.requireProtocol],
      config: { rateLimit: CODE_RATE_LIMIT },
      schema: { tags: ['devices'], summary: 'Connect a standalone tablet and its site with a connect code', body: ConnectRequestSchema, response: { 200: EnrolResponseSchema, ...errors } },
    },
    async (req) => connectStandalone(opts.db, req.body, opts.now()),
  )
}
