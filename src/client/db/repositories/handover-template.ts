/**
 * The site's handover template (issue 5 point 5): the items counted at every handover (4.3.3) and the
 * desk environment checks (4.3.2 c; 篇3 九). One per site, editable (`handoverTemplate.put`, keyed by
 * site), changed by whoever may manage the site's settings — the server checks the same action.
 */
import { normaliseReceiptNo } from '@shared/domain/desk-services'
import { HandoverTemplateSchema, type HandoverTemplate } from '@shared/domain/handover'
import { can, type Role } from '@shared/domain/role'
import { assertValid } from '@shared/domain/validation'
import type { DeskbookDb } from '../database'
import { writeRecords, type Actor } from '../write-records'

/** Limits of the form; the schema's own (40 items, 40 checks, 40/120 characters, 0–100000, 30). */
export const TEMPLATE_LIMITS = { list: 40, name: 40, text: 120, initial: 100000, receiptNo: 30 } as const

export type HandoverTemplateProblemCode =
  | 'notAllowed'
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
export interface HandoverTemplateProblem {
  code: HandoverTemplateProblemCode
  index?: number
}

/** A template save refused; each problem is shown as `t('settings.handoverTemplate.problems.<code>', { n: index + 1 })`. */
export class HandoverTemplateInvalidError extends Error {
  override readonly name = 'HandoverTemplateInvalidError'
  constructor(readonly problems: HandoverTemplateProblem[]) {
    super(problems.map((p) => (p.index === undefined ? p.code : `${p.code}@${p.index}`)).join(', '))
  }
}

/**
 * The template as stored: texts trimmed, receipt numbers written as the desk services log writes them,
 * and what an item's kind does not use left out (loans are counted from the log, so no starting count;
 * only a receipt book has a receipt number). Kept as a plain object without `undefined` fields.
 */
export function normaliseTemplate(template: HandoverTemplate): HandoverTemplate {
  return {
    siteId: template.siteId,
    items: template.items.map((item) => {
      const out: HandoverTemplate['items'][number] = { id: item.id, name: item.name.trim(), kind: item.kind }
      if (item.kind !== 'loans' && item.initial !== undefined) out.initial = item.initial
      const receiptNo = item.kind === 'receiptBook' ? normaliseReceiptNo(item.nextReceiptNo ?? '') : ''
      if (receiptNo) out.nextReceiptNo = receiptNo
      return out
    }),
    checks: template.checks.map((c) => ({ id: c.id, text: c.text.trim() })),
  }
}

/** Indexes of the entries whose key an earlier entry already has. */
function repeated<T>(list: readonly T[], key: (x: T) => string): number[] {
  const seen = new Set<string>()
  return list.flatMap((x, i) => {
    const k = key(x)
    if (seen.has(k)) return [i]
    seen.add(k)
    return []
  })
}

/** Everything wrong with a (normalised) template, in form order; empty means it may be saved. */
export function templateProblems(template: HandoverTemplate): HandoverTemplateProblem[] {
  const out: HandoverTemplateProblem[] = []
  const L = TEMPLATE_LIMITS
  const { items, checks } = template
  if (!items.length) out.push({ code: 'itemsEmpty' })
  if (items.length > L.list) out.push({ code: 'itemsTooMany' })
  const names = new Set(repeated(items, (i) => i.name))
  const ids = new Set(repeated(items, (i) => i.id))
  let loans = 0
  items.forEach((item, index) => {
    if (!item.name) out.push({ code: 'itemNameRequired', index })
    else if (item.name.length > L.name) out.push({ code: 'itemNameTooLong', index })
    else if (names.has(index)) out.push({ code: 'itemNameDuplicate', index })
    if (ids.has(index) || !item.id) out.push({ code: 'itemIdDuplicate', index })
    if (item.kind === 'loans' && ++loans > 1) out.push({ code: 'loansMoreThanOne', index })
    if (item.initial !== undefined && !(Number.isInteger(item.initial) && item.initial >= 0 && item.initial <= L.initial)) out.push({ code: 'initialInvalid', index })
    if ((item.nextReceiptNo ?? '').length > L.receiptNo) out.push({ code: 'receiptNoTooLong', index })
  })
  if (!checks.length) out.push({ code: 'checksEmpty' })
  if (checks.length > L.list) out.push({ code: 'checksTooMany' })
  const checkIds = new Set(repeated(checks, (c) => c.id))
  checks.forEach((check, index) => {
    if (!check.text) out.push({ code: 'checkTextRequired', index })
    else if (check.text.length > L.text) out.push({ code: 'checkTextTooLong', index })
    if (checkIds.has(index) || !check.id) out.push({ code: 'checkIdDuplicate', index })
  })
  return out
}

/**
 * Save the site's template: refused without 'settings.manage' or with any problem (nothing written);
 * else the row and its outbox entry in one transaction. Only the lists that changed travel, so an
 * edit of the checks on one tablet and of the items on another both stand. Returns what was stored.
 */
export async function saveHandoverTemplate(db: DeskbookDb, actor: Actor, role: Role, template: HandoverTemplate, now = Date.now()): Promise<HandoverTemplate> {
  const next = normaliseTemplate({ ...template, siteId: actor.siteId })
  const found: HandoverTemplateProblem[] = can(role, 'settings.manage') ? templateProblems(next) : [{ code: 'notAllowed' }]
  if (found.length) throw new HandoverTemplateInvalidError(found)
  assertValid(HandoverTemplateSchema, next)
  const before = await db.handoverTemplates.get(next.siteId)
  const fields = before ? Object.fromEntries((['items', 'checks'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k])).map((k) => [k, next[k]])) : undefined
  if (fields && !Object.keys(fields).length) return next
  await writeRecords(db, actor, [{ table: 'handoverTemplates', row: next, key: next.siteId, name: 'handoverTemplate.put', fields }], now)
  return next
}
