/**
 * Property-based: generated garbage thrown at push and pull with a valid tablet token. Whatever
 * comes in, the server answers below 500, a 200 has the documented shape, a rejected or malformed
 * mutation changes no record (only an applied one changes its own record), and the server keeps
 * serving (docs/sync-protocol.md "Push", "Pull", "Errors").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Value } from '@sinclair/typebox/value'
import { newId } from '@shared/domain/ids'
import { ErrorSchema, PROTOCOL_HEADER, PullResponseSchema, PushResponseSchema, type PullResponse, type PushResponse } from '@shared/sync/protocol'
import type { Mutation } from '@shared/sync/mutation'
import { BACKENDS } from '../support/server-db'
import { departmentPut, enrol, mutation, pushOk, pullAll, siteWithAdmin, testServer, type TestDevice, type TestServer } from '../support/server-fixtures'

/** Fixed, so a failure is reproduced by running the file again. */
const SEED = 20261127

/** A piece of JSON text put into a request as it is: deep nesting, `__proto__` keys, numbers JSON.stringify cannot write. */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of `value`, with Raw pieces as they are and own `__proto__` keys kept. */
function toJson(value: unknown): string {
  if (value instanceof Raw) return value.text
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

const NAN_ISH = ['NaN', 'Infinity', '-Infinity', '-0', '0x1F', '1e309', ' 1 ', '1,000', '١٢٣', 'null', 'undefined', 'true', '[]', '{}', '', ' ', '\t\n']
const TRICKY_TEXT = ['\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '\u202e工程部', '\u200b', '👩‍👩‍👧‍👦', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇', "'; drop table records; --", '${7*7}', '../../etc/passwd', '<script>alert(1)</script>']
const PROTO_TEXT = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"constructor":1,"prototype":2}',
  '{"toString":"x","valueOf":1,"hasOwnProperty":null,"__defineGetter__":[]}',
  '[{"__proto__":null}]',
]

const deep = fc
  .tuple(fc.integer({ min: 10, max: 30_000 }), fc.boolean())
  .map(([n, arrays]) => new Raw(arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}0${'}'.repeat(n)}`))

/** Any value a careless or hostile client might put where a field belongs. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 4 },
  { arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [null], { id: null }), weight: 3 },
  { arbitrary: fc.constantFrom(...NAN_ISH), weight: 2 },
  { arbitrary: fc.constantFrom(...TRICKY_TEXT), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.tuple(fc.integer({ min: 100, max: 60_000 }), fc.constantFrom('x', '字', '🙂')).map(([n, ch]) => ch.repeat(n)), weight: 1 },
  { arbitrary: fc.constantFrom(...PROTO_TEXT).map((t) => new Raw(t)), weight: 2 },
  { arbitrary: fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '0.1e-400', '-0').map((t) => new Raw(t)), weight: 1 },
  { arbitrary: deep, weight: 1 },
  { arbitrary: fc.uuid({ version: [4, 7] }), weight: 2 },
)

const MUTATION_KEYS = ['id', 'name', 'version', 'table', 'recordId', 'fields', 'hlc', 'staffId', 'deviceId', 'siteId', 'createdAt'] as const
const FIELD_KEYS = ['id', 'siteId', 'name', 'active', 'role', 'pin', 'timezone', '_deleted', 'departmentId', 'extra', '__proto__', 'constructor', 'prototype', '', 'x\u0000y', '名称']

/** Where a corruption lands: a key of the mutation (or one it should not have), or a key of its fields. */
const target = fc.oneof(
  fc.constantFrom(...MUTATION_KEYS).map((key) => ({ in: 'mutation' as const, key })),
  fc.constantFrom('__proto__', 'constructor', 'extra', 'results').map((key) => ({ in: 'mutation' as const, key })),
  fc.constantFrom(...FIELD_KEYS).map((key) => ({ in: 'fields' as const, key })),
  fc.string({ maxLength: 12 }).map((key) => ({ in: 'fields' as const, key })),
)

const corruption = fc.record({ target, value: garbage, remove: fc.boolean() })
/** Inside the record only: the envelope stays valid, so the server must judge the mutation itself. */
const fieldsCorruption = fc.record({ target: target.filter((t) => t.in === 'fields'), value: garbage, remove: fc.boolean() })
type Corruption = typeof corruption extends fc.Arbitrary<infer T> ? T : never

interface World {
  s: TestServer
  siteId: string
  adminStaffId: string
  tablet: TestDevice
  deptId: string
  other: { siteId: string; adminStaffId: string; tablet: TestDevice; deptId: string }
}

type Template = 'newDepartment' | 'editDepartment' | 'deleteDepartment' | 'renameSite' | 'newStaff' | 'otherSitesDepartment' | 'otherTabletsMutation'

/** A valid mutation of the kind a tablet sends. */
function valid(w: World, template: Template): Mutation {
  const now = w.s.clock.now
  switch (template) {
    case 'newDepartment':
      return departmentPut(w.tablet, w.adminStaffId, { id: newId(), name: '新部门' }, now)
    case 'editDepartment':
      return mutation(w.tablet, w.adminStaffId, { name: 'department.put', table: 'departments', recordId: w.deptId, fields: { name: '工程维修部' } }, now)
    case 'deleteDepartment':
      return mutation(w.tablet, w.adminStaffId, { name: 'department.put', table: 'departments', recordId: w.deptId, fields: { _deleted: true } }, now)
    case 'renameSite':
      return mutation(w.tablet, w.adminStaffId, { name: 'site.put', table: 'sites', recordId: w.siteId, fields: { name: '翠苑小区二期' } }, now)
    case 'newStaff': {
      const id = newId()
      const pin = { algorithm: 'PBKDF2-SHA256', iterations: 210000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }
      return mutation(w.tablet, w.adminStaffId, { name: 'staff.put', table: 'staff', recordId: id, fields: { id, siteId: w.siteId, name: '李娜', role: 'assistant', departmentId: null, pin, active: true } }, now)
    }
    case 'otherSitesDepartment':
      // Aimed at another site's record, with that site's ids: always rejected.
      return { ...mutation(w.tablet, w.other.adminStaffId, { name: 'department.put', table: 'departments', recordId: w.other.deptId, fields: { name: '被改了' } }, now), siteId: w.other.siteId }
    case 'otherTabletsMutation':
      return mutation(w.other.tablet, w.other.adminStaffId, { name: 'department.put', table: 'departments', recordId: w.other.deptId, fields: { active: false } }, now)
  }
}

function corrupt(m: Mutation, corruptions: readonly Corruption[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...m, fields: { ...m.fields } }
  for (const c of corruptions) {
    const where = c.target.in === 'mutation' ? out : ((out.fields && typeof out.fields === 'object' && !Array.isArray(out.fields) ? out.fields : (out.fields = {})) as Record<string, unknown>)
    if (c.remove) delete where[c.target.key]
    // defineProperty: an own `__proto__` key, sent as such.
    else Object.defineProperty(where, c.target.key, { value: c.value, enumerable: true, configurable: true, writable: true })
  }
  return out
}

const TEMPLATES: Template[] = ['newDepartment', 'editDepartment', 'deleteDepartment', 'renameSite', 'newStaff', 'otherSitesDepartment', 'otherTabletsMutation']

/** One mutation in a push: valid, corrupted a little, or not a mutation at all. */
const pushedMutation = (w: World): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...TEMPLATES).map((t) => valid(w, t)), weight: 3 },
    { arbitrary: fc.tuple(fc.constantFrom(...TEMPLATES), fc.array(fieldsCorruption, { minLength: 1, maxLength: 3 })).map(([t, cs]) => corrupt(valid(w, t), cs)), weight: 6 },
    { arbitrary: fc.tuple(fc.constantFrom(...TEMPLATES), fc.array(corruption, { minLength: 1, maxLength: 3 })).map(([t, cs]) => corrupt(valid(w, t), cs)), weight: 6 },
    { arbitrary: garbage, weight: 1 },
  )

/** The text of a push body. */
const pushBody = (w: World): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.array(pushedMutation(w), { minLength: 1, maxLength: 3 }).map((mutations) => toJson({ mutations })), weight: 12 },
    { arbitrary: garbage.map((mutations) => toJson({ mutations })), weight: 1 },
    { arbitrary: garbage.map(toJson), weight: 1 },
    { arbitrary: fc.tuple(fc.array(pushedMutation(w), { maxLength: 2 }), garbage).map(([mutations, extra]) => toJson({ mutations, extra })), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
    { arbitrary: fc.array(pushedMutation(w), { minLength: 1, maxLength: 2 }).chain((ms) => fc.nat(toJson({ mutations: ms }).length).map((cut) => toJson({ mutations: ms }).slice(0, cut))), weight: 1 },
  )

/** Every UTF-8 byte escaped (a lone surrogate becomes U+FFFD, as a browser would send it). */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
}

/** Query strings for pull: cursor and limit in and out of range, unknown and repeated keys, bad encodings. */
const queryValue = fc.oneof(
  fc.integer().map(String),
  fc.integer({ min: 0, max: 2000 }).map(String),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  fc.double().map(String),
  fc.constantFrom(...NAN_ISH, '1e300', '99999999999999999999', '9007199254740992', '0.5', '1.0', '00001', '+5', '%00', '%ZZ', '%E0%A4%A'),
  fc.string({ unit: 'binary', maxLength: 30 }).map(percentEncode),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => '9'.repeat(n)),
)
const queryKey = fc.oneof(fc.constantFrom('cursor', 'limit', 'cursor[]', 'limit[0]', 'since', '__proto__', 'constructor', 'toString', ''), fc.string({ maxLength: 10 }).map(percentEncode))
/** Printable ASCII except `#` (a fragment is not sent) and space; `%` stays, so broken escapes get through. */
const rawQuery = fc.string({ unit: fc.constantFrom(...'abc019=&%[]._-~+,;:!$\'()*@/?'.split('')), maxLength: 60 })
const pullQuery = fc.oneof(
  { arbitrary: fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')), weight: 6 },
  { arbitrary: rawQuery, weight: 2 },
  { arbitrary: fc.tuple(fc.integer({ min: -5, max: 5000 }), fc.integer({ min: -5, max: 1500 })).map(([c, l]) => `cursor=${c}&limit=${l}`), weight: 2 },
)

interface RecordRow {
  key: string
  site: string
  row: string
}

async function records(w: World): Promise<Map<string, RecordRow>> {
  const rows = await w.s.db.kysely.selectFrom('records').select(['site_id', 'table_name', 'record_id', 'data', 'field_hlc', 'deleted', 'seq', 'updated_at']).execute()
  return new Map(
    rows.map((r) => {
      const key = `${r.site_id}|${r.table_name}|${r.record_id}`
      return [key, { key, site: r.site_id, row: JSON.stringify([r.data, r.field_hlc, r.deleted, String(r.seq), String(r.updated_at)]) }]
    }),
  )
}

/** Keys of the records that changed between two snapshots (new records included; none may vanish). */
function changedKeys(before: Map<string, RecordRow>, after: Map<string, RecordRow>): string[] {
  for (const key of before.keys()) expect(after.has(key), `record ${key} vanished`).toBe(true)
  return [...after.values()].filter((r) => before.get(r.key)?.row !== r.row).map((r) => r.key)
}

function expectError(res: { statusCode: number; body: string }): void {
  expect(res.statusCode, res.body.slice(0, 300)).toBeGreaterThanOrEqual(400)
  expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500)
  const body: unknown = JSON.parse(res.body)
  expect(Value.Check(ErrorSchema, body), res.body.slice(0, 300)).toBe(true)
  expect((body as { message: string }).message.length).toBeGreaterThan(0)
}

async function expectServing(w: World): Promise<void> {
  const health = await w.s.app.inject({ method: 'GET', url: '/api/health' })
  expect(health.statusCode).toBe(200)
}

/** Full runs on SQLite; fewer on PostgreSQL, where each push is a round trip to the server. */
const RUNS = { sqlite: { push: 400, pull: 300 }, postgres: { push: 120, pull: 80 } } as const

describe.each(BACKENDS)('garbage at push and pull on $name', (backend) => {
  let w: World
  const headers = (): Record<string, string> => ({ [PROTOCOL_HEADER]: '1', authorization: `Bearer ${w.tablet.token}` })

  beforeAll(async () => {
    const s = await testServer(backend)
    const mine = await siteWithAdmin(s, '翠苑小区')
    const theirs = await siteWithAdmin(s, '海棠苑')
    const tablet = await enrol(s, mine.siteId)
    const otherTablet = await enrol(s, theirs.siteId)
    const deptId = newId()
    const otherDeptId = newId()
    await pushOk(s, tablet, [departmentPut(tablet, mine.adminStaffId, { id: deptId, name: '物业工程部' })])
    await pushOk(s, otherTablet, [departmentPut(otherTablet, theirs.adminStaffId, { id: otherDeptId, name: '安保部' })])
    w = { s, siteId: mine.siteId, adminStaffId: mine.adminStaffId, tablet, deptId, other: { ...theirs, tablet: otherTablet, deptId: otherDeptId } }
  })
  afterAll(async () => w?.s.close())

  it('push: never a 500; a 200 has one result per mutation; only applied mutations change records, and only their own', async () => {
    let applied = 0
    let rejected = 0
    let refused = 0
    await fc.assert(
      fc.asyncProperty(
        pushBody(w),
        async (payload) => {
          const before = await records(w)
          const res = await w.s.app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...headers(), 'content-type': 'application/json' }, payload })
          const changed = changedKeys(before, await records(w))
          if (res.statusCode !== 200) {
            expectError(res)
            expect(changed, 'a refused push changed records').toEqual([])
            refused++
          } else {
            const body = JSON.parse(res.body) as PushResponse
            expect(Value.Check(PushResponseSchema, body), res.body.slice(0, 300)).toBe(true)
            expect(body.revoked).toBe(false)
            // The schema's type coercion takes a lone mutation for a list of one.
            const mutations = (JSON.parse(payload) as { mutations: unknown }).mutations
            const sent = (Array.isArray(mutations) ? mutations : [mutations]) as Record<string, unknown>[]
            expect(body.results).toHaveLength(sent.length)
            const allowed = new Set<string>()
            body.results.forEach((r, i) => {
              const m = sent[i]!
              expect(r.id).toBe(String(m.id))
              if (r.status === 'applied') {
                allowed.add(`${w.siteId}|${String(m.table)}|${String(m.recordId)}`)
                applied++
              } else {
                expect(['rejected', 'duplicate']).toContain(r.status)
                if (r.status === 'rejected') expect(r.reason).toEqual(expect.any(String))
                rejected++
              }
            })
            for (const key of changed) expect(allowed, `record ${key} changed by no applied mutation`).toContain(key)
          }
          await expectServing(w)
        },
      ),
      { seed: SEED, numRuns: RUNS[backend.name].push },
    )
    // The generator reaches every outcome, not only refusals.
    expect(applied).toBeGreaterThan(0)
    expect(rejected).toBeGreaterThan(0)
    expect(refused).toBeGreaterThan(0)
  })

  it('pull: never a 500; a 200 is a page of this site in change order after the cursor', async () => {
    let pages = 0
    const mySite = new Set((await w.s.db.kysely.selectFrom('records').select(['table_name', 'record_id']).where('site_id', '=', w.siteId).execute()).map((r) => `${r.table_name}|${r.record_id}`))
    await fc.assert(
      fc.asyncProperty(pullQuery, async (query) => {
        const res = await w.s.app.inject({ method: 'GET', url: `/api/sync/pull?${query}`, headers: headers() })
        if (res.statusCode !== 200) {
          expectError(res)
        } else {
          const page = JSON.parse(res.body) as PullResponse
          expect(Value.Check(PullResponseSchema, page), res.body.slice(0, 300)).toBe(true)
          const seqs = page.changes.map((c) => c.seq)
          expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
          expect(page.changes.length).toBeLessThanOrEqual(1000)
          if (seqs.length > 0) expect(page.cursor).toBe(seqs.at(-1))
          for (const c of page.changes) expect(mySite.has(`${c.table}|${c.id}`), `${c.table} ${c.id} is not this site's`).toBe(true)
          pages++
        }
        await expectServing(w)
      }),
      { seed: SEED, numRuns: RUNS[backend.name].pull },
    )
    expect(pages).toBeGreaterThan(0)
  })

  it('still syncs afterwards, and the other site was never touched', async () => {
    const id = newId()
    expect((await pushOk(w.s, w.tablet, [departmentPut(w.tablet, w.adminStaffId, { id, name: '收尾部' })])).results[0]).toMatchObject({ status: 'applied' })
    expect((await pullAll(w.s, w.tablet)).changes.some((c) => c.id === id)).toBe(true)
    const theirs = (await pullAll(w.s, w.other.tablet)).changes
    expect(theirs.find((c) => c.id === w.other.deptId)?.data).toMatchObject({ name: '安保部', active: true })
    expect(theirs.every((c) => c.data.siteId === w.other.siteId || c.id === w.other.siteId)).toBe(true)
  })
})
