/**
 * An owner's request under PIPL 个人信息保护法 Art. 44–47 (issue 14 point 4), in the console: find what a
 * site holds about one owner (masked), give it out as a workbook or as the print view's records (each
 * recorded in the access trail); record the request with its answer, and list them. Administrators only. The owner is named in the body, never in the
 * path or query: request logs carry method, path and status, and a proxy's log the query too.
 */
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { ErrorSchema } from '@shared/sync/protocol'
import { OwnerAnswerSchema, OwnerCorrectionSchema, OwnerErasureSchema, OwnerFindSchema, OwnerIdentitySchema, OwnerPrintSchema, OwnerRequestSchema } from '@shared/sync/owner-api'
import type { ServerDb } from '../db/connection'
import type { TypeBoxTypeProvider } from '../http/type-provider'
import { dossierSummary, findOwnerRecords, trailSubject } from '../admin/owner-dossier'
import { buildOwnerWorkbook, staffAndDepartments } from '../admin/owner-dossier-xlsx'
import { recordOwnerExport } from '../admin/export-trail'
import { answerAccessRequest, ownerRequests } from '../admin/owner-requests'
import { correctOwnerArchive } from '../admin/owner-correction'
import { eraseOwner } from '../admin/owner-erasure'
import { XLSX_TYPE, xlsxFileSchema } from '../admin/xlsx'
import { localDate } from '@shared/domain/time'

const IdParams = Type.Object({ id: Type.String({ maxLength: 36 }) })
const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema }
const Workbook = xlsxFileSchema('The owner’s records as an XLSX workbook, as an attachment')

export async function ownerRequestRoutes(fastify: FastifyInstance, opts: { db: ServerDb; now: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const db = opts.db
  const auth = { onRequest: [app.requireAdmin] }

  app.post(
    '/api/admin/sites/:id/owner-dossier/find',
    { ...auth, schema: { tags: ['admin'], summary: 'What a site holds about one owner, counted and masked (to tell it is the right person)', params: IdParams, body: OwnerIdentitySchema, response: { 200: OwnerFindSchema, ...errors } } },
    async (req) => dossierSummary((await findOwnerRecords(db, req.params.id, req.body)).dossier),
  )

  app.post(
    '/api/admin/sites/:id/owner-dossier/print',
    { ...auth, schema: { tags: ['admin'], summary: 'Everything a site holds about one owner, for the console’s print view (recorded in the access trail as a PDF export)', params: IdParams, body: OwnerIdentitySchema, response: { 200: OwnerPrintSchema, ...errors } } },
    async (req) => {
      const now = opts.now()
      const { site, dossier } = await findOwnerRecords(db, req.params.id, req.body)
      const { staff, departments } = await staffAndDepartments(db, site.id)
      await recordOwnerExport(db, { siteId: site.id, adminUsername: req.admin!.username, at: now, format: 'pdf', subject: trailSubject(dossier, req.body) })
      return { site: { name: site.name, timezone: site.timezone }, at: now, dossier, staff: Object.fromEntries(staff), departments: Object.fromEntries(departments) }
    },
  )

  app.post(
    '/api/admin/sites/:id/owner-dossier/xlsx',
    { ...auth, schema: { tags: ['admin'], summary: 'Everything a site holds about one owner as an XLSX workbook, a sheet per kind (recorded in the access trail)', params: IdParams, body: OwnerIdentitySchema, response: { 200: Workbook, ...errors } } },
    async (req, reply) => {
      const now = opts.now()
      const file = await buildOwnerWorkbook(db, { siteId: req.params.id, identity: req.body, by: req.admin!, now })
      const name = `业主个人信息-${localDate(now, file.timezone)}.xlsx`
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="owner-records.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(file.bytes)
    },
  )

  app.get(
    '/api/admin/sites/:id/owner-requests',
    { ...auth, schema: { tags: ['admin'], summary: 'A site’s owners’ requests with their answers, the latest first (the requester reduced: surname, masked phone)', params: IdParams, response: { 200: Type.Array(OwnerRequestSchema), 401: ErrorSchema, 404: ErrorSchema } } },
    async (req) => ownerRequests(db, req.params.id),
  )

  app.post(
    '/api/admin/sites/:id/owner-requests',
    { ...auth, schema: { tags: ['admin'], summary: 'Record an owner’s access request and its answer', params: IdParams, body: OwnerAnswerSchema, response: { 200: OwnerRequestSchema, ...errors } } },
    async (req) => answerAccessRequest(db, req.params.id, req.body, req.admin!, opts.now()),
  )

  app.post(
    '/api/admin/sites/:id/owner-dossier/correct',
    { ...auth, schema: { tags: ['admin'], summary: 'Correct the owner’s archive entry (name, phones) as the server’s own change, and record the request', params: IdParams, body: OwnerCorrectionSchema, response: { 200: OwnerRequestSchema, ...errors } } },
    async (req) => correctOwnerArchive(db, req.params.id, req.body, req.admin!, opts.now()),
  )

  app.post(
    '/api/admin/sites/:id/owner-dossier/erase',
    {
      ...auth,
      schema: {
        tags: ['admin'],
        summary: 'Erase the owner’s personal information where the law allows: archive entries deleted, closed requests’ contacts reduced (open ones kept until closed); the request recorded',
        params: IdParams,
        body: OwnerErasureSchema,
        response: { 200: OwnerRequestSchema, ...errors },
      },
    },
    async (req) => eraseOwner(db, req.params.id, req.body, req.admin!, opts.now()),
  )
}
