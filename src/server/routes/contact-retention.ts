/**
 * The console's view of a site's contact retention (issue 14 point 3): the dry run, and reducing now
 * rather than at the next scheduled pass. Company administrators only.
 */
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { ErrorSchema } from '@shared/sync/protocol'
import { RetentionPlanSchema, type RetentionPlanView } from '@shared/sync/admin-api'
import type { ContactReduction } from '@shared/domain/retention'
import type { ServerDb } from '../db/connection'
import type { TypeBoxTypeProvider } from '../http/type-provider'
import { contactRetentionPlan, reduceReceptionContacts } from '../admin/contact-retention'
import { findSite } from '../repositories/sites'
import { httpError } from '../http/http-error'
import { NO_SUCH_SITE } from '../admin/operations'

const IdParams = Type.Object({ id: Type.String({ maxLength: 36 }) })
/** The console lists this many; the count says how many in all. */
const LISTED = 500

const fieldsOf = (p: ContactReduction): string[] => [...Object.keys(p.reception), ...(p.events.length ? ['events'] : [])]

export async function contactRetentionRoutes(fastify: FastifyInstance, opts: { db: ServerDb; now: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db } = opts
  const auth = { onRequest: [app.requireAdmin] }
  const siteOf = async (id: string): Promise<void> => {
    if (!(await findSite(db.kysely, id))) throw httpError(404, 'NotFound', NO_SUCH_SITE)
  }

  app.get(
    '/api/admin/sites/:id/contact-retention',
    { ...auth, schema: { tags: ['admin'], summary: 'Dry run: the closed requests whose owners’ contact details would be reduced now (nothing changes)', params: IdParams, response: { 200: RetentionPlanSchema, 401: ErrorSchema, 404: ErrorSchema } } },
    async (req): Promise<RetentionPlanView> => {
      await siteOf(req.params.id)
      const plan = await contactRetentionPlan(db, req.params.id, opts.now())
      return { years: plan.years, due: plan.reductions.length, items: plan.reductions.slice(0, LISTED).map((p) => ({ ref: p.ref, closedAt: p.closedAt, fields: fieldsOf(p) })) }
    },
  )

  app.post(
    '/api/admin/sites/:id/contact-retention',
    { ...auth, schema: { tags: ['admin'], summary: 'Reduce them now instead of at the next scheduled pass', params: IdParams, response: { 200: Type.Object({ reduced: Type.Integer() }), 401: ErrorSchema, 404: ErrorSchema } } },
    async (req) => {
      await siteOf(req.params.id)
      const plan = await db.kysely.transaction().execute((trx) => reduceReceptionContacts(trx, db.kind, req.params.id, opts.now()))
      return { reduced: plan.length }
    },
  )
}
