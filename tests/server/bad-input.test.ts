/**
 * Every endpoint answers bad input — no or wrong credentials, malformed JSON, a wrong content type,
 * a body of the wrong type, missing or extra fields, text too long, numbers out of range, a body
 * over the 5 MB limit, too many mutations — with a 4xx and a readable `{ error, message }`,
 * never a 500, and keeps serving afterwards (docs/sync-protocol.md "Errors").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InjectOptions } from 'fastify'
import { newId } from '@shared/domain/ids'
import { MAX_PUSH, PROTOCOL_HEADER } from '@shared/sync/protocol'
import { issueCode } from '@server/repositories/codes'
import { BACKENDS } from '../support/server-db'
import { departmentPut, enrol, protocolHeaders, pullAll, pushOk, setUpConsole, siteWithAdmin, testServer, type TestDevice, type TestServer } from '../support/server-fixtures'

interface Ctx {
  s: TestServer
  siteId: string
  adminStaffId: string
  tablet: TestDevice
  revoked: TestDevice
  adminToken: string
}

type Auth = 'device' | 'admin' | 'none'
type Method = 'GET' | 'POST'
type Request = Pick<InjectOptions, 'method' | 'url' | 'headers' | 'payload' | 'query'>

interface Route {
  method: Method
  /** The path as registered, for the test name. */
  path: string
  url: (c: Ctx) => string
  auth: Auth
  /** Sends `X-Deskbook-Protocol` (sync and device routes require it). */
  protocol: boolean
  /** A valid body, when the route takes one (validated against a schema). */
  body?: (c: Ctx) => Record<string, unknown>
  /** Takes no body schema, but must still refuse unreadable bodies (logout, revoke). */
  parsesBody?: boolean
}

interface Case {
  route: string
  name: string
  request: (c: Ctx) => Request | Promise<Request>
  /** Expected status; any 4xx when omitted. */
  status?: number
  /** Expected `error` code. */
  error?: string
}

const BODY_LIMIT = 5 * 1024 * 1024
const UNKNOWN_ID = '01890a5d-ac96-774b-bcce-b302099a8057'
const long = (n: number, ch = '字'): string => ch.repeat(n)

const ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/api/sync/push',
    url: () => '/api/sync/push',
    auth: 'device',
    protocol: true,
    body: (c) => ({ mutations: [departmentPut(c.tablet, c.adminStaffId, { id: newId(), name: '物业工程部' })] }),
  },
  { method: 'GET', path: '/api/sync/pull', url: () => '/api/sync/pull?cursor=0&limit=10', auth: 'device', protocol: true },
  { method: 'GET', path: '/api/sync/counts', url: () => '/api/sync/counts', auth: 'device', protocol: true },
  { method: 'POST', path: '/api/devices/enrol', url: () => '/api/devices/enrol', auth: 'none', protocol: true, body: () => ({ code: 'ABCDE-FGHJK', name: '前台平板' }) },
  {
    method: 'POST',
    path: '/api/devices/connect',
    url: () => '/api/devices/connect',
    auth: 'none',
    protocol: true,
    body: (c) => ({ code: 'ABCDE-FGHJK', site: { id: newId(), name: '海棠苑', timezone: 'Asia/Shanghai' }, device: { id: newId(), name: '前台平板' }, setupAt: c.s.clock.now }),
  },
  { method: 'GET', path: '/api/admin/status', url: () => '/api/admin/status', auth: 'none', protocol: false },
  { method: 'POST', path: '/api/admin/setup', url: () => '/api/admin/setup', auth: 'none', protocol: false, body: () => ({ username: 'second', password: 'long-enough-pw' }) },
  { method: 'POST', path: '/api/admin/login', url: () => '/api/admin/login', auth: 'none', protocol: false, body: () => ({ username: 'admin', password: 'not-the-password' }) },
  { method: 'POST', path: '/api/admin/logout', url: () => '/api/admin/logout', auth: 'admin', protocol: false, parsesBody: true },
  { method: 'GET', path: '/api/admin/sites', url: () => '/api/admin/sites', auth: 'admin', protocol: false },
  { method: 'POST', path: '/api/admin/sites', url: () => '/api/admin/sites', auth: 'admin', protocol: false, body: () => ({ name: '新项目', adminName: '李管理', adminPin: '2580' }) },
  { method: 'POST', path: '/api/admin/codes', url: () => '/api/admin/codes', auth: 'admin', protocol: false, body: (c) => ({ purpose: 'enrol', siteId: c.siteId }) },
  { method: 'GET', path: '/api/admin/devices', url: () => '/api/admin/devices', auth: 'admin', protocol: false },
  // An unknown device: a request that got through by mistake answers 404 and revokes nothing.
  { method: 'POST', path: '/api/admin/devices/:id/revoke', url: () => `/api/admin/devices/${UNKNOWN_ID}/revoke`, auth: 'admin', protocol: false, parsesBody: true },
  { method: 'GET', path: '/api/admin/dead-letters', url: () => '/api/admin/dead-letters', auth: 'admin', protocol: false },
  { method: 'GET', path: '/api/admin/quarantine', url: () => '/api/admin/quarantine', auth: 'admin', protocol: false },
  // Issue 10: a site's departments (for a department tablet's code); deciding about a quarantined record.
  { method: 'GET', path: '/api/admin/sites/:id/departments', url: () => `/api/admin/sites/${UNKNOWN_ID}/departments`, auth: 'admin', protocol: false },
  { method: 'GET', path: '/api/admin/sites/:id/access-trail', url: () => `/api/admin/sites/${UNKNOWN_ID}/access-trail`, auth: 'admin', protocol: false },
  { method: 'POST', path: '/api/admin/quarantine/:id/apply', url: () => `/api/admin/quarantine/${UNKNOWN_ID}/apply`, auth: 'admin', protocol: false, parsesBody: true },
  { method: 'POST', path: '/api/admin/quarantine/:id/discard', url: () => `/api/admin/quarantine/${UNKNOWN_ID}/discard`, auth: 'admin', protocol: false, parsesBody: true },
  // Issue 12: a site's export and its list (the import's own bad input: tests/server/site-export.test.ts).
  { method: 'GET', path: '/api/admin/sites/:id/export', url: (c) => `/api/admin/sites/${c.siteId}/export?format=json`, auth: 'admin', protocol: false },
  { method: 'GET', path: '/api/admin/sites/:id/exports', url: () => `/api/admin/sites/${UNKNOWN_ID}/exports`, auth: 'admin', protocol: false },
]

function headersFor(route: Route, c: Ctx, auth: 'valid' | 'none' | string = 'valid'): Record<string, string> {
  const h: Record<string, string> = route.protocol ? { [PROTOCOL_HEADER]: '1' } : {}
  if (auth === 'none') return h
  if (auth !== 'valid') return { ...h, authorization: auth }
  if (route.auth === 'device') h.authorization = `Bearer ${c.tablet.token}`
  if (route.auth === 'admin') h.authorization = `Bearer ${c.adminToken}`
  return h
}

const json = (route: Route, c: Ctx, payload: string, contentType = 'application/json'): Request => ({
  method: route.method,
  url: route.url(c),
  headers: { ...headersFor(route, c), 'content-type': contentType },
  payload,
})

function genericCases(route: Route): Case[] {
  const r = route.path
  const cases: Case[] = []
  const add = (name: string, request: Case['request'], status?: number, error?: string): void => {
    cases.push({ route: `${route.method} ${r}`, name, request, status, error })
  }
  // No route takes PUT or DELETE (GET and POST are both taken at /api/admin/sites).
  add('PUT', (c) => ({ method: 'PUT', url: route.url(c), headers: headersFor(route, c), payload: route.body?.(c) ?? {} }), 404, 'NotFound')
  add('DELETE', (c) => ({ method: 'DELETE', url: route.url(c), headers: headersFor(route, c) }), 404, 'NotFound')

  if (route.protocol) {
    add('no protocol header', (c) => ({ ...base(route, c), headers: withoutProtocol(headersFor(route, c)) }), 400)
    add('protocol header 0', (c) => ({ ...base(route, c), headers: { ...headersFor(route, c), [PROTOCOL_HEADER]: '0' } }), 400)
    add('protocol header not a number', (c) => ({ ...base(route, c), headers: { ...headersFor(route, c), [PROTOCOL_HEADER]: 'one; drop table sites' } }), 400)
  }

  if (route.auth !== 'none') {
    const prefix = route.auth === 'device' ? 'dev' : 'adm'
    add('no credentials', (c) => ({ ...base(route, c), headers: headersFor(route, c, 'none') }), 401, 'Unauthorized')
    add('an unknown token', (c) => ({ ...base(route, c), headers: headersFor(route, c, `Bearer ${prefix}_${'A'.repeat(43)}`) }), 401, 'Unauthorized')
    add('a token without Bearer', (c) => ({ ...base(route, c), headers: headersFor(route, c, route.auth === 'device' ? c.tablet.token : c.adminToken) }), 401, 'Unauthorized')
    add('Basic credentials', (c) => ({ ...base(route, c), headers: headersFor(route, c, `Basic ${Buffer.from('admin:correct-horse-1').toString('base64')}`) }), 401, 'Unauthorized')
    add('an empty Bearer', (c) => ({ ...base(route, c), headers: headersFor(route, c, 'Bearer ') }), 401, 'Unauthorized')
    add('a token far too long', (c) => ({ ...base(route, c), headers: headersFor(route, c, `Bearer ${prefix}_${'A'.repeat(5000)}`) }), 401, 'Unauthorized')
    add(
      route.auth === 'device' ? "an administrator's token" : "a tablet's token",
      (c) => ({ ...base(route, c), headers: headersFor(route, c, `Bearer ${route.auth === 'device' ? c.adminToken : c.tablet.token}`) }),
      401,
      'Unauthorized',
    )
  }

  if (route.body || route.parsesBody) {
    add('malformed JSON', (c) => json(route, c, '{"mutations": [{"id": '), 400)
    add('JSON with a trailing comma', (c) => json(route, c, '{"a": 1,}'), 400)
    add('an empty body declared as JSON', (c) => json(route, c, ''), 400)
    add('binary data', (c) => json(route, c, '\u0000\u0001\u0002', 'application/octet-stream'), 415)
    add('multipart form data', (c) => json(route, c, '--x\r\n\r\n--x--', 'multipart/form-data; boundary=x'), 415)
    add('a form post', (c) => json(route, c, 'code=ABCDE&name=x', 'application/x-www-form-urlencoded'), 415)
    add('XML', (c) => json(route, c, '<mutations/>', 'application/xml'), 415)
    add('__proto__ in the body', (c) => json(route, c, `{"__proto__": {"admin": true}, ${JSON.stringify(route.body?.(c) ?? { a: 1 }).slice(1)}`), 400)
    add('constructor.prototype in the body', (c) => json(route, c, `{"constructor": {"prototype": {"admin": true}}, "a": 1}`), 400)
    add(`a body over the ${BODY_LIMIT / 1024 / 1024} MB limit`, (c) => json(route, c, JSON.stringify({ ...(route.body?.(c) ?? {}), pad: 'x'.repeat(BODY_LIMIT + 10) })), 413)
  }

  if (route.body) {
    const valid = route.body
    for (const [what, payload] of [
      ['an array', '[]'],
      ['an array of the valid body', null],
      ['a string', '"mutations"'],
      ['a number', '42'],
      ['null', 'null'],
      ['true', 'true'],
      ['an empty object', '{}'],
    ] as const) {
      add(`a body that is ${what}`, (c) => json(route, c, payload ?? JSON.stringify([valid(c)])), 400)
    }
    // Fastify reads text/plain as a string, which no body schema accepts.
    add('its JSON sent as text/plain', (c) => json(route, c, JSON.stringify(valid(c)), 'text/plain'), 400)
    add('an extra field', (c) => json(route, c, JSON.stringify({ ...valid(c), isAdmin: true })), 400)
    add('nesting deeper than any record', (c) => json(route, c, JSON.stringify({ ...valid(c), deep: 0 }).replace('"deep":0', `"deep":${'['.repeat(20_000)}${']'.repeat(20_000)}`)), 400)
    add('a NUL character in a field name', (c) => json(route, c, JSON.stringify({ ...valid(c), 'x\u0000': 1 })), 400)
    // Every required field missing in turn.
    for (const field of requiredFields(route)) {
      add(`no ${field}`, (c) => {
        const body = valid(c)
        delete body[field]
        return json(route, c, JSON.stringify(body))
      }, 400)
    }
  }
  return cases
}

function requiredFields(route: Route): string[] {
  switch (route.path) {
    case '/api/sync/push':
      return ['mutations']
    case '/api/devices/enrol':
      return ['code', 'name']
    case '/api/devices/connect':
      return ['code', 'site', 'device', 'setupAt']
    case '/api/admin/setup':
    case '/api/admin/login':
      return ['username', 'password']
    case '/api/admin/sites':
      return ['name', 'adminName', 'adminPin']
    case '/api/admin/codes':
      return ['purpose']
    default:
      return []
  }
}

function base(route: Route, c: Ctx): Request {
  const body = route.body?.(c)
  return { method: route.method, url: route.url(c), ...(body ? { payload: body } : {}) }
}

function withoutProtocol(h: Record<string, string>): Record<string, string> {
  const { [PROTOCOL_HEADER]: _p, ...rest } = h
  return rest
}

const route = (path: string, method: Method = 'POST'): Route => ROUTES.find((r) => r.path === path && r.method === method)!

/** A body built from the route's valid one, changed by `edit`. */
function edited(path: string, name: string, edit: (body: Record<string, unknown>, c: Ctx) => void, status?: number, error?: string): Case {
  const r = route(path)
  return {
    route: `POST ${path}`,
    name,
    request: (c) => {
      const body = r.body!(c)
      edit(body, c)
      return json(r, c, JSON.stringify(body))
    },
    status,
    error,
  }
}

/** A push whose single mutation is the valid one changed by `edit`. */
function badMutation(name: string, edit: (m: Record<string, unknown>) => void, status = 400): Case {
  return edited('/api/sync/push', name, (body) => edit((body.mutations as Record<string, unknown>[])[0]!), status)
}

/** A push of one valid mutation whose JSON text is changed by `edit`. */
function rawPush(name: string, edit: (text: string) => string, status = 400): Case {
  const r = route('/api/sync/push')
  return {
    route: 'POST /api/sync/push',
    name,
    request: (c) => {
      const text = JSON.stringify(r.body!(c))
      const changed = edit(text)
      if (changed === text) throw new Error(`${name}: the edit changed nothing`)
      return json(r, c, changed)
    },
    status,
  }
}

function get(path: string, name: string, url: (c: Ctx) => string, status?: number, auth: 'valid' | ((c: Ctx) => string) = 'valid'): Case {
  const r = route(path, 'GET')
  return { route: `GET ${path}`, name, request: (c) => ({ method: 'GET', url: url(c), headers: headersFor(r, c, auth === 'valid' ? 'valid' : auth(c)) }), status }
}

const pull = (name: string, query: string, status = 400): Case => get('/api/sync/pull', name, () => `/api/sync/pull?${query}`, status)

const SPECIFIC: Case[] = [
  // Push: the envelope and each mutation's fields.
  edited('/api/sync/push', 'no mutations', (b) => (b.mutations = [])),
  edited('/api/sync/push', `${MAX_PUSH + 1} mutations`, (b, c) => (b.mutations = Array.from({ length: MAX_PUSH + 1 }, (_, i) => departmentPut(c.tablet, c.adminStaffId, { id: newId(), name: `部门${i}` }))), 400),
  edited('/api/sync/push', 'mutations as an object', (b) => (b.mutations = { 0: b.mutations })),
  edited('/api/sync/push', 'mutations as a string', (b) => (b.mutations = 'all of them')),
  edited('/api/sync/push', 'a mutation that is null', (b) => (b.mutations = [null])),
  edited('/api/sync/push', 'a mutation that is a number', (b) => (b.mutations = [7])),
  edited('/api/sync/push', 'a mutation that is an array', (b) => (b.mutations = [[]])),
  ...['id', 'name', 'version', 'table', 'recordId', 'fields', 'hlc', 'staffId', 'deviceId', 'siteId', 'createdAt'].map((f) => badMutation(`a mutation without ${f}`, (m) => delete m[f])),
  badMutation('a mutation id that is not a UUIDv7', (m) => (m.id = 'not-a-uuid')),
  badMutation('a mutation id that is a UUIDv4', (m) => (m.id = '3b241101-e2bb-4255-8caf-4136c566a962')),
  badMutation('a name that is not a mutation name', (m) => (m.name = "department'; drop table records; --")),
  badMutation('a name too long', (m) => (m.name = `department.${'p'.repeat(60)}`)),
  badMutation('version 0', (m) => (m.version = 0)),
  badMutation('version -1', (m) => (m.version = -1)),
  badMutation('version 1001', (m) => (m.version = 1001)),
  badMutation('version 1.5', (m) => (m.version = 1.5)),
  badMutation('version 1e308', (m) => (m.version = 1e308)),
  badMutation('version as a word', (m) => (m.version = 'one')),
  badMutation('version as an object', (m) => (m.version = { v: 1 })),
  badMutation('an empty table', (m) => (m.table = '')),
  badMutation('a table too long', (m) => (m.table = 't'.repeat(41))),
  badMutation('an empty recordId', (m) => (m.recordId = '')),
  badMutation('a recordId too long', (m) => (m.recordId = 'r'.repeat(81))),
  badMutation('a recordId with a NUL character', (m) => (m.recordId = `${String(m.recordId)}\u0000`)),
  badMutation('fields as an array', (m) => (m.fields = [1, 2])),
  badMutation('fields as a string', (m) => (m.fields = 'name=工程部')),
  badMutation('fields null', (m) => (m.fields = null)),
  badMutation('a field with a NUL character', (m) => (m.fields = { ...(m.fields as object), name: '工程\u0000部' })),
  rawPush('fields nested 20000 deep', (text) => text.replace('"fields":{', `"fields":{"deep":${'['.repeat(20_000)}${']'.repeat(20_000)},`)),
  rawPush('fields nested 20000 deep in objects', (text) => text.replace('"fields":{', `"fields":{"deep":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)},`)),
  rawPush('a field name with a NUL character', (text) => text.replace('"fields":{', '"fields":{"na\\u0000me":"x",')),
  rawPush('__proto__ in the fields', (text) => text.replace('"fields":{', '"fields":{"__proto__":{"role":"admin"},')),
  rawPush('constructor.prototype in the fields', (text) => text.replace('"fields":{', '"fields":{"constructor":{"prototype":{"role":"admin"}},')),
  badMutation('an hlc that is not a stamp', (m) => (m.hlc = '2026-11-27T02:00:00Z')),
  badMutation('an hlc with a node too long', (m) => (m.hlc = `${String(m.hlc).slice(0, 22)}${'n'.repeat(65)}`)),
  badMutation('a staffId that is not an id', (m) => (m.staffId = 'admin')),
  badMutation('a staffId as a number', (m) => (m.staffId = 1)),
  badMutation('a deviceId that is not an id', (m) => (m.deviceId = '../devices')),
  badMutation('a siteId as an array', (m) => (m.siteId = [m.siteId, m.siteId])),
  badMutation('a negative createdAt', (m) => (m.createdAt = -1)),
  badMutation('a fractional createdAt', (m) => (m.createdAt = 1.25)),
  badMutation('createdAt as a date string', (m) => (m.createdAt = '2026-11-27')),
  {
    route: 'POST /api/sync/push',
    name: 'a body that is only whitespace',
    request: (c) => json(route('/api/sync/push'), c, '   \n  '),
    status: 400,
  },

  // Pull: cursor and limit.
  pull('a negative cursor', 'cursor=-1'),
  pull('a fractional cursor', 'cursor=1.5'),
  pull('a cursor that is a word', 'cursor=abc'),
  pull('a cursor past any number a database holds', 'cursor=1e300'),
  pull('a cursor past 2^63', 'cursor=99999999999999999999'),
  pull('limit 0', 'limit=0'),
  pull('a negative limit', 'limit=-5'),
  pull('limit 100000', 'limit=100000'),
  pull('limit 1001', 'limit=1001'),
  pull('a limit that is a word', 'limit=all'),
  pull('two cursors', 'cursor=1&cursor=2'),
  pull('an extra parameter', 'cursor=0&since=0'),
  pull('__proto__ as a parameter', '__proto__=1'),
  pull('constructor as a parameter', 'constructor=1'),
  pull('a cursor with a NUL character', 'cursor=0%00'),
  get('/api/sync/pull', 'a revoked tablet', () => '/api/sync/pull', 403, (c) => `Bearer ${c.revoked.token}`),
  get('/api/sync/counts', 'a revoked tablet', () => '/api/sync/counts', 403, (c) => `Bearer ${c.revoked.token}`),

  // Enrolment and connecting.
  edited('/api/devices/enrol', 'an unknown code', () => {}, 400, 'BadCode'),
  edited('/api/devices/enrol', 'a code too short', (b) => (b.code = 'ABC')),
  edited('/api/devices/enrol', 'a code too long', (b) => (b.code = 'A'.repeat(33))),
  edited('/api/devices/enrol', 'a code as a number', (b) => (b.code = 12345678901)),
  edited('/api/devices/enrol', 'an empty name', (b) => (b.name = '')),
  edited('/api/devices/enrol', 'a name too long', (b) => (b.name = long(41))),
  edited('/api/devices/enrol', 'a name as an object', (b) => (b.name = { zh: '平板' })),
  {
    route: 'POST /api/devices/enrol',
    name: 'a valid code with a name of spaces only',
    request: async (c) => {
      const { code } = await issueCode(c.s.db.kysely, 'enrol', c.siteId, c.s.clock.now)
      return json(route('/api/devices/enrol'), c, JSON.stringify({ code, name: '   ' }))
    },
    status: 400,
  },
  {
    route: 'POST /api/devices/enrol',
    name: 'a valid code with a NUL character in the name',
    request: async (c) => {
      const { code } = await issueCode(c.s.db.kysely, 'enrol', c.siteId, c.s.clock.now)
      return json(route('/api/devices/enrol'), c, JSON.stringify({ code, name: '前台\u0000平板' }))
    },
    status: 400,
  },
  edited('/api/devices/connect', 'an unknown code', () => {}, 400, 'BadCode'),
  edited('/api/devices/connect', 'a site id that is not an id', (b) => (b.site = { ...(b.site as object), id: '1' })),
  edited('/api/devices/connect', 'a site name too long', (b) => (b.site = { ...(b.site as object), name: long(61) })),
  edited('/api/devices/connect', 'an unknown timezone', (b) => (b.site = { ...(b.site as object), timezone: 'Mars/Olympus_Mons' })),
  edited('/api/devices/connect', 'a timezone too long', (b) => (b.site = { ...(b.site as object), timezone: 'A'.repeat(65) })),
  edited('/api/devices/connect', 'a device id that is not an id', (b) => (b.device = { ...(b.device as object), id: 'ipad' })),
  edited('/api/devices/connect', 'a device name too long', (b) => (b.device = { ...(b.device as object), name: long(41) })),
  edited('/api/devices/connect', 'an extra device field', (b) => (b.device = { ...(b.device as object), founder: true })),
  edited('/api/devices/connect', 'a negative setupAt', (b) => (b.setupAt = -1)),
  edited('/api/devices/connect', 'a setupAt far in the future', (b) => (b.setupAt = 8.64e15)),
  edited('/api/devices/connect', 'setupAt as text', (b) => (b.setupAt = 'yesterday')),
  {
    route: 'POST /api/devices/connect',
    name: 'a valid code with a NUL character in the site name',
    request: async (c) => {
      const { code } = await issueCode(c.s.db.kysely, 'connect', null, c.s.clock.now)
      const body = route('/api/devices/connect').body!(c)
      return json(route('/api/devices/connect'), c, JSON.stringify({ ...body, code, site: { ...(body.site as object), name: '海棠\u0000苑' } }))
    },
    status: 400,
  },

  // The console.
  edited('/api/admin/setup', 'when already set up', () => {}, 409, 'AlreadySetUp'),
  edited('/api/admin/setup', 'a username too short', (b) => (b.username = 'ab')),
  edited('/api/admin/setup', 'a username too long', (b) => (b.username = 'a'.repeat(61))),
  edited('/api/admin/setup', 'a username with spaces', (b) => (b.username = 'ad min')),
  edited('/api/admin/setup', 'an empty password', (b) => (b.password = '')),
  edited('/api/admin/setup', 'a password too long', (b) => (b.password = 'p'.repeat(201))),
  edited('/api/admin/setup', 'a site with a PIN too short', (b) => (b.site = { name: '项目', adminName: '王', adminPin: '12' })),
  edited('/api/admin/setup', 'a site with an extra field', (b) => (b.site = { name: '项目', adminName: '王', adminPin: '2580', id: UNKNOWN_ID })),
  edited('/api/admin/login', 'a wrong password', () => {}, 401, 'Unauthorized'),
  edited('/api/admin/login', 'an unknown user', (b) => (b.username = 'nobody'), 401, 'Unauthorized'),
  edited('/api/admin/login', 'a username too long', (b) => (b.username = 'a'.repeat(61))),
  edited('/api/admin/login', 'a username with a quote', (b) => (b.username = "admin' or '1'='1")),
  edited('/api/admin/login', 'a password too long', (b) => (b.password = 'p'.repeat(201))),
  edited('/api/admin/login', 'a password as a number', (b) => (b.password = 12345678901234), 401),
  edited('/api/admin/sites', 'a name too long', (b) => (b.name = long(61))),
  edited('/api/admin/sites', 'a name of spaces only', (b) => (b.name = '   ')),
  edited('/api/admin/sites', 'a name with a NUL character', (b) => (b.name = '新\u0000项目')),
  edited('/api/admin/sites', 'an administrator name too long', (b) => (b.adminName = long(21))),
  edited('/api/admin/sites', 'a PIN too short', (b) => (b.adminPin = '12')),
  edited('/api/admin/sites', 'a PIN too simple', (b) => (b.adminPin = '1111')),
  edited('/api/admin/sites', 'a PIN of letters', (b) => (b.adminPin = 'abcd')),
  edited('/api/admin/sites', 'an unknown timezone', (b) => (b.timezone = 'Nowhere/Land')),
  edited('/api/admin/sites', 'a timezone too long', (b) => (b.timezone = 'A'.repeat(65))),
  edited('/api/admin/codes', 'an unknown purpose', (b) => (b.purpose = 'admin')),
  edited('/api/admin/codes', 'an enrolment code without a site', (b) => delete b.siteId, 404, 'NotFound'),
  edited('/api/admin/codes', 'an unknown site', (b) => (b.siteId = UNKNOWN_ID), 404, 'NotFound'),
  edited('/api/admin/codes', 'a site id too long', (b) => (b.siteId = 's'.repeat(37))),
  edited('/api/admin/codes', 'a site id with a NUL character', (b) => (b.siteId = 'site\u0000')),
  edited('/api/admin/codes', 'an unknown device kind', (b) => (b.deviceKind = 'kiosk')),
  edited('/api/admin/codes', 'a department tablet without its department', (b) => (b.deviceKind = 'department')),
  edited('/api/admin/codes', 'a department id too long', (b) => Object.assign(b, { deviceKind: 'department', departmentId: 'd'.repeat(37) })),
  edited('/api/admin/codes', 'an unknown department', (b) => Object.assign(b, { deviceKind: 'department', departmentId: UNKNOWN_ID }), 404, 'NotFound'),
  edited('/api/admin/codes', 'a desk tablet with a department', (b) => (b.departmentId = UNKNOWN_ID)),
  ...['/api/admin/devices', '/api/admin/dead-letters', '/api/admin/quarantine'].flatMap((path) => [
    get(path, 'a siteId too long', () => `${path}?siteId=${'s'.repeat(37)}`, 400),
    get(path, 'two siteIds', (c) => `${path}?siteId=${c.siteId}&siteId=${c.siteId}`, 400),
    get(path, 'an extra parameter', () => `${path}?limit=1000000`, 400),
    get(path, 'a siteId with a NUL character', () => `${path}?siteId=a%00b`, 400),
  ]),
  ...[
    ['an id too long', `${UNKNOWN_ID}0`, 400],
    ['an unknown id', UNKNOWN_ID.replace('8057', '8058'), 404],
    ['an id with a NUL character', 'a%00b', 400],
    ['an id that is not percent-encoded properly', '%E0%A4%A', 400],
    ['an id with a path in it', '..%2F..%2Fsites', 404],
  ].map(
    ([name, id, status]): Case => ({
      route: 'POST /api/admin/devices/:id/revoke',
      name: String(name),
      request: (c) => ({ method: 'POST', url: `/api/admin/devices/${String(id)}/revoke`, headers: { authorization: `Bearer ${c.adminToken}` } }),
      status: Number(status),
    }),
  ),
]

const CASES: Case[] = [...ROUTES.flatMap(genericCases), ...SPECIFIC]

let ip = 0
/** Each request from its own address, so the per-address rate limits never hide the answer under test. */
function nextAddress(): string {
  ip++
  return `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`
}

describe.each(BACKENDS)('bad input on $name', (backend) => {
  let c: Ctx
  let recordsBefore: string

  beforeAll(async () => {
    const s = await testServer(backend)
    const { siteId, adminStaffId } = await siteWithAdmin(s)
    const tablet = await enrol(s, siteId)
    const revoked = await enrol(s, siteId, '丢失的平板')
    const adminToken = await setUpConsole(s)
    const revoke = await s.app.inject({ method: 'POST', url: `/api/admin/devices/${revoked.id}/revoke`, headers: { authorization: `Bearer ${adminToken}` } })
    if (revoke.statusCode !== 200) throw new Error(revoke.body)
    await pushOk(s, tablet, [departmentPut(tablet, adminStaffId, { id: newId(), name: '安保部' })])
    c = { s, siteId, adminStaffId, tablet, revoked, adminToken }
    recordsBefore = await snapshot(c)
  })
  afterAll(async () => c?.s.close())

  it.each(CASES)('$route: $name → 4xx', async (testCase) => {
    const request = await testCase.request(c)
    const res = await c.s.app.inject({ ...request, remoteAddress: nextAddress() } as InjectOptions)
    expect(res.statusCode, res.body.slice(0, 500)).toBeGreaterThanOrEqual(400)
    expect(res.statusCode, res.body.slice(0, 500)).toBeLessThan(500)
    if (testCase.status !== undefined) expect(res.statusCode, res.body.slice(0, 500)).toBe(testCase.status)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    const body = res.json<Record<string, unknown>>()
    expect(Object.keys(body).sort()).toEqual(['error', 'message'])
    expect(body.error).toEqual(expect.any(String))
    expect(body.error).not.toBe('')
    if (testCase.error) expect(body.error).toBe(testCase.error)
    // A person reads it: Chinese first, English in brackets.
    expect(body.message).toMatch(/^[^(]*[\u4e00-\u9fff][^(]*\(.+\)/s)
    expect(String(body.message)).not.toMatch(/at .+\.(ts|js):\d+/)
    const health = await c.s.app.inject({ method: 'GET', url: '/api/health' })
    expect(health.statusCode).toBe(200)
    expect(health.json()).toMatchObject({ status: 'ok' })
  })

  it('changed nothing, and the server, the tablet and the console still work', async () => {
    expect(await snapshot(c)).toBe(recordsBefore)
    const sites = await c.s.app.inject({ method: 'GET', url: '/api/admin/sites', headers: { authorization: `Bearer ${c.adminToken}` } })
    expect(sites.statusCode).toBe(200)
    expect(sites.json<{ devices: number }[]>()).toEqual([expect.objectContaining({ id: c.siteId, devices: 2 })])
    const codes = await c.s.db.kysely.selectFrom('one_time_codes').select('used_at').where('used_at', 'is not', null).execute()
    expect(codes).toHaveLength(2)
    expect(await c.s.db.kysely.selectFrom('admins').select('username').execute()).toEqual([{ username: 'admin' }])
    const id = newId()
    expect((await pushOk(c.s, c.tablet, [departmentPut(c.tablet, c.adminStaffId, { id, name: '物业工程部' })])).results[0]).toMatchObject({ status: 'applied' })
    expect((await pullAll(c.s, c.tablet)).changes.some((ch) => ch.id === id)).toBe(true)
    const pull = await c.s.app.inject({ method: 'GET', url: '/api/sync/pull', headers: protocolHeaders(c.tablet.token) })
    expect(pull.statusCode).toBe(200)
  })
})

describe.each(BACKENDS)('first-run setup with a bad site on $name', (backend) => {
  let s: TestServer
  afterAll(async () => s?.close())

  it('refuses the whole setup, so it can be done again right', async () => {
    s = await testServer(backend)
    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/admin/setup',
      payload: { username: 'admin', password: 'correct-horse-1', site: { name: '翠苑小区', timezone: 'Mars/Olympus_Mons', adminName: '王管理', adminPin: '2580' } },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toContain('时区')
    expect((await s.app.inject({ method: 'GET', url: '/api/admin/status' })).json()).toEqual({ setUp: false })
    await setUpConsole(s, { username: 'admin', password: 'correct-horse-1', site: { name: '翠苑小区', timezone: 'Asia/Shanghai', adminName: '王管理', adminPin: '2580' } })
  })
})

async function snapshot(c: Ctx): Promise<string> {
  const db = c.s.db.kysely
  const [records, sites, devices] = await Promise.all([
    db.selectFrom('records').select(['site_id', 'table_name', 'record_id', 'data', 'field_hlc', 'deleted', 'seq']).orderBy('site_id').orderBy('table_name').orderBy('record_id').execute(),
    db.selectFrom('sites').select(['id', 'name', 'timezone', 'change_seq']).orderBy('id').execute(),
    db.selectFrom('devices').select(['id', 'name', 'revoked_at']).orderBy('id').execute(),
  ])
  return JSON.stringify({ records, sites, devices })
}
