/**
 * The company administrator's console API: first-run server setup, login, sites, one-time codes,
 * devices (revoke), and the review lists of rejected and quarantined mutations.
 */
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import { ErrorSchema } from '@shared/sync/protocol'
import { SiteSchema } from '@shared/domain/site'
import { AccessTrailItemSchema, DeadLetterSchema, DepartmentSummarySchema, DeviceSummarySchema, IssuedCodeSchema, QuarantineItemSchema, SiteSummarySchema } from '@shared/sync/admin-api'
import { DEFAULT_TIMEZONE } from '@shared/domain/time'
import type { ServerDb } from '../db/connection'
import type { TypeBoxTypeProvider } from '../http/type-provider'
import { checkPassword, countAdmins, createSession, endSession } from '../repositories/admins'
import { listDeadLetters } from '../repositories/dead-letters'
import { createSite } from '../sync/enrolment'
import { deviceSummaries, issueAdminCode, revokeDeviceById, setUpServer, siteAccessTrail, siteDepartments, siteSummaries, USERNAME_RULE } from '../admin/operations'
import { spendSetupToken } from '../admin/setup-token'
import { applyQuarantinedRecord, discardQuarantinedRecord, quarantineItems } from '../admin/quarantine'
import { httpError } from '../http/http-error'
import { CODE_RATE_LIMIT } from '../plugins/security'

const Credentials = Type.Object(
  { username: Type.String({ ...USERNAME_RULE }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
)
// Lengths only: an empty or short field is refused by checkNewSite / checkUsername in words a person reads.
const NewSite = Type.Object(
  {
    name: Type.String({ maxLength: 60 }),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    adminName: Type.String({ maxLength: 20 }),
    adminPin: Type.String({ maxLength: 8 }),
  },
  { additionalProperties: false },
)
const Setup = Type.Object(
  {
    username: Type.String({ maxLength: USERNAME_RULE.maxLength }),
    password: Type.String({ maxLength: 200 }),
    /** The one-time token the server printed at its first start (admin/setup-token.ts). */
    setupToken: Type.Optional(Type.String({ maxLength: 64 })),
    site: Type.Optional(NewSite),
  },
  { additionalProperties: false },
)
const Session = Type.Object({ token: Type.String(), expiresAt: Type.Integer() })
const CodeRequest = Type.Object(
  {
    purpose: Type.Union([Type.Literal('enrol'), Type.Literal('connect')]),
    siteId: Type.Optional(Type.String({ maxLength: 36 })),
    /** A department's tablet never receives the desk's confidential duty log (篇2 4.2.4). */
    deviceKind: Type.Optional(Type.Union([Type.Literal('desk'), Type.Literal('department')])),
    /** For a department's tablet: which of the site's active departments it belongs to. */
    departmentId: Type.Optional(Type.String({ maxLength: 36 })),
  },
  { additionalProperties: false },
)
const SiteQuery = Type.Object({ siteId: Type.Optional(Type.String({ maxLength: 36 })) }, { additionalProperties: false })
const IdParams = Type.Object({ id: Type.String({ maxLength: 36 }) })
const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema }

export async function adminRoutes(fastify: FastifyInstance, opts: { db: ServerDb; now: () => number; dataDir: string | null }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const db = opts.db
  const auth = { onRequest: [app.requireAdmin] }

  app.get('/api/admin/status', { schema: { tags: ['admin'], summary: 'Has the server been set up?', response: { 200: Type.Object({ setUp: Type.Boolean() }) } } }, async () => ({
    setUp: (await countAdmins(db.kysely)) > 0,
  }))

  app.post(
    '/api/admin/setup',
    {
      config: { rateLimit: CODE_RATE_LIMIT },
      schema: { tags: ['admin'], summary: 'First-run server setup with the setup token the server printed: the first administrator (and optionally a site)', body: Setup, response: { 200: Session, ...errors } },
    },
    async (req) => {
      const now = opts.now()
      const { username, password, site, setupToken } = req.body
      const input = { username, password, site: site && { ...site, timezone: site.timezone ?? DEFAULT_TIMEZONE } }
      const { adminId } = await setUpServer(db, input, now, { guard: () => spendSetupToken(db, setupToken), dataDir: opts.dataDir })
      return createSession(db.kysely, adminId, now)
    },
  )

  app.post(
    '/api/admin/login',
    { config: { rateLimit: CODE_RATE_LIMIT }, schema: { tags: ['admin'], summary: 'Administrator login', body: Credentials, response: { 200: Session, ...errors } } },
    async (req) => {
      const adminId = await checkPassword(db.kysely, req.body.username, req.body.password)
      if (!adminId) throw httpError(401, 'Unauthorized', '用户名或密码不正确 (wrong username or password)')
      return createSession(db.kysely, adminId, opts.now())
    },
  )

  app.post('/api/admin/logout', { ...auth, schema: { tags: ['admin'], response: { 200: Type.Object({ ok: Type.Boolean() }) } } }, async (req) => {
    await endSession(db.kysely, req.headers.authorization!.slice(7).trim())
    return { ok: true }
  })

  app.get('/api/admin/sites', { ...auth, schema: { tags: ['admin'], summary: 'Sites with their devices', response: { 200: Type.Array(SiteSummarySchema), 401: ErrorSchema } } }, async () => siteSummaries(db))

  app.post('/api/admin/sites', { ...auth, schema: { tags: ['admin'], summary: 'Create a site and its first administrator', body: NewSite, response: { 200: SiteSchema, ...errors } } }, async (req) => {
    const { site } = await createSite(db, { ...req.body, timezone: req.body.timezone ?? DEFAULT_TIMEZONE }, opts.now())
    return site
  })

  app.post(
    '/api/admin/codes',
    { ...auth, schema: { tags: ['admin'], summary: 'Issue a one-time code: enrol (a tablet to a site) or connect (a standalone tablet with its site)', body: CodeRequest, response: { 200: IssuedCodeSchema, ...errors } } },
    async (req) => {
      const { deviceKind = 'desk', departmentId } = req.body
      return issueAdminCode(db, req.body.purpose, req.body.siteId, opts.now(), { kind: deviceKind, ...(departmentId ? { departmentId } : {}) })
    },
  )

  app.get(
    '/api/admin/sites/:id/departments',
    { ...auth, schema: { tags: ['admin'], summary: 'A site’s departments, for a department tablet’s code', params: IdParams, response: { 200: Type.Array(DepartmentSummarySchema), 401: ErrorSchema, 404: ErrorSchema } } },
    async (req) => siteDepartments(db, req.params.id),
  )

  app.get(
    '/api/admin/sites/:id/access-trail',
    { ...auth, schema: { tags: ['admin'], summary: 'A site’s access trail of owners’ personal information, newest first (read-only)', params: IdParams, response: { 200: Type.Array(AccessTrailItemSchema), 401: ErrorSchema, 404: ErrorSchema } } },
    async (req) => siteAccessTrail(db, req.params.id),
  )

  app.get('/api/admin/devices', { ...auth, schema: { tags: ['admin'], summary: 'Devices, of one site or all', querystring: SiteQuery, response: { 200: Type.Array(DeviceSummarySchema), 401: ErrorSchema } } }, async (req) => deviceSummaries(db, req.query.siteId))

  app.post('/api/admin/devices/:id/revoke', { ...auth, schema: { tags: ['admin'], summary: 'Revoke a tablet (false: it was revoked already)', params: IdParams, response: { 200: Type.Object({ revoked: Type.Boolean() }), ...errors } } }, async (req) => ({
    revoked: await revokeDeviceById(db, req.params.id, opts.now()),
  }))

  app.get(
    '/api/admin/dead-letters',
    { ...auth, schema: { tags: ['admin'], summary: 'Mutations the server refused, with the reason', querystring: SiteQuery, response: { 200: Type.Array(DeadLetterSchema), 401: ErrorSchema } } },
    async (req) => listDeadLetters(db.kysely, req.query.siteId),
  )

  // What revoked tablets uploaded, for review (issue 10 point 13): summaries only — no owner's phone.
  app.get(
    '/api/admin/quarantine',
    { ...auth, schema: { tags: ['admin'], summary: 'Records uploaded by revoked tablets: which tablet, who, what, and the decision', querystring: SiteQuery, response: { 200: Type.Array(QuarantineItemSchema), 401: ErrorSchema } } },
    async (req) => quarantineItems(db, req.query.siteId),
  )
  const decision = { 200: QuarantineItemSchema, ...errors }
  app.post(
    '/api/admin/quarantine/:id/apply',
    { ...auth, schema: { tags: ['admin'], summary: 'Apply a quarantined record through the rules of a push (409 with the reason when they refuse it)', params: IdParams, response: decision } },
    async (req) => applyQuarantinedRecord(db, req.params.id, req.admin!.id, opts.now()),
  )
  app.post(
    '/api/admin/quarantine/:id/discard',
    { ...auth, schema: { tags: ['admin'], summary: 'Discard a quarantined record after review', params: IdParams, response: decision } },
    async (req) => discardQuarantinedRecord(db, req.params.id, req.admin!.id, opts.now()),
  )
}
