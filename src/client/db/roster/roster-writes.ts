/**
 * Writing the monthly roster (篇2 4.1.1; issue 13 points 1–2): the administrator paints the working copy
 * cell by cell and submits it as a signed version; the supervisor approves or returns it, the manager
 * acknowledges it — each a signed step. Every write goes with its outbox entry in one transaction; a
 * refusal (RecordInvalidError<RosterProblem>) writes nothing.
 */
import { newId } from '@shared/domain/ids'
import { can, type Role } from '@shared/domain/role'
import {
  cellId,
  codeFits,
  daysOf,
  laneFor,
  monthOf,
  snapshotOf,
  workingCodes,
  type Lane,
  type RosterCell,
  type RosterSnapshot,
  type RosterStep,
  type RosterVersion,
  type StepKind,
} from '@shared/domain/roster'
import { stepProblems, submitProblems, type StepProblem, type SubmitProblem } from '@shared/domain/roster-cycle'
import type { RequestProblem, AnswerProblem } from '@shared/domain/roster-request'
import { sameRoster } from '@shared/domain/roster-snapshot'
import type { Signature } from '@shared/domain/signature'
import { localDate } from '@shared/domain/time'
import type { DeskbookDb } from '../database'
import { writeRecords, writeTransaction, type Actor, type RecordWrite } from '../write-records'
import { RecordInvalidError } from '../errors'
import { monthCells, monthVersions } from './roster-month'

/** Why a roster write was refused: `roster.problems.<code>`. */
export type RosterProblem = SubmitProblem | StepProblem | RequestProblem | AnswerProblem | 'notAllowed' | 'notInMonth' | 'unknownStaff' | 'wrongLane' | 'unknownVersion' | 'unknownRequest' | 'signatureRequired' | 'nothingPainted'

type StaffActor = Actor & { staffId: string }

export interface SignatureInput {
  image: string
  name: string
  signedAt: number
}

const refuse = (problems: RosterProblem[]): RecordInvalidError<RosterProblem> => new RecordInvalidError([...new Set(problems)])

/** A signature record for `subjectType` `subjectId`, signed by the actor. */
export function signatureOf(actor: StaffActor, subjectType: 'rosterVersion' | 'rosterStep', subjectId: string, s: SignatureInput): Signature {
  return { id: newId(), siteId: actor.siteId, subjectType, subjectId, signerName: s.name, signerStaffId: actor.staffId, image: s.image, signedAt: s.signedAt }
}

export interface Paint {
  staffId: string
  date: string
  lane: Lane
  code: string
}

/**
 * Paint cells of the month's working copy (the administrator only, 篇2 3.2, 4.1.1). Refused while a version
 * waits for the supervisor — the supervisor reviews what was submitted, and the draft is not changed
 * under them — and for a month that is over. One transaction for a whole drag across cells.
 */
export async function paintCells(db: DeskbookDb, actor: StaffActor, role: Role, month: string, paints: readonly Paint[], tz: string, now: number): Promise<RosterCell[]> {
  if (!can(role, 'roster.draft')) throw refuse(['notAllowed'])
  if (paints.some((p) => monthOf(p.date) !== month)) throw refuse(['notInMonth'])
  if (month < monthOf(localDate(now, tz))) throw refuse(['pastMonth'])
  return writeTransaction(db, [db.rosterCells, db.rosterVersions, db.rosterSteps, db.staff], async () => {
    const { statuses } = await monthVersions(db, actor.siteId, month)
    if (statuses.some((s) => s.state === 'submitted')) throw refuse(['underReview'])
    const problems: RosterProblem[] = []
    const writes: RecordWrite[] = []
    const cells: RosterCell[] = []
    for (const p of paints) {
      const staff = await db.staff.get(p.staffId)
      if (!staff || staff.siteId !== actor.siteId) problems.push('unknownStaff')
      else if ((p.lane === 'desk' && laneFor(staff.role) !== 'desk') || !codeFits(p.code, p.lane)) problems.push('wrongLane')
      const id = cellId(actor.siteId, p.staffId, p.date, p.lane)
      const before = await db.rosterCells.get(id)
      const cell: RosterCell = { id, siteId: actor.siteId, staffId: p.staffId, date: p.date, lane: p.lane, code: p.code, at: now }
      // An edit sends the code and its time only: two tablets painting other cells never collide.
      writes.push({ name: 'rosterCell.put', row: cell, fields: before ? { code: cell.code, at: cell.at } : undefined })
      cells.push(cell)
    }
    if (problems.length) throw refuse(problems)
    if (writes.length) await writeRecords(db, actor, writes, now)
    return cells
  })
}

/** The working copy of the month as a version would freeze it, with what the roster in force holds. */
export async function draftOf(db: DeskbookDb, siteId: string, month: string): Promise<{ snapshot: RosterSnapshot; inForce: RosterSnapshot | null }> {
  const [cells, versions, staff, shifts] = await Promise.all([monthCells(db, siteId, month), monthVersions(db, siteId, month), db.staff.toArray(), db.shiftTypes.toArray()])
  const codes = workingCodes(cells, versions.statuses)
  const days = daysOf(month)
  const laid = [...codes].map(([key, code]) => {
    const [staffId, date, lane] = key.split('/') as [string, string, Lane]
    return { staffId, date, lane, code }
  })
  const snapshot = snapshotOf(
    month,
    staff.filter((s) => s.siteId === siteId),
    laid.filter((c) => days.includes(c.date)),
    shifts.filter((s) => s.siteId === siteId),
  )
  return { snapshot, inForce: versions.inForce?.version.snapshot ?? null }
}

/**
 * Submit the month's working copy as a new version, signed by the administrator (篇2 4.1.1 拟定). A change
 * to an approved roster says why; the approved version stays as it was.
 */
export async function submitRoster(db: DeskbookDb, actor: StaffActor, role: Role, month: string, reason: string, signature: SignatureInput | null, tz: string, now: number): Promise<RosterVersion> {
  if (!can(role, 'roster.draft')) throw refuse(['notAllowed'])
  return writeTransaction(db, [db.rosterCells, db.rosterVersions, db.rosterSteps, db.staff, db.shiftTypes, db.signatures], async () => {
    const { snapshot, inForce } = await draftOf(db, actor.siteId, month)
    const { statuses } = await monthVersions(db, actor.siteId, month)
    const problems: RosterProblem[] = submitProblems(month, reason, !!inForce && sameRoster(snapshot, inForce), statuses, now, tz)
    // An empty roster would decide that nobody stands the desk: nothing is submitted before something is painted.
    if (!snapshot.rows.some((r) => r.days.some(Boolean))) problems.push('nothingPainted')
    if (!signature) problems.push('signatureRequired')
    if (problems.length || !signature) throw refuse(problems)
    const id = newId()
    const sig = signatureOf(actor, 'rosterVersion', id, signature)
    const basedOn = statuses.filter((s) => s.number !== null).sort((a, b) => b.number! - a.number!)[0]
    const version: RosterVersion = { id, siteId: actor.siteId, month, source: 'draft', basedOnId: basedOn?.version.id ?? null, reason: reason.trim(), requestId: null, snapshot, staffId: actor.staffId, at: now, signatureId: sig.id }
    await writeRecords(db, actor, [{ name: 'signature.add', row: sig }, { name: 'rosterVersion.add', row: version }], now)
    return version
  })
}

const STEP_ACTION = { approve: 'roster.approve', return: 'roster.approve', acknowledge: 'roster.acknowledge' } as const

/**
 * The supervisor approves or returns (with comments) a submitted version; the manager acknowledges an
 * approved one (篇2 4.1.1 审核 … 报物业服务中心经理). Signed.
 */
export async function takeStep(db: DeskbookDb, actor: StaffActor, role: Role, versionId: string, step: StepKind, comment: string, signature: SignatureInput | null, now: number): Promise<RosterStep> {
  if (!can(role, STEP_ACTION[step])) throw refuse(['notAllowed'])
  return writeTransaction(db, [db.rosterVersions, db.rosterSteps, db.signatures], async () => {
    const version = await db.rosterVersions.get(versionId)
    if (!version || version.siteId !== actor.siteId) throw refuse(['unknownVersion'])
    const { statuses } = await monthVersions(db, actor.siteId, version.month)
    const status = statuses.find((s) => s.version.id === versionId)!
    const problems: RosterProblem[] = stepProblems({ step, comment }, status, statuses)
    if (!signature) problems.push('signatureRequired')
    if (problems.length || !signature) throw refuse(problems)
    const id = newId()
    const sig = signatureOf(actor, 'rosterStep', id, signature)
    const row: RosterStep = { id, siteId: actor.siteId, versionId, step, comment: comment.trim(), staffId: actor.staffId, at: now, signatureId: sig.id }
    await writeRecords(db, actor, [{ name: 'signature.add', row: sig }, { name: 'rosterStep.add', row }], now)
    return row
  })
}
