/**
 * The company's statistics in the console (issue 16 point 4): every site's figures for a period and the
 * period before, side by side with the company's sums, and the same as a workbook. Company administrators
 * only; the period in the address is site-local dates (`kind=month&from=2026-11`, `from=…&to=…`), refused in
 * words when it names none. No owner's name or phone is in either answer, nor in the log (no query strings).
 */
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { ErrorSchema } from '@shared/sync/protocol'
import { CompanyStatisticsSchema } from '@shared/sync/statistics-api'
import { PERIOD_KINDS } from '@shared/domain/statistics'
import type { ServerDb } from '../db/connection'
import type { TypeBoxTypeProvider } from '../http/type-provider'
import { companyStatistics } from '../admin/statistics'
import { askedPeriod } from '../admin/statistics-period'
import { buildStatisticsWorkbook, statisticsFileName } from '../admin/statistics-xlsx'
import { XLSX_TYPE, xlsxFileSchema } from '../admin/xlsx'

// Lengths only: what the dates mean is checked by askedPeriod, in words.
const PeriodQuery = Type.Object(
  {
    kind: Type.Optional(Type.Union(PERIOD_KINDS.map((k) => Type.Literal(k)))),
    /** `YYYY-MM-DD`; for a month `YYYY-MM`. */
    from: Type.Optional(Type.String({ maxLength: 10 })),
    /** `YYYY-MM-DD`, included; for a custom period only. */
    to: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
)
const Workbook = xlsxFileSchema('The sites side by side as an XLSX workbook, as an attachment')
const errors = { 400: ErrorSchema, 401: ErrorSchema }

export async function statisticsRoutes(fastify: FastifyInstance, opts: { db: ServerDb; now: () => number }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db } = opts
  const auth = { onRequest: [app.requireAdmin] }

  app.get(
    '/api/admin/statistics',
    {
      ...auth,
      schema: {
        tags: ['admin'],
        summary: 'Every site’s statistics for a period and the period before (the shared rules of the tablet’s 统计), and the company’s sums',
        querystring: PeriodQuery,
        response: { 200: CompanyStatisticsSchema, ...errors },
      },
    },
    async (req) => companyStatistics(db, askedPeriod(req.query.kind, req.query.from, req.query.to), opts.now()),
  )

  app.get(
    '/api/admin/statistics/xlsx',
    { ...auth, schema: { tags: ['admin'], summary: 'The sites side by side as an XLSX workbook: a sheet for the period and one for the period before', querystring: PeriodQuery, response: { 200: Workbook, ...errors } } },
    async (req, reply) => {
      const stats = await companyStatistics(db, askedPeriod(req.query.kind, req.query.from, req.query.to), opts.now())
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="company-statistics.xlsx"; filename*=UTF-8''${encodeURIComponent(statisticsFileName(stats.period))}`)
        .header('cache-control', 'no-store')
        .send(await buildStatisticsWorkbook(stats))
    },
  )
}
