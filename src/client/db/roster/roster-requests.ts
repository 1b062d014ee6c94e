/**
 * Leave and swaps (篇2 4.2.6; issue 13 point 3): a person on the roster asks for themselves, at least a day
 * ahead; only the supervisor answers. Approving writes, in one transaction, the new version of the roster
 * the change makes (signed by the supervisor and approved as it is made), its approval step and the answer.
 */
import { newId } from '@shared/domain/ids'
import { can, type Role } from '@shared/domain/role'
import { monthOf, type RosterStep, type RosterVersion } from '@shared/domain/roster'
import { answerProblems, approvedRoster, requestProblems, requestStartsAt, type RosterAnswer, type RosterRequest } from '@shared/domain/roster-request'
import type { DeskbookDb } from '../database'
import { writeRecords, writeTransaction, type Actor, type RecordWrite } from '../write-records'
import { RecordInvalidError } from '../errors'
import { monthVersions } from './roster-month'
import { signatureOf, type RosterProblem, type SignatureInput } from './roster-writes'

type StaffActor = Actor & { staffId: string }

const refuse = (problems: RosterProblem[]): RecordInvalidError<RosterProblem> => new RecordInvalidError([...new Set(problems)])

export type RequestInput = Pick<RosterRequest, 'kind' | 'date' | 'toDate' | 'swapWithId' | 'swapDate' | 'reason'>

/** The first answer to each request (two tablets answering offline: the earlier stands). */
async function answersOf(db: DeskbookDb, ids: readonly string[]): Promise<Map<string, RosterAnswer>> {
  const out = new Map<string, RosterAnswer>()
  if (!ids.length) return out
  for (const a of (await db.rosterAnswers.where('requestId').anyOf([...ids]).toArray()).sort((x, y) => x.at - y.at)) if (!out.has(a.requestId)) out.set(a.requestId, a)
  return out
}

/** Ask for 调休, 请假 or a swap, for oneself (篇2 4.2.6: 须提前一天向客户服务主管说明). */
export async function askForChange(db: DeskbookDb, actor: StaffActor, role: Role, input: RequestInput, tz: string, now: number): Promise<RosterRequest> {
  if (!can(role, 'roster.request')) throw refuse(['notAllowed'])
  const request: RosterRequest = {
    id: newId(),
    siteId: actor.siteId,
    kind: input.kind,
    staffId: actor.staffId,
    date: input.date,
    toDate: input.kind === 'swap' ? input.date : input.toDate,
    swapWithId: input.kind === 'swap' ? input.swapWithId : null,
    swapDate: input.kind === 'swap' ? input.swapDate : null,
    reason: input.reason.trim(),
    at: now,
  }
  return writeTransaction(db, [db.rosterRequests, db.rosterAnswers, db.rosterVersions, db.rosterSteps], async () => {
    const { inForce } = await monthVersions(db, actor.siteId, monthOf(request.date))
    const mine = (await db.rosterRequests.where('staffId').equals(actor.staffId).toArray()).filter((r) => r.siteId === actor.siteId)
    const answers = await answersOf(db, mine.map((r) => r.id))
    const problems = requestProblems(request, inForce?.version ?? null, mine, (id) => answers.get(id) ?? null, tz)
    if (problems.length) throw refuse(problems)
    await writeRecords(db, actor, [{ name: 'rosterRequest.add', row: request }], now)
    return request
  })
}

export interface AnswerInput {
  decision: 'approve' | 'refuse'
  /** Who stands the shifts given up (time off, leave); null leaves them to the others on the shift. */
  coverId: string | null
  reason: string
  /** The supervisor's signature: an approval makes a version of the roster. */
  signature: SignatureInput | null
}

/** The supervisor answers a request (篇2 4.2.6: 经批准的缺值由客户服务主管安排替值或换值), an approval before its first shift begins. */
export async function answerRequest(db: DeskbookDb, actor: StaffActor, role: Role, requestId: string, input: AnswerInput, tz: string, now: number): Promise<RosterAnswer> {
  if (!can(role, 'roster.approve')) throw refuse(['notAllowed'])
  return writeTransaction(db, [db.rosterRequests, db.rosterAnswers, db.rosterVersions, db.rosterSteps, db.signatures], async () => {
    const request = await db.rosterRequests.get(requestId)
    if (!request || request.siteId !== actor.siteId) throw refuse(['unknownRequest'])
    const existing = (await answersOf(db, [requestId])).get(requestId) ?? null
    const { inForce } = await monthVersions(db, actor.siteId, monthOf(request.date))
    const answer: RosterAnswer = { id: newId(), siteId: actor.siteId, requestId, decision: input.decision, coverId: input.decision === 'approve' && request.kind !== 'swap' ? input.coverId : null, reason: input.reason.trim(), versionId: null, staffId: actor.staffId, at: now }
    const problems: RosterProblem[] = answerProblems(answer, existing, inForce ? requestStartsAt(request, inForce.version, tz) : null)
    if (input.decision === 'refuse') {
      if (problems.length) throw refuse(problems)
      await writeRecords(db, actor, [{ name: 'rosterAnswer.add', row: answer }], now)
      return answer
    }
    if (!inForce) problems.push('noRoster')
    if (!input.signature) problems.push('signatureRequired')
    const outcome = inForce ? approvedRoster(inForce.version, request, answer.coverId) : null
    if (outcome) problems.push(...outcome.problems)
    if (problems.length || !inForce || !outcome || !input.signature) throw refuse(problems)
    const versionId = newId()
    const stepId = newId()
    const versionSig = signatureOf(actor, 'rosterVersion', versionId, input.signature)
    const stepSig = signatureOf(actor, 'rosterStep', stepId, input.signature)
    const version: RosterVersion = { id: versionId, siteId: actor.siteId, month: inForce.version.month, source: 'request', basedOnId: inForce.version.id, reason: request.reason, requestId, snapshot: outcome.snapshot, staffId: actor.staffId, at: now, signatureId: versionSig.id }
    const step: RosterStep = { id: stepId, siteId: actor.siteId, versionId, step: 'approve', comment: input.reason.trim(), staffId: actor.staffId, at: now, signatureId: stepSig.id }
    const writes: RecordWrite[] = [
      { name: 'signature.add', row: versionSig },
      { name: 'rosterVersion.add', row: version },
      { name: 'signature.add', row: stepSig },
      { name: 'rosterStep.add', row: step },
      { name: 'rosterAnswer.add', row: { ...answer, versionId } },
    ]
    await writeRecords(db, actor, writes, now)
    return { ...answer, versionId }
  })
}
