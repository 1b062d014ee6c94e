/**
 * The site's handover template on the server (issue 5 point 5): checked as strictly as the tablet's
 * form (4.3.3; 4.3.2 c) — a bad one is rejected with its reason, never a 500, and never stored or
 * pulled; only whoever may manage the site's settings changes it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { defaultHandoverTemplate, type HandoverTemplate } from '@shared/domain/handover'
import type { Mutation } from '@shared/sync/mutation'
import { BACKENDS } from '../support/server-db'
import { applied, enrol, mutation, pullAll, push, pushOk, rejected, siteWithAdmin, testServer, type Expect, type TestDevice, type TestServer, VERIFIER } from '../support/server-fixtures'

type Item = HandoverTemplate['items'][number]
const keys: Item = { id: 'keys', name: '钥匙', kind: 'count', initial: 12 }
const loans: Item = { id: 'loans', name: '借出物品(未归还)', kind: 'loans' }
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i))

describe.each(BACKENDS)('handoverTemplate.put rules on $name', (backend) => {
  let s: TestServer
  let desk: TestDevice
  let siteId: string
  let admin: string
  let assistant: string

  afterEach(async () => s?.close())

  beforeEach(async () => {
    s = await testServer(backend)
    const site = await siteWithAdmin(s)
    siteId = site.siteId
    admin = site.adminStaffId
    desk = await enrol(s, siteId)
    assistant = newId()
    const { results } = await pushOk(s, desk, [
      mutation(desk, admin, { name: 'staff.put', table: 'staff', recordId: assistant, fields: { id: assistant, siteId, name: '李娜', role: 'assistant', departmentId: null, pin: VERIFIER, active: true } }),
    ])
    expect(results.map((r) => r.status)).toEqual(['applied'])
  })

  const put = (staffId: string, fields: Record<string, unknown>): Mutation => mutation(desk, staffId, { name: 'handoverTemplate.put', table: 'handoverTemplates', recordId: siteId, fields })
  const whole = (overrides: Partial<HandoverTemplate> = {}): HandoverTemplate => ({ ...defaultHandoverTemplate(siteId), ...overrides })

  async function pushOne(m: Mutation, want: Expect): Promise<void> {
    const res = await push(s, desk, [m])
    expect(res.statusCode, res.body).toBe(200)
    const [got] = res.json<{ results: { id: string; status: string; reason?: string }[] }>().results
    if (want.status === 'rejected') expect(got).toMatchObject({ id: m.id, status: 'rejected', reason: expect.stringMatching(want.reason) })
    else expect(got).toEqual({ id: m.id, status: want.status })
  }

  /** The template the desk pulls, or null when none was stored. */
  async function pulled(): Promise<Record<string, unknown> | null> {
    const found = (await pullAll(s, desk)).changes.filter((c) => c.table === 'handoverTemplates')
    expect(found.length).toBeLessThanOrEqual(1)
    return found[0]?.data ?? null
  }

  it('applies a good template from the administrator; the desk pulls it as sent', async () => {
    const template = whole({ items: [keys, { id: 'receipts', name: '收款收据', kind: 'receiptBook', initial: 1, nextReceiptNo: 'A00100' }, loans], checks: [{ id: 'supplies', text: '前台各种工作用品完好' }] })
    await pushOne(put(admin, template), applied)
    expect(await pulled()).toEqual(template)
  })

  it('applies the limits: 40 items and 40 checks', async () => {
    const template = whole({ items: many(40, (i) => ({ id: `i${i}`, name: `物品${i}`, kind: 'count' as const })), checks: many(40, (i) => ({ id: `c${i}`, text: `检查${i}` })) })
    await pushOne(put(admin, template), applied)
    expect(await pulled()).toEqual(template)
  })

  it.each<{ name: string; template: () => Record<string, unknown>; reason: RegExp }>([
    { name: 'no items', template: () => whole({ items: [] }), reason: /^invalid: itemsEmpty$/ },
    { name: 'no checks', template: () => whole({ checks: [] }), reason: /^invalid: checksEmpty$/ },
    { name: 'a name used twice', template: () => whole({ items: [keys, { id: 'k2', name: '钥匙', kind: 'count' }] }), reason: /^invalid: itemNameDuplicate@1$/ },
    { name: 'a name used twice once trimmed', template: () => whole({ items: [keys, { id: 'k2', name: ' 钥匙 ', kind: 'cash' }] }), reason: /^invalid: itemNameDuplicate@1$/ },
    { name: 'a blank name', template: () => whole({ items: [keys, { id: 'k2', name: '   ', kind: 'count' }] }), reason: /^invalid: itemNameRequired@1$/ },
    { name: 'an item id used twice', template: () => whole({ items: [keys, { id: 'keys', name: '备用钥匙', kind: 'count' }] }), reason: /^invalid: itemIdDuplicate@1$/ },
    { name: 'two loans items', template: () => whole({ items: [loans, keys, { id: 'l2', name: '外借', kind: 'loans' }] }), reason: /^invalid: loansMoreThanOne@2$/ },
    { name: 'a blank check', template: () => whole({ checks: [{ id: 'a', text: '整洁' }, { id: 'b', text: ' ' }] }), reason: /^invalid: checkTextRequired@1$/ },
    { name: 'a check id used twice', template: () => whole({ checks: [{ id: 'a', text: '整洁' }, { id: 'a', text: '美观' }] }), reason: /^invalid: checkIdDuplicate@1$/ },
    {
      name: 'several problems, all named',
      template: () => whole({ items: [loans, { id: 'loans', name: '借出物品(未归还)', kind: 'loans' }], checks: [] }),
      reason: /^invalid: itemNameDuplicate@1, itemIdDuplicate@1, loansMoreThanOne@1, checksEmpty$/,
    },
    // The schema's own refusals come first, with the same kind of reason.
    { name: '41 items', template: () => whole({ items: many(41, (i) => ({ id: `i${i}`, name: `物品${i}`, kind: 'count' as const })) }), reason: /^invalid: / },
    { name: 'an empty name', template: () => whole({ items: [{ ...keys, name: '' }] }), reason: /^invalid: / },
    { name: 'a negative starting count', template: () => whole({ items: [{ ...keys, initial: -1 }] }), reason: /^invalid: / },
    { name: 'a fractional starting count', template: () => whole({ items: [{ ...keys, initial: 2.5 }] }), reason: /^invalid: / },
    { name: 'a receipt number of 31 characters', template: () => whole({ items: [{ id: 'r', name: '收据', kind: 'receiptBook', nextReceiptNo: '1'.repeat(31) }] }), reason: /^invalid: / },
    { name: 'items that are not a list', template: () => ({ ...whole(), items: '钥匙' }), reason: /^invalid: / },
    { name: 'an item without its fields', template: () => ({ ...whole(), items: [{}] }), reason: /^invalid: / },
  ])('rejects $name; nothing is stored', async ({ template, reason }) => {
    await pushOne(put(admin, template()), rejected(reason))
    expect(await pulled()).toBeNull()
  })

  it('judges an edit of one list with the other as stored, and keeps the stored template when it refuses', async () => {
    const template = whole()
    await pushOne(put(admin, template), applied)
    await pushOne(put(admin, { checks: [] }), rejected(/^invalid: checksEmpty$/))
    await pushOne(put(admin, { items: [...template.items, { id: 'l2', name: '外借', kind: 'loans' }] }), rejected(/^invalid: loansMoreThanOne@6$/))
    expect(await pulled()).toEqual(template)
    const checks = [{ id: 'supplies', text: '工作用品完好' }]
    await pushOne(put(admin, { checks }), applied)
    expect(await pulled()).toEqual({ ...template, checks })
  })

  it('refuses an assistant (settings.manage), even with a good template; nothing is stored', async () => {
    await pushOne(put(assistant, whole()), rejected(/^notAllowed: assistant may not settings\.manage$/))
    expect(await pulled()).toBeNull()
  })
})
