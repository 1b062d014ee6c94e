import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '@shared/domain/ids'
import { defaultHandoverTemplate, type HandoverTemplate } from '@shared/domain/handover'
import type { Role } from '@shared/domain/role'
import type { DeskbookDb } from '@client/db/database'
import { handoverTemplate } from '@client/db/duty/handover-template'
import { saveHandoverTemplate, type HandoverTemplateProblem } from '@client/db/duty/handover-template'
import { RecordInvalidError } from '@client/db/errors'
import { freshDb } from '../../factories/db'
import { makeActor } from '../../factories/site'

const T0 = Date.UTC(2026, 10, 27, 2)
let db: DeskbookDb
const actor = makeActor()
beforeEach(() => {
  db = freshDb()
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const base = (): HandoverTemplate => defaultHandoverTemplate(actor.siteId)
type Item = HandoverTemplate['items'][number]
const withItems = (...items: Item[]): HandoverTemplate => ({ ...base(), items })
const withChecks = (...checks: HandoverTemplate['checks']): HandoverTemplate => ({ ...base(), checks })
const keys: Item = { id: 'keys', name: '钥匙', kind: 'count' }

/** The problems a refused save carries; nothing was written. */
async function refused(template: HandoverTemplate, role: Role = 'administrator'): Promise<HandoverTemplateProblem[]> {
  const e = await saveHandoverTemplate(db, actor, role, template, T0).then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(RecordInvalidError)
  expect(await db.handoverTemplates.count()).toBe(0)
  expect(await db.outbox.count()).toBe(0)
  return (e as RecordInvalidError<HandoverTemplateProblem>).problems
}

describe('saveHandoverTemplate — writing', () => {
  it('writes the template, trimmed, with its outbox entry (whole row on the first save)', async () => {
    const template = withItems({ ...keys, name: ' 钥匙 ', initial: 12 }, { id: 'r', name: '收据', kind: 'receiptBook', initial: 2, nextReceiptNo: ' a 00100 ' })
    template.checks = [{ id: 'supplies', text: '  工作用品完好 ' }]
    const saved = await saveHandoverTemplate(db, actor, 'administrator', template, T0)
    const want: HandoverTemplate = {
      siteId: actor.siteId,
      items: [
        { id: 'keys', name: '钥匙', kind: 'count', initial: 12 },
        { id: 'r', name: '收据', kind: 'receiptBook', initial: 2, nextReceiptNo: 'A00100' },
      ],
      checks: [{ id: 'supplies', text: '工作用品完好' }],
    }
    expect(saved).toEqual(want)
    expect(await db.handoverTemplates.get(actor.siteId)).toEqual(want)
    expect(await handoverTemplate(db, actor.siteId)).toEqual(want)
    const [entry, ...more] = await db.outbox.toArray()
    expect(more).toEqual([])
    expect(entry).toMatchObject({ name: 'handoverTemplate.put', version: 1, table: 'handoverTemplates', recordId: actor.siteId, staffId: actor.staffId, siteId: actor.siteId, deviceId: actor.deviceId, createdAt: T0, fields: want })
  })

  it('stores the actor’s site, whatever site the template names', async () => {
    await saveHandoverTemplate(db, actor, 'administrator', { ...base(), siteId: newId() }, T0)
    expect((await db.handoverTemplates.toArray()).map((t) => t.siteId)).toEqual([actor.siteId])
  })

  it('leaves out what a kind does not use: a starting count for loans, a receipt number off a receipt book, empty values', async () => {
    const saved = await saveHandoverTemplate(
      db,
      actor,
      'administrator',
      withItems({ id: 'l', name: '借出物品', kind: 'loans', initial: 4, nextReceiptNo: 'A1' }, { ...keys, nextReceiptNo: 'B2' }, { id: 'r', name: '收据', kind: 'receiptBook', nextReceiptNo: '  ' }, { id: 'c', name: '现金', kind: 'cash', initial: undefined }),
      T0,
    )
    expect(saved.items).toEqual([
      { id: 'l', name: '借出物品', kind: 'loans' },
      { id: 'keys', name: '钥匙', kind: 'count' },
      { id: 'r', name: '收据', kind: 'receiptBook' },
      { id: 'c', name: '现金', kind: 'cash' },
    ])
    expect(saved.items.every((i) => !('initial' in i) || i.initial !== undefined)).toBe(true)
  })

  it('sends only the list that changed on a later save, and nothing when nothing changed', async () => {
    await saveHandoverTemplate(db, actor, 'administrator', base(), T0)
    const next = base()
    next.checks[0] = { ...next.checks[0]!, text: '工作用品完好' }
    await saveHandoverTemplate(db, actor, 'administrator', next, T0 + 1)
    await saveHandoverTemplate(db, actor, 'administrator', next, T0 + 2)
    const entries = (await db.outbox.toArray()).sort((a, b) => a.createdAt - b.createdAt)
    expect(entries.map((e) => Object.keys(e.fields).sort())).toEqual([['checks', 'items', 'siteId'], ['checks']])
    expect((await db.handoverTemplates.get(actor.siteId))!.checks[0]!.text).toBe('工作用品完好')
  })
})

describe('saveHandoverTemplate — permission (settings.manage, as the server checks)', () => {
  it.each<{ role: Role; allowed: boolean }>([
    { role: 'administrator', allowed: true },
    { role: 'admin', allowed: true },
    { role: 'assistant', allowed: false },
    { role: 'supervisor', allowed: false },
    { role: 'manager', allowed: false },
    { role: 'department', allowed: false },
  ])('$role → allowed $allowed', async ({ role, allowed }) => {
    if (allowed) {
      await saveHandoverTemplate(db, actor, role, base(), T0)
      expect(await db.outbox.count()).toBe(1)
    } else expect(await refused(base(), role)).toEqual([{ code: 'notAllowed' }])
  })
})

describe('saveHandoverTemplate — validation (problems as codes, nothing written)', () => {
  const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i))
  it.each<{ name: string; template: HandoverTemplate; want: HandoverTemplateProblem[] }>([
    { name: 'no items', template: withItems(), want: [{ code: 'itemsEmpty' }] },
    { name: 'no checks', template: withChecks(), want: [{ code: 'checksEmpty' }] },
    { name: '41 items', template: withItems(...many(41, (i) => ({ id: `i${i}`, name: `物品${i}`, kind: 'count' as const }))), want: [{ code: 'itemsTooMany' }] },
    { name: '41 checks', template: withChecks(...many(41, (i) => ({ id: `c${i}`, text: `检查${i}` }))), want: [{ code: 'checksTooMany' }] },
    { name: 'a blank name', template: withItems(keys, { id: 'r', name: '   ', kind: 'count' }), want: [{ code: 'itemNameRequired', index: 1 }] },
    { name: 'a name of 41 characters', template: withItems({ ...keys, name: '钥'.repeat(41) }), want: [{ code: 'itemNameTooLong', index: 0 }] },
    { name: 'a name used twice (after trimming)', template: withItems(keys, { id: 'k2', name: ' 钥匙', kind: 'count' }), want: [{ code: 'itemNameDuplicate', index: 1 }] },
    { name: 'an id used twice', template: withItems(keys, { id: 'keys', name: '备用钥匙', kind: 'count' }), want: [{ code: 'itemIdDuplicate', index: 1 }] },
    {
      name: 'two loans items',
      template: withItems({ id: 'l1', name: '借出物品', kind: 'loans' }, keys, { id: 'l2', name: '外借', kind: 'loans' }),
      want: [{ code: 'loansMoreThanOne', index: 2 }],
    },
    { name: 'a negative starting count', template: withItems({ ...keys, initial: -1 }), want: [{ code: 'initialInvalid', index: 0 }] },
    { name: 'a fractional starting count', template: withItems({ ...keys, initial: 2.5 }), want: [{ code: 'initialInvalid', index: 0 }] },
    { name: 'a starting count that is not a number (typed letters)', template: withItems({ ...keys, initial: Number.NaN }), want: [{ code: 'initialInvalid', index: 0 }] },
    { name: 'a starting count over 100000', template: withItems({ ...keys, initial: 100001 }), want: [{ code: 'initialInvalid', index: 0 }] },
    { name: 'a receipt number of 31 characters', template: withItems({ id: 'r', name: '收据', kind: 'receiptBook', nextReceiptNo: '1'.repeat(31) }), want: [{ code: 'receiptNoTooLong', index: 0 }] },
    { name: 'a blank check', template: withChecks({ id: 'a', text: '整洁' }, { id: 'b', text: ' ' }), want: [{ code: 'checkTextRequired', index: 1 }] },
    { name: 'a check of 121 characters', template: withChecks({ id: 'a', text: '整'.repeat(121) }), want: [{ code: 'checkTextTooLong', index: 0 }] },
    { name: 'a check id used twice', template: withChecks({ id: 'a', text: '整洁' }, { id: 'a', text: '美观' }), want: [{ code: 'checkIdDuplicate', index: 1 }] },
    {
      name: 'several problems at once, in form order',
      template: { siteId: actor.siteId, items: [{ id: 'x', name: '', kind: 'count', initial: -3 }, { id: 'x', name: '钥匙', kind: 'loans' }], checks: [] },
      want: [{ code: 'itemNameRequired', index: 0 }, { code: 'initialInvalid', index: 0 }, { code: 'itemIdDuplicate', index: 1 }, { code: 'checksEmpty' }],
    },
  ])('refuses $name', async ({ template, want }) => {
    expect(await refused(template)).toEqual(want)
  })

  it('accepts the limits: 40 items and checks, 40- and 120-character texts, 0 and 100000', async () => {
    const items = many(40, (i) => ({ id: `i${i}`, name: i === 0 ? '钥'.repeat(40) : `物品${i}`, kind: 'count' as const, initial: i === 1 ? 100000 : 0 }))
    const checks = many(40, (i) => ({ id: `c${i}`, text: i === 0 ? '整'.repeat(120) : `检查${i}` }))
    await saveHandoverTemplate(db, actor, 'administrator', { siteId: actor.siteId, items, checks }, T0)
    expect((await db.handoverTemplates.get(actor.siteId))!.items).toHaveLength(40)
  })

  it('checks permission first: an assistant is refused without the list of form problems', async () => {
    expect(await refused(withItems(), 'assistant')).toEqual([{ code: 'notAllowed' }])
  })
})
