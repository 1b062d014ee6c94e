/**
 * A site's data to take away (issue 12 point 7): its export as a JSON archive or an XLSX workbook —
 * owners' phones only when the administrator asks (`phones=true`), every export recorded — the list of
 * its recent exports, and importing an archive onto a server that does not have the site yet.
 * Administrators only; the file is never logged (request logs carry method, path and status).
 */
import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { ErrorSchema } from '@shared/sync/protocol'
import { SiteExportSchema, SiteImportResultSchema } from '@shared/sync/admin-api'
import type { ServerDb } from '../db/connection'
import type { TypeBoxTypeProvider } from '../http/type-provider'
import { buildSiteArchive } from '../admin/site-export'
import { buildSiteWorkbook, XLSX_TYPE } from '../admin/site-export-xlsx'
import { exportFileName, siteExports } from '../admin/site-export-list'
import { importSiteArchive } from '../admin/site-import'

const IdParams = Type.Object({ id: Type.String({ maxLength: 36 }) })
const ExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('json'), Type.Literal('xlsx')]),
    /** Owners' phones in full; masked (138****5678) otherwise. */
    phones: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
/** The file, streamed as it was built: its schema says a file, its type the stream the handler sends. */
const ExportFile = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'The file (a JSON archive or an XLSX workbook), as an attachment' })
const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 413: ErrorSchema }
/** The archive as sent; site-import.ts checks all of it, answering each problem in words (format, version, counts, checksums). */
const ArchiveBody = Type.Object({ manifest: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: true, description: 'A site archive (deskbook-site-archive) as exported' })
/** An archive of a large site (100k records, photos and signatures) is far above the API's usual 5 MB. */
const IMPORT_BODY_LIMIT = 512 * 1024 * 1024

export async function siteArchiveRoutes(fastify: FastifyInstance, opts: { db: ServerDb; now: () => number; version: string }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const db = opts.db
  const auth = { onRequest: [app.requireAdmin] }

  app.get(
    '/api/admin/sites/:id/export',
    {
      ...auth,
      schema: {
        tags: ['admin'],
        summary: 'Export a site: a JSON archive of every table (to import elsewhere) or an XLSX workbook with a sheet per form (for audits)',
        params: IdParams,
        querystring: ExportQuery,
        response: { 200: ExportFile, ...errors },
      },
    },
    async (req, reply) => {
      const request = { siteId: req.params.id, withPhones: req.query.phones === true, by: req.admin!, now: opts.now(), serverVersion: opts.version }
      const file = req.query.format === 'json' ? await buildSiteArchive(db, request) : await buildSiteWorkbook(db, request)
      const name = exportFileName(file.siteName, request.now, file.timezone, req.query.format)
      return reply
        .header('content-type', req.query.format === 'json' ? 'application/json; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', `attachment; filename="deskbook-export.${req.query.format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .header('content-length', file.bytes)
        .send(Readable.from(file.chunks))
    },
  )

  app.get(
    '/api/admin/sites/:id/exports',
    { ...auth, schema: { tags: ['admin'], summary: 'The recent exports of a site: who, when, which format, phones or not', params: IdParams, response: { 200: Type.Array(SiteExportSchema), 401: ErrorSchema, 404: ErrorSchema } } },
    async (req) => siteExports(db, req.params.id),
  )

  app.post(
    '/api/admin/sites/import',
    {
      ...auth,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags: ['admin'], summary: 'Recreate a site from its JSON archive (refused when the site is on this server already)', body: ArchiveBody, response: { 200: SiteImportResultSchema, ...errors } },
    },
    async (req) => importSiteArchive(db, req.body, opts.now()),
  )
}
