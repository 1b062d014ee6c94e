/**
 * The site's handover template (issue 5 point 5): the items counted at every handover (篇2 4.3.3) and the
 * desk environment checks (篇2 4.3.2 c; 篇3 九). One per site, editable (`handoverTemplate.put`, keyed by
 * site), changed by whoever may manage the site's settings — the server checks the same action.
 */
import { normaliseReceiptNo } from '@shared/domain/desk-services'
import { defaultHandoverTemplate, templateProblems, type HandoverTemplate, type TemplateProblem, type TemplateProblemCode } from '@shared/domain/handover'
import { can, type Role } from '@shared/domain/role'
import type { DeskbookDb } from '../database'
import { RecordInvalidError } from '../errors'
import { writeRecords, type Actor } from '../write-records'

/** A template problem, or 'notAllowed' when the person may not manage the site's settings. */
export type HandoverTemplateProblemCode = 'notAllowed' | TemplateProblemCode

/**
 * A problem of the whole template, or of the item / check at `index` (0-based, in the list it names);
 * a refused save (RecordInvalidError) shows each as `t('settings.handoverTemplate.problems.<code>', { n: index + 1 })`.
 */
export interface HandoverTemplateProblem extends Omit<TemplateProblem, 'code'> {
  code: HandoverTemplateProblemCode
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

/**
 * Save the site's template: refused without 'settings.manage' or with any problem (nothing written);
 * else the row and its outbox entry in one transaction. Only the lists that changed travel, so an
 * edit of the checks on one tablet and of the items on another both stand. Returns what was stored.
 */
export async function saveHandoverTemplate(db: DeskbookDb, actor: Actor, role: Role, template: HandoverTemplate, now = Date.now()): Promise<HandoverTemplate> {
  const next = normaliseTemplate({ ...template, siteId: actor.siteId })
  const found: HandoverTemplateProblem[] = can(role, 'settings.manage') ? templateProblems(next) : [{ code: 'notAllowed' }]
  if (found.length) throw new RecordInvalidError(found)
  const before = await db.handoverTemplates.get(next.siteId)
  const fields = before ? Object.fromEntries((['items', 'checks'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k])).map((k) => [k, next[k]])) : undefined
  if (fields && !Object.keys(fields).length) return next
  await writeRecords(db, actor, [{ name: 'handoverTemplate.put', row: next, fields }], now)
  return next
}

/** The site's handover template, or the regulations' default until the site saves its own. */
export async function handoverTemplate(db: DeskbookDb, siteId: string): Promise<HandoverTemplate> {
  return (await db.handoverTemplates.get(siteId)) ?? defaultHandoverTemplate(siteId)
}
