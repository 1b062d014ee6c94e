/**
 * Rules a role alone cannot express, checked on the server before a mutation is applied
 * (issue 4 point 8): a timeline event needs its request; a department acts only on what was handed
 * to it; a supervisor takes over at the supervisor's level, a manager at the manager's.
 */
import { can, type Role } from '@shared/domain/role'
import { lockedLogProblem, type DutyEntry } from '@shared/domain/duty-log'
import { templateProblems, type Handover, type HandoverTemplate } from '@shared/domain/handover'
import { eventProblems, type ReceptionEvent } from '@shared/domain/reception-event'
import { receptionProblems, type Reception } from '@shared/domain/reception'
import { sortEvents } from '@shared/domain/reception-status'
import { childRecords, getRecord } from '../repositories/records'
import { findSite } from '../repositories/sites'
import { periodEnded, type Review } from '@shared/domain/review'
import { DEFAULT_TIMEZONE, MINUTE } from '@shared/domain/time'
import { INSPECTION_RULES } from './inspection-rules'
import { ROSTER_RULES } from './roster-rules'
import { ARCHIVE_RULES } from './archive-rules'
import { DEPARTMENT_DELETION_RULES, DEPARTMENT_RULES } from './department-rules'
import type { Rule } from './rule'

const receptionEventRule: Rule = async (trx, siteId, _m, data, actor) => {
  const event = data as unknown as ReceptionEvent
  const problems = eventProblems(event)
  if (problems.length) return `invalid: ${problems.join(', ')}`
  const reception = await getRecord(trx, { siteId, table: 'receptions', recordId: event.receptionId })
  if (!reception || reception.deleted) return 'unknownReception'
  if (event.type === 'takenOver' && actor.role !== 'admin') {
    // 篇4 4.7: the supervisor takes over at the supervisor's level; 篇4 4.8: the manager at the manager's.
    if (actor.role === 'supervisor' && event.level !== 'supervisor') return 'notAllowed: a supervisor takes over at the supervisor level'
    if (actor.role === 'manager' && event.level !== 'manager') return 'notAllowed: a manager takes over at the manager level'
  }
  if (actor.role === 'department') {
    // 篇4 3.4: a department handles what was handed to it, nothing else.
    const events = sortEvents((await childRecords(trx, siteId, 'receptionEvents', event.receptionId)) as unknown as ReceptionEvent[])
    const handed = events.findLast((e) => e.type === 'handedOver' && e.at <= event.at) ?? events.findLast((e) => e.type === 'handedOver')
    if (!handed || handed.departmentId !== actor.departmentId) return 'notAllowed: not handed to this department'
    if (event.type !== 'departmentDone' && event.type !== 'followUp') return 'notAllowed: a department reports and follows up only'
  }
  return null
}

/** The register form's own rules hold on the server too (a tablet's clock may differ, so not the time rule). */
const receptionRule: Rule = async (_trx, _siteId, _m, data) => {
  const problems = receptionProblems(data as unknown as Reception, Number.MAX_SAFE_INTEGER)
  return problems.length ? `invalid: ${problems.join(', ')}` : null
}

/**
 * 篇2 4.3.4–4.3.5: once a shift is handed over its log is locked — it takes a correction (更正) of one
 * of its own entries and nothing else (`lockedLogProblem`, issue 10 point 3).
 */
const dutyEntryRule: Rule = async (trx, siteId, _m, data, actor) => {
  const entry = data as unknown as DutyEntry
  const [handover] = await childRecords(trx, siteId, 'handovers', entry.shiftKey)
  const target = entry.correctsId ? await getRecord(trx, { siteId, table: 'dutyEntries', recordId: entry.correctsId }) : null
  const problem = lockedLogProblem(entry, target && !target.deleted ? (target.data as unknown as DutyEntry) : null, handover ? String(handover.id) : null, actor.role)
  if (!problem) return null
  return handover ? `logLocked: the shift was handed over (${problem})` : `invalid: ${problem}`
}

/** 篇2 4.3.4: one handover per shift, between two different clerks, both of whom signed. */
const handoverRule: Rule = async (trx, siteId, _m, data) => {
  const h = data as unknown as Handover
  if (h.outgoingId === h.incomingId) return 'invalid: sameStaff'
  if ((await childRecords(trx, siteId, 'handovers', h.fromShiftKey)).length) return 'alreadyHandedOver'
  const outgoing = await getRecord(trx, { siteId, table: 'staff', recordId: h.outgoingId })
  if (!outgoing || outgoing.deleted || outgoing.data.active !== true || !can(outgoing.data.role as Role, 'handover.sign')) return 'notAllowed: the outgoing clerk may not sign a handover'
  const signatures = new Set((await childRecords(trx, siteId, 'signatures', h.id)).map((s) => s.id))
  if (!signatures.has(h.outgoingSignatureId) || !signatures.has(h.incomingSignatureId)) return 'invalid: signatures missing'
  return null
}

/**
 * The site's handover template as strictly as the tablet's form (篇2 4.3.3; 篇2 4.3.2 c): at least one item
 * and check, names and ids unique, one 'loans' item at most — else the handover could not tell counts
 * apart. Checked on the merged record, so an edit of one list is judged with the other as stored.
 */
const handoverTemplateRule: Rule = async (_trx, _siteId, _m, data) => {
  const problems = templateProblems(data as unknown as HandoverTemplate)
  return problems.length ? `invalid: ${problems.map((p) => (p.index === undefined ? p.code : `${p.code}@${p.index}`)).join(', ')}` : null
}

/** A tablet's clock may run this far ahead of the server's: a review signed just after midnight there is not refused here. */
const REVIEW_CLOCK_SLACK = 5 * MINUTE

/** 篇4 4.3, 4.9, 篇2 4.2.5: a day (or week) is reviewed once it has ended, in the site's time zone — as the tablet refuses it. */
const reviewRule: Rule = async (trx, siteId, _m, data, _actor, now) => {
  const review = data as unknown as Review
  const site = await findSite(trx, siteId)
  return periodEnded(review.kind, review.period, now + REVIEW_CLOCK_SLACK, site?.timezone ?? DEFAULT_TIMEZONE) ? null : 'periodNotOver'
}

export const RECORD_RULES: Record<string, Rule> = {
  'reception.create': receptionRule,
  'receptionEvent.add': receptionEventRule,
  'dutyEntry.add': dutyEntryRule,
  'handover.add': handoverRule,
  'handoverTemplate.put': handoverTemplateRule,
  'review.add': reviewRule,
  ...INSPECTION_RULES,
  ...ROSTER_RULES,
  ...ARCHIVE_RULES,
  ...DEPARTMENT_RULES,
}

/** Rules for deleting (a tombstone over) a live record; a table without one may be deleted. */
export const DELETION_RULES: Record<string, Rule> = {
  ...DEPARTMENT_DELETION_RULES,
}
