/**
 * Server rules of the monthly roster (issue 13 point 7; 篇2 4.1.1–4.1.2, 4.2.6): what a role alone cannot
 * say, judged with the same shared rules the tablet uses. A cell is one staff member's, on the desk only for
 * who stands duty, holding a code of the site; a version is signed, names only staff of the site and, when it
 * changes an approved roster, an approved version of its month; a step is signed and taken once, as
 * `stepProblems` allows; a request is asked a day ahead against the roster in force; an answer is given once,
 * and an approval, given before the first shift concerned begins, names the version it made and a cover free to stand. Who may do each is the registry's action (only the
 * administrator drafts, the supervisor approves and answers, the manager acknowledges).
 */
import type { Role } from '@shared/domain/role'
import { cellId, codeFits, inForce, LEAVE, laneFor, monthOf, REST, versionStatuses, type RosterCell, type RosterStep, type RosterVersion, type VersionStatus } from '@shared/domain/roster'
import { stepProblems } from '@shared/domain/roster-cycle'
import { answerProblems, approvedRoster, requestLapsed, requestProblems, requestStartsAt, type RosterAnswer, type RosterRequest } from '@shared/domain/roster-request'
import { sameRoster, snapshotProblems } from '@shared/domain/roster-snapshot'
import { localDate } from '@shared/domain/time'
import { DEFAULT_TIMEZONE, MINUTE } from '@shared/domain/time'
import { childRecords, getRecord } from '../repositories/records'
import { findSite } from '../repositories/sites'
import type { Rule } from './rule'

type Trx = Parameters<Rule>[0]

/** A tablet's clock may run this far ahead of the server's: a request asked at 23:58 there is not refused here. */
const REQUEST_CLOCK_SLACK = 5 * MINUTE

const invalid = (problems: readonly string[]): string | null => (problems.length ? `invalid: ${problems.join(', ')}` : null)

const siteZone = async (trx: Trx, siteId: string): Promise<string> => (await findSite(trx, siteId))?.timezone ?? DEFAULT_TIMEZONE

async function live<T>(trx: Trx, siteId: string, table: string, id: string): Promise<T | null> {
  const r = await getRecord(trx, { siteId, table, recordId: id })
  return r && !r.deleted ? (r.data as unknown as T) : null
}

/** Where each version of the month stands, from its versions (parent: the month) and their steps. */
async function monthStatuses(trx: Trx, siteId: string, month: string): Promise<VersionStatus[]> {
  const versions = (await childRecords(trx, siteId, 'rosterVersions', month)) as unknown as RosterVersion[]
  const steps = (await Promise.all(versions.map((v) => childRecords(trx, siteId, 'rosterSteps', v.id)))).flat() as unknown as RosterStep[]
  return versionStatuses(versions, steps)
}

/** Was the record signed, its signature written before it (signatures name what they sign)? */
async function signed(trx: Trx, siteId: string, subjectType: string, subjectId: string, signatureId: string): Promise<boolean> {
  return (await childRecords(trx, siteId, 'signatures', subjectId)).some((s) => s.id === signatureId && s.subjectType === subjectType)
}

const cellRule: Rule = async (trx, siteId, _m, data) => {
  const c = data as unknown as RosterCell
  // The id says which cell it is, so two tablets painting it write one record (last writer wins per cell).
  if (c.id !== cellId(siteId, c.staffId, c.date, c.lane)) return 'invalid: cellIdMismatch'
  const staff = await live<{ role: Role }>(trx, siteId, 'staff', c.staffId)
  if (!staff) return 'invalid: unknownStaff'
  // 篇2 4.1.2: the desk is stood by 客服助理 and 客服管理员; anyone else helps out as support only.
  if (c.lane === 'desk' && laneFor(staff.role) !== 'desk') return 'invalid: notOnDesk'
  if (!codeFits(c.code, c.lane)) return 'invalid: codeNotForLane'
  if (c.code && c.code !== REST && c.code !== LEAVE && !(await live(trx, siteId, 'shiftTypes', c.code))) return 'invalid: unknownShiftType'
  return null
}

/** A version names its source consistently: a draft no request, a request's version its request. */
function sourceProblem(v: RosterVersion): string | null {
  if (v.source === 'draft' && v.requestId) return 'invalid: draftWithRequest'
  if (v.source === 'request' && !v.requestId) return 'invalid: requestRequired'
  return null
}

/** A version carrying out a request: an asked request of the month, changing an approved version, answered not yet, carried out once. */
async function requestVersionProblem(trx: Trx, siteId: string, v: RosterVersion, statuses: readonly VersionStatus[]): Promise<string | null> {
  const request = await live<RosterRequest>(trx, siteId, 'rosterRequests', v.requestId!)
  if (!request) return 'unknownRosterRequest'
  if (monthOf(request.date) !== v.month) return 'invalid: monthsDiffer'
  // A request changes the roster in force (`requestProblems` refuses one without it): the draft follows by what changed from it.
  if (!v.basedOnId) return 'invalid: basedOnRequired'
  if ((await childRecords(trx, siteId, 'rosterAnswers', request.id)).length) return 'invalid: alreadyAnswered'
  const base = statuses.find((s) => s.version.id === v.basedOnId)?.version
  if (base && requestLapsed(requestStartsAt(request, base, await siteZone(trx, siteId)), v.at)) return 'invalid: shiftStarted'
  const done = statuses.some((s) => s.state === 'approved' && s.version.requestId === request.id)
  return done ? 'invalid: requestCarriedOut' : null
}

const versionRule: Rule = async (trx, siteId, _m, data) => {
  const v = data as unknown as RosterVersion
  const problem = sourceProblem(v)
  if (problem) return problem
  if (!(await signed(trx, siteId, 'rosterVersion', v.id, v.signatureId))) return 'invalid: signature missing'
  const statuses = await monthStatuses(trx, siteId, v.month)
  if (v.basedOnId) {
    const base = statuses.find((s) => s.version.id === v.basedOnId)
    if (!base) return (await live(trx, siteId, 'rosterVersions', v.basedOnId)) ? 'invalid: basedOnOtherMonth' : 'unknownRosterVersion'
    if (base.state !== 'approved') return 'invalid: basedOnNotApproved'
  }
  const roles = new Map<string, Role | null>()
  for (const staffId of new Set(v.snapshot.rows.map((r) => r.staffId))) roles.set(staffId, (await live<{ role: Role }>(trx, siteId, 'staff', staffId))?.role ?? null)
  const malformed = invalid(snapshotProblems(v.month, v.snapshot, (id) => roles.get(id) ?? null))
  if (malformed) return malformed
  if (v.source === 'request') return requestVersionProblem(trx, siteId, v, statuses)
  // A draft that changes an approved roster says why (篇2 4.1.1); a month over when it was drafted is history.
  const approved = inForce(statuses)
  if (approved && !v.basedOnId) return 'invalid: basedOnRequired'
  if (approved && !v.reason.trim()) return 'invalid: reasonRequired'
  return v.month < monthOf(localDate(v.at, await siteZone(trx, siteId))) ? 'invalid: pastMonth' : null
}

const stepRule: Rule = async (trx, siteId, _m, data) => {
  const step = data as unknown as RosterStep
  const version = await live<RosterVersion>(trx, siteId, 'rosterVersions', step.versionId)
  if (!version) return 'unknownRosterVersion'
  const statuses = await monthStatuses(trx, siteId, version.month)
  const status = statuses.find((s) => s.version.id === version.id)
  if (!status) return 'unknownRosterVersion'
  const found = invalid(stepProblems(step, status, statuses))
  if (found) return found
  return (await signed(trx, siteId, 'rosterStep', step.id, step.signatureId)) ? null : 'invalid: signature missing'
}

const requestRule: Rule = async (trx, siteId, _m, data, _actor, now) => {
  const r = data as unknown as RosterRequest
  // 提前一天 is judged by when it was asked: a tablet offline asks at its `at`, not when it reaches the server.
  if (r.at > now + REQUEST_CLOCK_SLACK) return 'invalid: askedInFuture'
  const tz = await siteZone(trx, siteId)
  const version = inForce(await monthStatuses(trx, siteId, monthOf(r.date)))?.version ?? null
  const others = (await childRecords(trx, siteId, 'rosterRequests', r.staffId)) as unknown as RosterRequest[]
  const answers = new Map<string, RosterAnswer>()
  for (const o of others) {
    const [answer] = (await childRecords(trx, siteId, 'rosterAnswers', o.id)) as unknown as RosterAnswer[]
    if (answer) answers.set(o.id, answer)
  }
  return invalid(requestProblems(r, version, others, (id) => answers.get(id) ?? null, tz))
}

const answerRule: Rule = async (trx, siteId, _m, data) => {
  const a = data as unknown as RosterAnswer
  const request = await live<RosterRequest>(trx, siteId, 'rosterRequests', a.requestId)
  if (!request) return 'unknownRosterRequest'
  const [existing] = (await childRecords(trx, siteId, 'rosterAnswers', a.requestId)) as unknown as RosterAnswer[]
  if (a.decision === 'refuse') return invalid(answerProblems(a, existing ?? null, null)) ?? (a.versionId ? 'invalid: versionOnRefusal' : null)
  if (existing) return 'invalid: alreadyAnswered'
  // 篇2 4.2.6: an approved change is a new version of the roster, written before the answer that names it.
  if (!a.versionId) return 'invalid: versionRequired'
  const version = await live<RosterVersion>(trx, siteId, 'rosterVersions', a.versionId)
  if (!version) return 'unknownRosterVersion'
  if (version.source !== 'request' || version.requestId !== a.requestId) return 'invalid: versionNotOfRequest'
  // Two tablets approving offline from the same roster: the second version is overtaken and not approved, so
  // its answer is not taken either — the request stays open everywhere rather than read approved while the
  // roster in force lacks it.
  const status = (await monthStatuses(trx, siteId, version.month)).find((s) => s.version.id === version.id)
  if (status?.state !== 'approved') return 'invalid: versionNotApproved'
  // The cover as the tablet judged it: on the roster the change was made from, not the asker, free that day.
  const base = version.basedOnId ? await live<RosterVersion>(trx, siteId, 'rosterVersions', version.basedOnId) : null
  if (!base) return null
  const late = invalid(answerProblems(a, null, requestStartsAt(request, base, await siteZone(trx, siteId))))
  if (late) return late
  const outcome = approvedRoster(base, request, a.coverId)
  // The version is the change the answer approves: the cover it names stands the shifts, nothing else moved.
  return invalid(outcome.problems) ?? (sameRoster(outcome.snapshot, version.snapshot) ? null : 'invalid: versionNotTheAnswer')
}

export const ROSTER_RULES: Record<string, Rule> = {
  'rosterCell.put': cellRule,
  'rosterVersion.add': versionRule,
  'rosterStep.add': stepRule,
  'rosterRequest.add': requestRule,
  'rosterAnswer.add': answerRule,
}
