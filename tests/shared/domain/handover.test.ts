import { describe, expect, it } from 'vitest'
import {
  COUNT_KINDS,
  HandoverTemplateSchema,
  defaultHandoverTemplate,
  expectedCounts,
  handoverProblems,
  isLate,
  isLocked,
  type Handover,
  type HandoverDraft,
  type HandoverProblem,
  type HandoverTemplate,
  type PendingItem,
} from '@shared/domain/handover'
import { shiftKey } from '@shared/domain/duty-log'
import { problems } from '@shared/domain/validation'
import { HOUR, MINUTE, instantAt } from '@shared/domain/time'

const SITE = '01930000-0000-7000-8000-000000000001'
const OUTGOING = '01930000-0000-7000-8000-0000000000a1'
const INCOMING = '01930000-0000-7000-8000-0000000000a2'
const DAY_SHIFT = '01930000-0000-7000-8000-0000000000c1'
const NIGHT_SHIFT = '01930000-0000-7000-8000-0000000000c2'
const PENDING_A = '01930000-0000-7000-8000-0000000000e1'
const PENDING_B = '01930000-0000-7000-8000-0000000000e2'
const SIGNATURE_OUT = '01930000-0000-7000-8000-0000000000f1'
const SIGNATURE_IN = '01930000-0000-7000-8000-0000000000f2'

/** The day shift of 2026-11-27 starts at 08:00 in Shanghai. */
const START = instantAt('2026-11-27', '08:00', 'Asia/Shanghai')
const SECOND = 1000

describe('isLate (篇2 4.3.1: incoming arrives 15 minutes before the shift; later is late, 4.2.7)', () => {
  it.each<{ name: string; arrivedAt: number; lead: number; late: boolean }>([
    { name: 'an hour before', arrivedAt: START - HOUR, lead: 15, late: false },
    { name: '16 minutes before', arrivedAt: START - 16 * MINUTE, lead: 15, late: false },
    { name: 'a millisecond before the 15-minute mark', arrivedAt: START - 15 * MINUTE - 1, lead: 15, late: false },
    { name: 'exactly 15:00 before: on the mark is on time', arrivedAt: START - 15 * MINUTE, lead: 15, late: false },
    { name: '14:59.999 before: a millisecond after the mark', arrivedAt: START - 15 * MINUTE + 1, lead: 15, late: true },
    { name: '14 minutes before', arrivedAt: START - 14 * MINUTE, lead: 15, late: true },
    { name: 'a second before the start', arrivedAt: START - SECOND, lead: 15, late: true },
    { name: 'at the start', arrivedAt: START, lead: 15, late: true },
    { name: 'after the start', arrivedAt: START + 10 * MINUTE, lead: 15, late: true },
    { name: 'hours after the start', arrivedAt: START + 3 * HOUR, lead: 15, late: true },
    { name: 'lead 30: 30 minutes before', arrivedAt: START - 30 * MINUTE, lead: 30, late: false },
    { name: 'lead 30: 20 minutes before (on time with 15)', arrivedAt: START - 20 * MINUTE, lead: 30, late: true },
    { name: 'lead 5: 10 minutes before', arrivedAt: START - 10 * MINUTE, lead: 5, late: false },
    { name: 'lead 5: 4 minutes before', arrivedAt: START - 4 * MINUTE, lead: 5, late: true },
    { name: 'lead 0: at the start', arrivedAt: START, lead: 0, late: false },
    { name: 'lead 0: a millisecond after the start', arrivedAt: START + 1, lead: 0, late: true },
    { name: 'lead 120: two hours before', arrivedAt: START - 2 * HOUR, lead: 120, late: false },
    { name: 'lead 120: 119 minutes before', arrivedAt: START - 119 * MINUTE, lead: 120, late: true },
  ])('$name → late $late', ({ arrivedAt, lead, late }) => {
    expect(isLate(arrivedAt, START, lead)).toBe(late)
  })
})

/** A small template: three counted items of different kinds, two checks. */
const TEMPLATE: Pick<HandoverTemplate, 'items' | 'checks'> = {
  items: [
    { id: 'keys', name: '钥匙', kind: 'count' },
    { id: 'cash', name: '备用金(元)', kind: 'cash' },
    { id: 'loans', name: '借出物品', kind: 'loans' },
  ],
  checks: [
    { id: 'supplies', text: '前台各种工作用品完好、整洁、有序' },
    { id: 'equipment', text: '电话、电脑、对讲机工作正常' },
  ],
}

const PENDING: PendingItem[] = [
  { kind: 'dutyEntry', itemId: PENDING_A },
  { kind: 'reception', itemId: PENDING_B },
]

/** Everything done: both pending items acknowledged, both checks answered, every item counted as expected, both signed. */
function complete(overrides: Partial<HandoverDraft> = {}): HandoverDraft {
  return {
    outgoingId: OUTGOING,
    incomingId: INCOMING,
    acknowledgements: [{ itemId: PENDING_A }, { itemId: PENDING_B }],
    checks: [
      { checkId: 'supplies', ok: true, note: '' },
      { checkId: 'equipment', ok: true, note: '' },
    ],
    counts: [
      { itemId: 'keys', expected: 12, counted: 12, note: '' },
      { itemId: 'cash', expected: 500.5, counted: 500.5, note: '' },
      { itemId: 'loans', expected: 2, counted: 2, note: '' },
    ],
    outgoingSignatureId: SIGNATURE_OUT,
    incomingSignatureId: SIGNATURE_IN,
    ...overrides,
  }
}

type Count = HandoverDraft['counts'][number]
const counts = (change: Record<string, Partial<Count>>): Count[] => complete().counts.map((c) => ({ ...c, ...change[c.itemId] }))
type Check = HandoverDraft['checks'][number]
const checks = (change: Record<string, Partial<Check>>): Check[] => complete().checks.map((c) => ({ ...c, ...change[c.checkId] }))

describe('handoverProblems (篇2 4.3.2–4.3.4)', () => {
  it('finds none in a complete handover', () => {
    expect(handoverProblems(complete(), PENDING, TEMPLATE)).toEqual([])
    expect(handoverProblems(complete(), PENDING, TEMPLATE, false)).toEqual([])
  })

  it.each<{ name: string; draft: HandoverDraft; pending?: PendingItem[]; already?: boolean; want: HandoverProblem[] }>([
    // Between two different clerks (4.3.4).
    { name: 'the outgoing clerk hands over to themselves', draft: complete({ incomingId: OUTGOING }), want: [{ code: 'sameStaff' }] },
    // Each pending item acknowledged one by one (4.3.2 a, b).
    { name: 'one pending item not acknowledged', draft: complete({ acknowledgements: [{ itemId: PENDING_A }] }), want: [{ code: 'pendingNotAcknowledged', itemId: PENDING_B }] },
    {
      name: 'no pending item acknowledged: one problem per item',
      draft: complete({ acknowledgements: [] }),
      want: [
        { code: 'pendingNotAcknowledged', itemId: PENDING_A },
        { code: 'pendingNotAcknowledged', itemId: PENDING_B },
      ],
    },
    { name: 'an acknowledgement of something not pending does not stand in for one that is', draft: complete({ acknowledgements: [{ itemId: PENDING_A }, { itemId: SIGNATURE_IN }] }), want: [{ code: 'pendingNotAcknowledged', itemId: PENDING_B }] },
    { name: 'nothing pending, nothing acknowledged', draft: complete({ acknowledgements: [] }), pending: [], want: [] },
    { name: 'an item pending in the meantime', draft: complete(), pending: [...PENDING, { kind: 'dutyEntry', itemId: SIGNATURE_OUT }], want: [{ code: 'pendingNotAcknowledged', itemId: SIGNATURE_OUT }] },
    // The desk environment checked (4.3.2 c).
    { name: 'a check not answered', draft: complete({ checks: complete().checks.slice(1) }), want: [{ code: 'checkMissing', checkId: 'supplies' }] },
    {
      name: 'no check answered',
      draft: complete({ checks: [] }),
      want: [
        { code: 'checkMissing', checkId: 'supplies' },
        { code: 'checkMissing', checkId: 'equipment' },
      ],
    },
    { name: 'an answer to a check not in the template does not count', draft: complete({ checks: [{ checkId: 'supplies', ok: true, note: '' }, { checkId: 'surroundings', ok: true, note: '' }] }), want: [{ code: 'checkMissing', checkId: 'equipment' }] },
    { name: 'a check not ok without a note', draft: complete({ checks: checks({ equipment: { ok: false } }) }), want: [{ code: 'checkNoteRequired', checkId: 'equipment' }] },
    { name: 'a check not ok with only blanks for a note', draft: complete({ checks: checks({ equipment: { ok: false, note: '  \n ' } }) }), want: [{ code: 'checkNoteRequired', checkId: 'equipment' }] },
    { name: 'a check not ok with a note', draft: complete({ checks: checks({ equipment: { ok: false, note: '2号对讲机没电,已充电' } }) }), want: [] },
    { name: 'a check ok with a note', draft: complete({ checks: checks({ supplies: { note: '已补充收据' } }) }), want: [] },
    // Items counted against what is expected; a difference written down (4.3.3).
    { name: 'an item not counted', draft: complete({ counts: complete().counts.filter((c) => c.itemId !== 'keys') }), want: [{ code: 'countMissing', itemId: 'keys' }] },
    {
      name: 'nothing counted',
      draft: complete({ counts: [] }),
      want: [
        { code: 'countMissing', itemId: 'keys' },
        { code: 'countMissing', itemId: 'cash' },
        { code: 'countMissing', itemId: 'loans' },
      ],
    },
    { name: 'a count left empty (NaN)', draft: complete({ counts: counts({ cash: { counted: Number.NaN } }) }), want: [{ code: 'countMissing', itemId: 'cash' }] },
    { name: 'a count of Infinity', draft: complete({ counts: counts({ keys: { counted: Number.POSITIVE_INFINITY } }) }), want: [{ code: 'countMissing', itemId: 'keys' }] },
    { name: 'a count of 0 as expected is counted', draft: complete({ counts: counts({ keys: { expected: 0, counted: 0 } }) }), want: [] },
    { name: 'one key fewer without a note', draft: complete({ counts: counts({ keys: { counted: 11 } }) }), want: [{ code: 'countMismatchNote', itemId: 'keys' }] },
    { name: 'one key more without a note', draft: complete({ counts: counts({ keys: { counted: 13 } }) }), want: [{ code: 'countMismatchNote', itemId: 'keys' }] },
    { name: 'one key fewer with only blanks for a note', draft: complete({ counts: counts({ keys: { counted: 11, note: '   ' } }) }), want: [{ code: 'countMismatchNote', itemId: 'keys' }] },
    { name: 'one key fewer, written down', draft: complete({ counts: counts({ keys: { counted: 11, note: '3栋钥匙借给工程部张师傅' } }) }), want: [] },
    { name: 'cash short by 0.10 without a note', draft: complete({ counts: counts({ cash: { counted: 500.4 } }) }), want: [{ code: 'countMismatchNote', itemId: 'cash' }] },
    { name: 'cash over by 0.01 without a note', draft: complete({ counts: counts({ cash: { counted: 500.51 } }) }), want: [{ code: 'countMismatchNote', itemId: 'cash' }] },
    { name: 'cash short by 0.10, written down', draft: complete({ counts: counts({ cash: { counted: 500.4, note: '找零少一毛' } }) }), want: [] },
    { name: 'cash with decimals as expected', draft: complete({ counts: counts({ cash: { expected: 1234.56, counted: 1234.56 } }) }), want: [] },
    { name: 'a loan returned meanwhile without a note', draft: complete({ counts: counts({ loans: { counted: 1 } }) }), want: [{ code: 'countMismatchNote', itemId: 'loans' }] },
    { name: 'a count of an item not in the template does not count', draft: complete({ counts: [...counts({}).filter((c) => c.itemId !== 'keys'), { itemId: 'radios', expected: 4, counted: 4, note: '' }] }), want: [{ code: 'countMissing', itemId: 'keys' }] },
    // Both sign (4.3.4).
    { name: 'the outgoing clerk has not signed', draft: complete({ outgoingSignatureId: null }), want: [{ code: 'outgoingSignatureMissing' }] },
    { name: 'the incoming clerk has not signed', draft: complete({ incomingSignatureId: null }), want: [{ code: 'incomingSignatureMissing' }] },
    { name: 'an empty signature id is no signature', draft: complete({ outgoingSignatureId: '' }), want: [{ code: 'outgoingSignatureMissing' }] },
    { name: 'nobody has signed', draft: complete({ outgoingSignatureId: null, incomingSignatureId: null }), want: [{ code: 'outgoingSignatureMissing' }, { code: 'incomingSignatureMissing' }] },
    // One handover per shift.
    { name: 'the shift was already handed over', draft: complete(), already: true, want: [{ code: 'alreadyHandedOver' }] },
    {
      name: 'everything at once, in order',
      draft: {
        outgoingId: OUTGOING,
        incomingId: OUTGOING,
        acknowledgements: [],
        checks: [{ checkId: 'supplies', ok: false, note: '' }],
        counts: [{ itemId: 'keys', expected: 12, counted: 10, note: '' }],
        outgoingSignatureId: null,
        incomingSignatureId: null,
      },
      already: true,
      want: [
        { code: 'alreadyHandedOver' },
        { code: 'sameStaff' },
        { code: 'pendingNotAcknowledged', itemId: PENDING_A },
        { code: 'pendingNotAcknowledged', itemId: PENDING_B },
        { code: 'checkNoteRequired', checkId: 'supplies' },
        { code: 'checkMissing', checkId: 'equipment' },
        { code: 'countMismatchNote', itemId: 'keys' },
        { code: 'countMissing', itemId: 'cash' },
        { code: 'countMissing', itemId: 'loans' },
        { code: 'outgoingSignatureMissing' },
        { code: 'incomingSignatureMissing' },
      ],
    },
  ])('$name', ({ draft, pending = PENDING, already, want }) => {
    expect(handoverProblems(draft, pending, TEMPLATE, already)).toEqual(want)
  })

  it('an empty template asks only for the clerks, pending items and signatures', () => {
    expect(handoverProblems(complete({ checks: [], counts: [] }), PENDING, { items: [], checks: [] })).toEqual([])
    expect(handoverProblems(complete({ checks: [], counts: [], acknowledgements: [] }), PENDING, { items: [], checks: [] }).map((p) => p.code)).toEqual(['pendingNotAcknowledged', 'pendingNotAcknowledged'])
  })
})

describe('expectedCounts (4.3.3: what the last handover left; open loans from the desk services log)', () => {
  const template: Pick<HandoverTemplate, 'items'> = {
    items: [
      { id: 'keys', name: '钥匙', kind: 'count' },
      { id: 'receipts', name: '收款收据', kind: 'receiptBook' },
      { id: 'loans', name: '借出物品(未归还)', kind: 'loans' },
      { id: 'cash', name: '备用金(元)', kind: 'cash' },
      { id: 'radios', name: '对讲机', kind: 'count' },
    ],
  }
  type Counted = Handover['counts'][number]
  const counted = (itemId: string, kind: Counted['kind'], value: number, nextReceiptNo = '', expected = value): Counted => ({ itemId, name: itemId, kind, expected, counted: value, note: '', nextReceiptNo })
  const last: Pick<Handover, 'counts'> = {
    counts: [
      // Counted 11 of 12 expected: the next handover expects the 11 that were there.
      counted('keys', 'count', 11, '', 12),
      counted('receipts', 'receiptBook', 1, 'A00124'),
      // The loans counted last time are not what is out now: the desk services log says.
      counted('loans', 'loans', 5),
      counted('cash', 'cash', 499.5, '', 500.5),
      // An item since removed from the template is not carried.
      counted('stationery', 'count', 30),
    ],
  }

  it('carries what the last handover counted, the next receipt number, and the loans still out', () => {
    expect(expectedCounts(template, last, 2)).toEqual([
      { itemId: 'keys', name: '钥匙', kind: 'count', expected: 11, nextReceiptNo: '' },
      { itemId: 'receipts', name: '收款收据', kind: 'receiptBook', expected: 1, nextReceiptNo: 'A00124' },
      { itemId: 'loans', name: '借出物品(未归还)', kind: 'loans', expected: 2, nextReceiptNo: '' },
      { itemId: 'cash', name: '备用金(元)', kind: 'cash', expected: 499.5, nextReceiptNo: '' },
      // Added to the template since: nothing to carry.
      { itemId: 'radios', name: '对讲机', kind: 'count', expected: 0, nextReceiptNo: '' },
    ])
  })

  it.each<{ name: string; last: Pick<Handover, 'counts'> | null; openLoans: number; want: Record<string, [number, string]> }>([
    { name: 'no handover yet: everything 0, no receipt number', last: null, openLoans: 0, want: { keys: [0, ''], receipts: [0, ''], loans: [0, ''], cash: [0, ''], radios: [0, ''] } },
    { name: 'no handover yet, items out on loan', last: null, openLoans: 3, want: { keys: [0, ''], receipts: [0, ''], loans: [3, ''], cash: [0, ''], radios: [0, ''] } },
    { name: 'a last handover that counted nothing', last: { counts: [] }, openLoans: 1, want: { keys: [0, ''], receipts: [0, ''], loans: [1, ''], cash: [0, ''], radios: [0, ''] } },
    { name: 'every loan returned since', last, openLoans: 0, want: { keys: [11, ''], receipts: [1, 'A00124'], loans: [0, ''], cash: [499.5, ''], radios: [0, ''] } },
  ])('$name', ({ last: before, openLoans, want }) => {
    expect(Object.fromEntries(expectedCounts(template, before, openLoans).map((c) => [c.itemId, [c.expected, c.nextReceiptNo]]))).toEqual(want)
  })

  it('follows the template’s order and names, not the last handover’s', () => {
    const renamed = { items: [{ id: 'cash', name: '零钱', kind: 'cash' as const }, { id: 'keys', name: '钥匙串', kind: 'count' as const }] }
    expect(expectedCounts(renamed, last, 0).map((c) => [c.itemId, c.name, c.expected])).toEqual([
      ['cash', '零钱', 499.5],
      ['keys', '钥匙串', 11],
    ])
  })
})

describe('isLocked (4.3.4–4.3.5: a shift handed over is closed; the outgoing clerk cannot close it early)', () => {
  const day = shiftKey('2026-11-27', DAY_SHIFT)
  const night = shiftKey('2026-11-27', NIGHT_SHIFT)
  const nextDay = shiftKey('2026-11-28', DAY_SHIFT)

  it.each<{ name: string; handovers: { fromShiftKey: string }[]; key: string; locked: boolean }>([
    { name: 'no handover at all: the shift is open', handovers: [], key: day, locked: false },
    { name: 'only the previous shift handed over (to this one): still open', handovers: [{ fromShiftKey: shiftKey('2026-11-26', NIGHT_SHIFT) }], key: day, locked: false },
    { name: 'another shift of the same day handed over', handovers: [{ fromShiftKey: night }], key: day, locked: false },
    { name: 'the same shift type on another day', handovers: [{ fromShiftKey: nextDay }], key: day, locked: false },
    { name: 'a handover from this shift', handovers: [{ fromShiftKey: day }], key: day, locked: true },
    { name: 'a handover from this shift among others', handovers: [{ fromShiftKey: night }, { fromShiftKey: day }, { fromShiftKey: nextDay }], key: day, locked: true },
  ])('$name → locked $locked', ({ handovers, key, locked }) => {
    expect(isLocked(key, handovers)).toBe(locked)
  })

  it('stays open through the shift and the outgoing clerk’s wait; closes only with the handover from it', () => {
    const handovers: { fromShiftKey: string }[] = [{ fromShiftKey: shiftKey('2026-11-26', NIGHT_SHIFT) }]
    // The outgoing clerk finishes the shift: nothing they do short of a handover closes it.
    expect(isLocked(day, handovers)).toBe(false)
    handovers.push({ fromShiftKey: night })
    expect(isLocked(day, handovers)).toBe(false)
    handovers.push({ fromShiftKey: day })
    expect(isLocked(day, handovers)).toBe(true)
    // The next shift, which received it, stays open.
    expect(isLocked(nextDay, handovers)).toBe(false)
  })
})

describe('defaultHandoverTemplate', () => {
  const template = defaultHandoverTemplate(SITE)

  it('is valid against HandoverTemplateSchema', () => {
    expect(problems(HandoverTemplateSchema, template)).toEqual([])
  })

  it('belongs to the site and lists the regulations’ items and checks, ids unique', () => {
    expect(template.siteId).toBe(SITE)
    expect(template.items.map((i) => i.id)).toEqual(['keys', 'receipts', 'radios', 'loans', 'stationery', 'cash'])
    expect(template.checks.map((c) => c.id)).toEqual(['supplies', 'surroundings', 'forms', 'periodicals', 'equipment'])
    expect(new Set(template.items.map((i) => i.id)).size).toBe(template.items.length)
    expect(new Set(template.checks.map((c) => c.id)).size).toBe(template.checks.length)
  })

  it('counts every kind there is once or more: a receipt book, cash, the loans', () => {
    expect([...new Set(template.items.map((i) => i.kind))].sort()).toEqual([...COUNT_KINDS].sort())
    expect(template.items.filter((i) => i.kind === 'loans')).toHaveLength(1)
  })

  it('gives each site its own copy', () => {
    const other = defaultHandoverTemplate('01930000-0000-7000-8000-000000000002')
    other.items.pop()
    expect(defaultHandoverTemplate(SITE).items).toHaveLength(6)
  })

  it.each<{ name: string; change: Partial<HandoverTemplate>; path: string }>([
    { name: 'a site id that is not a UUIDv7', change: { siteId: 'site-1' }, path: '/siteId' },
    { name: 'an item without a name', change: { items: [{ id: 'keys', name: '', kind: 'count' }] }, path: '/items/0/name' },
    { name: 'an item of an unknown kind', change: { items: [{ id: 'keys', name: '钥匙', kind: 'weight' as never }] }, path: '/items/0/kind' },
    { name: 'a check without text', change: { checks: [{ id: 'supplies', text: '' }] }, path: '/checks/0/text' },
    { name: 'more than 40 items', change: { items: Array.from({ length: 41 }, (_, i) => ({ id: `i${i}`, name: `物品${i}`, kind: 'count' as const })) }, path: '/items' },
  ])('refuses $name', ({ change, path }) => {
    expect(problems(HandoverTemplateSchema, { ...template, ...change }).map((p) => p.path)).toContain(path)
  })
})

describe('expectedCounts with starting counts (a site’s first handover, an item added since)', () => {
  type Item = HandoverTemplate['items'][number]
  const template: Pick<HandoverTemplate, 'items'> = {
    items: [
      { id: 'keys', name: '钥匙', kind: 'count', initial: 12 },
      { id: 'receipts', name: '收款收据', kind: 'receiptBook', initial: 2, nextReceiptNo: 'A00100' },
      { id: 'loans', name: '借出物品', kind: 'loans' },
      { id: 'cash', name: '备用金(元)', kind: 'cash', initial: 500 },
      // An old template without starting counts stays as it was.
      { id: 'radios', name: '对讲机', kind: 'count' },
    ],
  }
  type Counted = Handover['counts'][number]
  const counted = (itemId: string, kind: Counted['kind'], value: number, nextReceiptNo = ''): Counted => ({ itemId, name: itemId, kind, expected: value, counted: value, note: '', nextReceiptNo })

  it.each<{ name: string; last: Pick<Handover, 'counts'> | null; openLoans: number; want: Record<string, [number, string]> }>([
    { name: 'the site’s first handover: the starting counts and receipt number', last: null, openLoans: 1, want: { keys: [12, ''], receipts: [2, 'A00100'], loans: [1, ''], cash: [500, ''], radios: [0, ''] } },
    { name: 'a last handover that counted nothing: still the starting counts', last: { counts: [] }, openLoans: 0, want: { keys: [12, ''], receipts: [2, 'A00100'], loans: [0, ''], cash: [500, ''], radios: [0, ''] } },
    {
      name: 'counted before: what was counted wins over the start, even 0 and an empty receipt number',
      last: { counts: [counted('keys', 'count', 0), counted('receipts', 'receiptBook', 1, ''), counted('cash', 'cash', 480.5), counted('radios', 'count', 4)] },
      openLoans: 2,
      want: { keys: [0, ''], receipts: [1, ''], loans: [2, ''], cash: [480.5, ''], radios: [4, ''] },
    },
    {
      name: 'only some counted before (items added since start from their starting count)',
      last: { counts: [counted('keys', 'count', 11), counted('loans', 'loans', 7)] },
      openLoans: 3,
      want: { keys: [11, ''], receipts: [2, 'A00100'], loans: [3, ''], cash: [500, ''], radios: [0, ''] },
    },
    { name: 'counted before under another item id: not this item', last: { counts: [counted('keys-old', 'count', 9, 'B1')] }, openLoans: 0, want: { keys: [12, ''], receipts: [2, 'A00100'], loans: [0, ''], cash: [500, ''], radios: [0, ''] } },
  ])('$name', ({ last, openLoans, want }) => {
    expect(Object.fromEntries(expectedCounts(template, last, openLoans).map((c) => [c.itemId, [c.expected, c.nextReceiptNo]]))).toEqual(want)
  })

  it.each<{ name: string; item: Item; openLoans: number; want: [number, string] }>([
    { name: 'loans ignore a starting count: the desk services log says what is out', item: { id: 'l', name: '借出', kind: 'loans', initial: 9 }, openLoans: 2, want: [2, ''] },
    { name: 'a receipt number on an item that is not a receipt book is not expected', item: { id: 'k', name: '钥匙', kind: 'count', initial: 3, nextReceiptNo: 'A1' }, openLoans: 0, want: [3, ''] },
    { name: 'a receipt book without a starting number', item: { id: 'r', name: '收据', kind: 'receiptBook', initial: 1 }, openLoans: 0, want: [1, ''] },
    { name: 'a starting count of 0', item: { id: 'c', name: '现金', kind: 'cash', initial: 0 }, openLoans: 0, want: [0, ''] },
  ])('$name', ({ item, openLoans, want }) => {
    const [count] = expectedCounts({ items: [item] }, null, openLoans)
    expect([count!.expected, count!.nextReceiptNo]).toEqual(want)
  })

  it.each<{ name: string; item: Record<string, unknown>; valid: boolean }>([
    { name: 'an item without starting values (a template saved before they existed)', item: { id: 'k', name: '钥匙', kind: 'count' }, valid: true },
    { name: 'a starting count and receipt number', item: { id: 'r', name: '收据', kind: 'receiptBook', initial: 100000, nextReceiptNo: 'A00100' }, valid: true },
    { name: 'a negative starting count', item: { id: 'k', name: '钥匙', kind: 'count', initial: -1 }, valid: false },
    { name: 'a fractional starting count', item: { id: 'k', name: '钥匙', kind: 'count', initial: 1.5 }, valid: false },
    { name: 'a starting count over 100000', item: { id: 'k', name: '钥匙', kind: 'count', initial: 100001 }, valid: false },
    { name: 'a receipt number over 30 characters', item: { id: 'r', name: '收据', kind: 'receiptBook', nextReceiptNo: 'A'.repeat(31) }, valid: false },
  ])('schema: $name → valid $valid', ({ item, valid }) => {
    expect(problems(HandoverTemplateSchema, { siteId: SITE, items: [item], checks: [] })).toHaveLength(valid ? 0 : 1)
  })
})

describe('expectedCounts with receipts written since the last handover (篇2 4.4.1 i; 4.3.3)', () => {
  const template: Pick<HandoverTemplate, 'items'> = {
    items: [
      { id: 'receipts', name: '收款收据', kind: 'receiptBook', initial: 1, nextReceiptNo: 'A00100' },
      { id: 'keys', name: '钥匙', kind: 'count', initial: 12 },
    ],
  }
  const last: Pick<Handover, 'counts'> = { counts: [{ itemId: 'receipts', name: '收款收据', kind: 'receiptBook', expected: 1, counted: 1, note: '', nextReceiptNo: 'A00124' }] }

  it.each<{ name: string; last: Pick<Handover, 'counts'> | null; issued: string[]; want: string }>([
    { name: 'none written: what the last handover said', last, issued: [], want: 'A00124' },
    { name: 'some written: after the highest, whatever order they were written in', last, issued: ['A00125', 'A00124', 'A00126'], want: 'A00127' },
    { name: 'numbers compared as numbers, not as text', last, issued: ['A0099', 'A0100'], want: 'A0101' },
    { name: 'the first handover: from the template’s starting number, or after receipts written', last: null, issued: [], want: 'A00100' },
    { name: 'the first handover after receipts were written', last: null, issued: ['A00100', 'A00101'], want: 'A00102' },
  ])('$name', ({ last: before, issued, want }) => {
    const counts = expectedCounts(template, before, 0, issued)
    expect(counts.find((c) => c.itemId === 'receipts')!.nextReceiptNo).toBe(want)
    // Only the receipt book moves on; other items are not touched by receipts.
    expect(counts.find((c) => c.itemId === 'keys')).toMatchObject({ expected: 12, nextReceiptNo: '' })
  })
})

// Imported here rather than above, so this block merges cleanly with other edits of the file.
import { TEMPLATE_LIMITS, templateProblems, type TemplateProblem } from '@shared/domain/handover'

describe('templateProblems (the template form, on the tablet and on the server; 4.3.3, 4.3.2 c)', () => {
  type Item = HandoverTemplate['items'][number]
  type Check = HandoverTemplate['checks'][number]
  const keys: Item = { id: 'keys', name: '钥匙', kind: 'count' }
  const loans: Item = { id: 'loans', name: '借出物品', kind: 'loans' }
  const supplies: Check = { id: 'supplies', text: '前台各种工作用品完好' }
  const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i))
  const t = (items: Item[], checks: Check[] = [supplies]): Pick<HandoverTemplate, 'items' | 'checks'> => ({ items, checks })

  it.each<{ name: string; template: Pick<HandoverTemplate, 'items' | 'checks'>; want: TemplateProblem[] }>([
    { name: 'the regulations’ own lists', template: defaultHandoverTemplate(SITE), want: [] },
    {
      name: 'the limits: 40 items and checks, 40- and 120-character texts, 0 and 100000, a 30-character receipt number',
      template: t(
        many(TEMPLATE_LIMITS.list, (i) => ({ id: `i${i}`, name: i === 0 ? '钥'.repeat(40) : `物品${i}`, kind: i === 2 ? ('receiptBook' as const) : ('count' as const), initial: i === 1 ? 100000 : 0, ...(i === 2 ? { nextReceiptNo: '1'.repeat(30) } : {}) })),
        many(TEMPLATE_LIMITS.list, (i) => ({ id: `c${i}`, text: i === 0 ? '整'.repeat(120) : `检查${i}` })),
      ),
      want: [],
    },
    { name: 'one loans item among others', template: t([keys, loans]), want: [] },
    { name: 'texts with spaces around them, judged trimmed', template: t([{ ...keys, name: ' 钥匙 ' }], [{ id: 'a', text: ' 整洁 ' }]), want: [] },
    { name: 'no items', template: t([]), want: [{ code: 'itemsEmpty' }] },
    { name: 'no checks', template: t([keys], []), want: [{ code: 'checksEmpty' }] },
    { name: '41 items', template: t(many(41, (i) => ({ id: `i${i}`, name: `物品${i}`, kind: 'count' as const }))), want: [{ code: 'itemsTooMany' }] },
    { name: '41 checks', template: t([keys], many(41, (i) => ({ id: `c${i}`, text: `检查${i}` }))), want: [{ code: 'checksTooMany' }] },
    { name: 'an empty name', template: t([keys, { ...loans, name: '' }]), want: [{ code: 'itemNameRequired', index: 1 }] },
    { name: 'a blank name', template: t([keys, { ...loans, name: '   ' }]), want: [{ code: 'itemNameRequired', index: 1 }] },
    { name: 'a name of 41 characters', template: t([{ ...keys, name: '钥'.repeat(41) }]), want: [{ code: 'itemNameTooLong', index: 0 }] },
    { name: 'a name of 40 characters with spaces around it', template: t([{ ...keys, name: ` ${'钥'.repeat(40)} ` }]), want: [] },
    { name: 'a name used twice', template: t([keys, { id: 'k2', name: '钥匙', kind: 'count' }]), want: [{ code: 'itemNameDuplicate', index: 1 }] },
    { name: 'a name used twice once trimmed', template: t([keys, { id: 'k2', name: ' 钥匙', kind: 'cash' }]), want: [{ code: 'itemNameDuplicate', index: 1 }] },
    { name: 'an item id used twice', template: t([keys, { id: 'keys', name: '备用钥匙', kind: 'count' }]), want: [{ code: 'itemIdDuplicate', index: 1 }] },
    { name: 'an empty item id', template: t([{ ...keys, id: '' }]), want: [{ code: 'itemIdDuplicate', index: 0 }] },
    { name: 'two loans items', template: t([loans, keys, { id: 'l2', name: '外借', kind: 'loans' }]), want: [{ code: 'loansMoreThanOne', index: 2 }] },
    { name: 'three loans items: each after the first', template: t([loans, { id: 'l2', name: '外借', kind: 'loans' }, { id: 'l3', name: '借用', kind: 'loans' }]), want: [{ code: 'loansMoreThanOne', index: 1 }, { code: 'loansMoreThanOne', index: 2 }] },
    { name: 'a negative starting count', template: t([{ ...keys, initial: -1 }]), want: [{ code: 'initialInvalid', index: 0 }] },
    { name: 'a fractional starting count', template: t([{ ...keys, initial: 2.5 }]), want: [{ code: 'initialInvalid', index: 0 }] },
    { name: 'a starting count that is not a number', template: t([{ ...keys, initial: Number.NaN }]), want: [{ code: 'initialInvalid', index: 0 }] },
    { name: 'a starting count over 100000', template: t([{ ...keys, initial: 100001 }]), want: [{ code: 'initialInvalid', index: 0 }] },
    { name: 'a receipt number of 31 characters', template: t([{ id: 'r', name: '收据', kind: 'receiptBook', nextReceiptNo: '1'.repeat(31) }]), want: [{ code: 'receiptNoTooLong', index: 0 }] },
    { name: 'a blank check', template: t([keys], [supplies, { id: 'b', text: ' ' }]), want: [{ code: 'checkTextRequired', index: 1 }] },
    { name: 'a check of 121 characters', template: t([keys], [{ id: 'a', text: '整'.repeat(121) }]), want: [{ code: 'checkTextTooLong', index: 0 }] },
    { name: 'a check id used twice', template: t([keys], [supplies, { id: 'supplies', text: '美观' }]), want: [{ code: 'checkIdDuplicate', index: 1 }] },
    { name: 'an empty check id', template: t([keys], [{ id: '', text: '整洁' }]), want: [{ code: 'checkIdDuplicate', index: 0 }] },
    {
      name: 'several problems at once, in form order',
      template: t([{ id: 'x', name: '', kind: 'count', initial: -3 }, { id: 'x', name: '钥匙', kind: 'loans' }, { id: 'y', name: '钥匙', kind: 'loans' }], []),
      want: [
        { code: 'itemNameRequired', index: 0 },
        { code: 'initialInvalid', index: 0 },
        { code: 'itemIdDuplicate', index: 1 },
        { code: 'itemNameDuplicate', index: 2 },
        { code: 'loansMoreThanOne', index: 2 },
        { code: 'checksEmpty' },
      ],
    },
  ])('$name → $want.length problem(s)', ({ template, want }) => {
    expect(templateProblems(template)).toEqual(want)
  })
})
