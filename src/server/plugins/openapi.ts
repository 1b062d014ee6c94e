/** The API described in OpenAPI at /api/docs (JSON at /api/docs/json), from the routes' TypeBox schemas. */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'

async function openapiPlugin(app: FastifyInstance, opts: { version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Deskbook 前台台账 API', version: opts.version, description: 'Sync, enrolment and administration API. See docs/sync-protocol.md.' },
      components: {
        securitySchemes: {
          device: { type: 'http', scheme: 'bearer', description: 'Device token `dev_…` from enrolment' },
          admin: { type: 'http', scheme: 'bearer', description: 'Administrator session `adm_…` from /api/admin/login' },
        },
      },
      tags: [
        { name: 'sync', description: 'Push and pull (device token)' },
        { name: 'devices', description: 'Enrolment with one-time codes' },
        { name: 'admin', description: 'Console (administrator session)' },
        { name: 'health', description: 'Liveness' },
      ],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })
}

export const openapi = fp(openapiPlugin, { name: 'openapi' })
