/**
 * Shift handover 交接班 (篇2 4.3; SPEC §3) as one signed record: the incoming clerk's arrival (late
 * when later than 15 minutes before the shift, 篇2 4.3.1/4.2.7), each pending item acknowledged with the
 * outgoing clerk's explanation (篇2 4.3.2 a, b), the desk environment checked (篇2 4.3.2 c; 篇3 九), the items
 * counted against what the last handover left (篇2 4.3.3), and both signatures (篇2 4.3.4). Append-only.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, InstantSchema } from './ids'
import { literalUnion } from './literal-union'
import { SHIFT_KEY_PATTERN } from './duty-log'
import { MINUTE } from './time'
import { nextReceiptNo, receiptRange } from './desk-services'

export const COUNT_KINDS = ['count', 'receiptBook', 'cash', 'loans'] as const
export type CountKind = (typeof COUNT_KINDS)[number]

export const HandoverTemplateSchema = Type.Object({
  siteId: IdSchema,
  /** What is counted at every handover (篇2 4.3.3). */
  items: Type.Array(
    Type.Object({
      id: Type.String({ minLength: 1, maxLength: 40 }),
      name: Type.String({ minLength: 1, maxLength: 40 }),
      kind: literalUnion(COUNT_KINDS),
      /** What the site starts with, expected when no handover counted the item yet (the site's first, or an item added since). Not for 'loans'. */
      initial: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
      /** receiptBook: the first unused receipt number, expected when no handover recorded one yet. */
      nextReceiptNo: Type.Optional(Type.String({ maxLength: 30 })),
    }),
    { maxItems: 40 },
  ),
  /** The desk environment checklist (篇2 4.3.2 c; 篇3 九; 篇1 3.3–3.4). */
  checks: Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }), text: Type.String({ minLength: 1, maxLength: 120 }) }), { maxItems: 40 }),
})
export type HandoverTemplate = Static<typeof HandoverTemplateSchema>

/** The regulations' own lists; every site edits them. */
export function defaultHandoverTemplate(siteId: string): HandoverTemplate {
  return {
    siteId,
    items: [
      { id: 'keys', name: '钥匙', kind: 'count' },
      { id: 'receipts', name: '收款收据', kind: 'receiptBook' },
      { id: 'radios', name: '对讲机', kind: 'count' },
      { id: 'loans', name: '借出物品(未归还)', kind: 'loans' },
      { id: 'stationery', name: '文具', kind: 'count' },
      { id: 'cash', name: '备用金(元)', kind: 'cash' },
    ],
    checks: [
      { id: 'supplies', text: '前台各种工作用品完好、整洁、有序' },
      { id: 'surroundings', text: '周围环境整洁、美观' },
      { id: 'forms', text: '值班记录、工作表格、收款收据、文具准备齐全' },
      { id: 'periodicals', text: '所订报刊已收领、装夹' },
      { id: 'equipment', text: '电话、电脑、对讲机工作正常' },
    ],
  }
}

const AckSchema = Type.Object({
  kind: Type.Union([Type.Literal('reception'), Type.Literal('dutyEntry')]),
  itemId: IdSchema,
  /** The outgoing clerk's explanation of where it stands (篇2 4.3.2 b). */
  explanation: Type.String({ maxLength: 1000 }),
  acknowledgedAt: InstantSchema,
})

const CheckSchema = Type.Object({ checkId: Type.String({ maxLength: 40 }), text: Type.String({ maxLength: 120 }), ok: Type.Boolean(), note: Type.String({ maxLength: 500 }) })

const CountSchema = Type.Object({
  itemId: Type.String({ maxLength: 40 }),
  name: Type.String({ maxLength: 40 }),
  kind: literalUnion(COUNT_KINDS),
  expected: Type.Number({ minimum: 0 }),
  counted: Type.Number({ minimum: 0 }),
  note: Type.String({ maxLength: 500 }),
  /** receiptBook: the next unused receipt number. */
  nextReceiptNo: Type.String({ maxLength: 30 }),
})

export const HandoverSchema = Type.Object({
  id: IdSchema,
  siteId: IdSchema,
  fromShiftKey: Type.String({ pattern: SHIFT_KEY_PATTERN }),
  toShiftKey: Type.String({ pattern: SHIFT_KEY_PATTERN }),
  outgoingId: IdSchema,
  incomingId: IdSchema,
  arrivedAt: InstantSchema,
  shiftStartsAt: InstantSchema,
  late: Type.Boolean(),
  acknowledgements: Type.Array(AckSchema, { maxItems: 2000 }),
  checks: Type.Array(CheckSchema, { maxItems: 40 }),
  counts: Type.Array(CountSchema, { maxItems: 40 }),
  outgoingSignatureId: IdSchema,
  incomingSignatureId: IdSchema,
  outgoingSignedAt: InstantSchema,
  incomingSignedAt: InstantSchema,
  createdAt: InstantSchema,
})
export type Handover = Static<typeof HandoverSchema>
export type HandoverAck = Static<typeof AckSchema>
export type HandoverCheck = Static<typeof CheckSchema>
export type HandoverCount = Static<typeof CountSchema>

/** 篇2 4.3.1: incoming arrives `leadMinutes` before the shift; later is late (篇2 4.2.7). Exactly on the mark is on time. */
export function isLate(arrivedAt: number, shiftStartsAt: number, leadMinutes: number): boolean {
  return arrivedAt > shiftStartsAt - leadMinutes * MINUTE
}

export interface PendingItem {
  kind: HandoverAck['kind']
  itemId: string
}

export type HandoverProblem =
  | { code: 'sameStaff' }
  | { code: 'pendingNotAcknowledged'; itemId: string }
  | { code: 'checkMissing'; checkId: string }
  | { code: 'checkNoteRequired'; checkId: string }
  | { code: 'countMissing'; itemId: string }
  | { code: 'countMismatchNote'; itemId: string }
  | { code: 'outgoingSignatureMissing' }
  | { code: 'incomingSignatureMissing' }
  | { code: 'alreadyHandedOver' }

export interface HandoverDraft {
  outgoingId: string
  incomingId: string
  acknowledgements: readonly Pick<HandoverAck, 'itemId'>[]
  checks: readonly Pick<HandoverCheck, 'checkId' | 'ok' | 'note'>[]
  counts: readonly Pick<HandoverCount, 'itemId' | 'expected' | 'counted' | 'note'>[]
  outgoingSignatureId: string | null
  incomingSignatureId: string | null
}

/** Everything still missing before a handover may be signed off; empty means complete. */
export function handoverProblems(
  draft: HandoverDraft,
  pending: readonly PendingItem[],
  template: Pick<HandoverTemplate, 'items' | 'checks'>,
  alreadyHandedOver = false,
): HandoverProblem[] {
  const out: HandoverProblem[] = []
  if (alreadyHandedOver) out.push({ code: 'alreadyHandedOver' })
  if (draft.outgoingId === draft.incomingId) out.push({ code: 'sameStaff' })
  const acked = new Set(draft.acknowledgements.map((a) => a.itemId))
  for (const p of pending) if (!acked.has(p.itemId)) out.push({ code: 'pendingNotAcknowledged', itemId: p.itemId })
  for (const c of template.checks) {
    const answer = draft.checks.find((x) => x.checkId === c.id)
    if (!answer) out.push({ code: 'checkMissing', checkId: c.id })
    else if (!answer.ok && !answer.note.trim()) out.push({ code: 'checkNoteRequired', checkId: c.id })
  }
  for (const item of template.items) {
    const count = draft.counts.find((x) => x.itemId === item.id)
    if (!count || !Number.isFinite(count.counted)) out.push({ code: 'countMissing', itemId: item.id })
    else if (count.counted !== count.expected && !count.note.trim()) out.push({ code: 'countMismatchNote', itemId: item.id })
  }
  if (!draft.outgoingSignatureId) out.push({ code: 'outgoingSignatureMissing' })
  if (!draft.incomingSignatureId) out.push({ code: 'incomingSignatureMissing' })
  return out
}

/**
 * What each item should count at this handover: what the last one counted (篇2 4.3.3), open loans from the
 * desk services log. An item no handover counted yet (the site's first handover, or an item added to
 * the template since) expects the template's starting count and receipt number, else 0 and ''.
 */
export function expectedCounts(template: Pick<HandoverTemplate, 'items'>, last: Pick<Handover, 'counts'> | null, openLoans: number, receiptsIssued: readonly string[] = []): Omit<HandoverCount, 'counted' | 'note'>[] {
  // Receipts written out since the last handover (desk services log, 篇2 4.4.1 i): the book goes on after the highest.
  const issued = receiptRange(receiptsIssued.map((receiptNo) => ({ receiptNo })))
  return template.items.map((item) => {
    const before = last?.counts.find((c) => c.itemId === item.id)
    const carried = before ? before.nextReceiptNo : item.kind === 'receiptBook' ? (item.nextReceiptNo ?? '') : ''
    return {
      itemId: item.id,
      name: item.name,
      kind: item.kind,
      expected: item.kind === 'loans' ? openLoans : before ? before.counted : (item.initial ?? 0),
      nextReceiptNo: item.kind === 'receiptBook' && issued ? nextReceiptNo(issued.last) : carried,
    }
  })
}

/**
 * Which handover the incoming clerk is about to do: normally from the shift on duty to the next one
 * (arriving before it starts, 篇2 4.3.1); arriving after the next shift started, from the one that ended,
 * as long as it has not been handed over (a late arrival, 篇2 4.2.7).
 */
export function handoverPair<W extends { startsAt: number; key: string }>(previous: W | null, current: W | null, next: W | null, handedOver: (key: string) => boolean): { from: W; to: W } | null {
  if (previous && current && !handedOver(previous.key)) return { from: previous, to: current }
  if (current && next && !handedOver(current.key)) return { from: current, to: next }
  return null
}

/** A shift's log is locked once it has been handed over (篇2 4.3.4–4.3.5): nobody writes to it after. */
export function isLocked(shiftKey: string, handovers: readonly Pick<Handover, 'fromShiftKey'>[]): boolean {
  return handovers.some((h) => h.fromShiftKey === shiftKey)
}

/** Limits of the template form; the schema's own (40 items, 40 checks, 40/120 characters, 0–100000, 30). */
export const TEMPLATE_LIMITS = { list: 40, name: 40, text: 120, initial: 100000, receiptNo: 30 } as const

export type TemplateProblemCode =
  | 'itemsEmpty'
  | 'itemsTooMany'
  | 'checksEmpty'
  | 'checksTooMany'
  | 'itemNameRequired'
  | 'itemNameTooLong'
  | 'itemNameDuplicate'
  | 'itemIdDuplicate'
  | 'loansMoreThanOne'
  | 'initialInvalid'
  | 'receiptNoTooLong'
  | 'checkTextRequired'
  | 'checkTextTooLong'
  | 'checkIdDuplicate'

/** A problem of the whole template, or of the item / check at `index` (0-based, in the list it names). */
export interface TemplateProblem {
  code: TemplateProblemCode
  index?: number
}

/** Indexes of the entries whose key an earlier entry already has. */
function repeatedAt<T>(list: readonly T[], key: (x: T) => string): Set<number> {
  const seen = new Set<string>()
  const out = new Set<number>()
  list.forEach((x, i) => {
    const k = key(x)
    if (seen.has(k)) out.add(i)
    else seen.add(k)
  })
  return out
}

/**
 * Everything wrong with a handover template (篇2 4.3.3; 篇2 4.3.2 c), in form order; empty means it may be
 * stored. Texts are judged trimmed, as the tablet stores them: a blank name is missing and ' 钥匙'
 * repeats '钥匙'. The tablet checks before saving and the server before applying `handoverTemplate.put`
 * (the schema alone lets through an empty list, two items of one name or two 'loans' items, whose
 * counts the handover could not tell apart).
 */
export function templateProblems(template: Pick<HandoverTemplate, 'items' | 'checks'>): TemplateProblem[] {
  const out: TemplateProblem[] = []
  const L = TEMPLATE_LIMITS
  const { items, checks } = template
  if (!items.length) out.push({ code: 'itemsEmpty' })
  if (items.length > L.list) out.push({ code: 'itemsTooMany' })
  const names = repeatedAt(items, (i) => i.name.trim())
  const ids = repeatedAt(items, (i) => i.id)
  let loans = 0
  items.forEach((item, index) => {
    const name = item.name.trim()
    if (!name) out.push({ code: 'itemNameRequired', index })
    else if (name.length > L.name) out.push({ code: 'itemNameTooLong', index })
    else if (names.has(index)) out.push({ code: 'itemNameDuplicate', index })
    if (ids.has(index) || !item.id) out.push({ code: 'itemIdDuplicate', index })
    if (item.kind === 'loans' && ++loans > 1) out.push({ code: 'loansMoreThanOne', index })
    if (item.initial !== undefined && !(Number.isInteger(item.initial) && item.initial >= 0 && item.initial <= L.initial)) out.push({ code: 'initialInvalid', index })
    if ((item.nextReceiptNo ?? '').length > L.receiptNo) out.push({ code: 'receiptNoTooLong', index })
  })
  if (!checks.length) out.push({ code: 'checksEmpty' })
  if (checks.length > L.list) out.push({ code: 'checksTooMany' })
  const checkIds = repeatedAt(checks, (c) => c.id)
  checks.forEach((check, index) => {
    const text = check.text.trim()
    if (!text) out.push({ code: 'checkTextRequired', index })
    else if (text.length > L.text) out.push({ code: 'checkTextTooLong', index })
    if (checkIds.has(index) || !check.id) out.push({ code: 'checkIdDuplicate', index })
  })
  return out
}
