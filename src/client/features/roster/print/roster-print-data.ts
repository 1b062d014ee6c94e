/**
 * What the printed 排班表 shows, read from the tablet (issue 13 point 6): a version (`?version=`), or the
 * version in force for a month (`?month=`), with its number (第N版), the decision that approved it and the
 * three signed steps — 编制 (the administrator's submit: the version's own signature), 审核 (the supervisor's
 * approval) and 报送 (the manager's acknowledgement, 篇2 4.1.1) — each signature read by its subject; and for
 * the blank form, the site's desk staff and shift types.
 */
import type { LocationQuery } from 'vue-router'
import type { DeskbookDb } from '@client/db/database'
import { monthVersions } from '@client/db/roster/roster-month'
import { SnapshotNotFound } from '@client/composables/usePrintSnapshot'
import { laneFor, MonthSchema, shiftSnapshot, type RosterVersion, type ShiftSnapshot, type VersionState } from '@shared/domain/roster'
import { IdSchema } from '@shared/domain/ids'
import { isValid } from '@shared/domain/validation'
import type { RosterRequest } from '@shared/domain/roster-request'

export type RosterPrintScope = { kind: 'version'; id: string } | { kind: 'month'; month: string }

export function scopeFromQuery(q: LocationQuery): RosterPrintScope | null {
  const one = (v: unknown): string => (typeof v === 'string' ? v : '')
  if (isValid(IdSchema, one(q.version))) return { kind: 'version', id: one(q.version) }
  if (isValid(MonthSchema, one(q.month))) return { kind: 'month', month: one(q.month) }
  return null
}

export const SIGN_STEPS = ['draft', 'approve', 'acknowledge'] as const
export type SignStep = (typeof SIGN_STEPS)[number]

/** A signature line: who, when and the signature drawn on the tablet; null parts print as lines to sign. */
export interface RosterSigner {
  step: SignStep
  name: string
  at: number | null
  image: string | null
}

/** The leave or swap an approved change carried out (篇2 4.2.6), by name, for the line under the grid. */
export interface RosterPrintChange {
  kind: RosterRequest['kind']
  asker: string
  date: string
  toDate: string
  swapWith: string
  swapDate: string
  cover: string
}

export interface RosterPrintData {
  /** Set when the version carries out a leave or swap request. */
  change: RosterPrintChange | null
  version: RosterVersion
  state: VersionState
  /** 第N版 among the month's approved versions; null when not approved. */
  number: number | null
  approvedAt: number | null
  signers: RosterSigner[]
}

/** The version asked for, or the month's in force; SnapshotNotFound when it is not on this tablet (or not of its site). */
export async function loadRosterPrint(db: DeskbookDb, siteId: string, scope: RosterPrintScope): Promise<RosterPrintData> {
  const asked = scope.kind === 'version' ? await db.rosterVersions.get(scope.id) : null
  if (scope.kind === 'version' && (!asked || asked.siteId !== siteId)) throw new SnapshotNotFound(scope.id)
  const month = asked?.month ?? (scope.kind === 'month' ? scope.month : '')
  const { statuses, inForce } = await monthVersions(db, siteId, month)
  const status = asked ? statuses.find((s) => s.version.id === asked.id) : inForce
  if (!status) throw new SnapshotNotFound(month)
  const { version, decision, acknowledged } = status
  const approval = decision?.step === 'approve' ? decision : null
  // 编制 is the administrator's: a version made by approving a leave or swap keeps the draft it changes as drafted.
  let drafted = version
  while (drafted.source === 'request' && drafted.basedOnId) {
    const base = statuses.find((s) => s.version.id === drafted.basedOnId)?.version
    if (!base) break
    drafted = base
  }
  const records = [
    { step: 'draft' as const, subjectId: drafted.id, signatureId: drafted.signatureId, staffId: drafted.staffId, at: drafted.at },
    ...(approval ? [{ step: 'approve' as const, subjectId: approval.id, signatureId: approval.signatureId, staffId: approval.staffId, at: approval.at }] : []),
    ...(acknowledged ? [{ step: 'acknowledge' as const, subjectId: acknowledged.id, signatureId: acknowledged.signatureId, staffId: acknowledged.staffId, at: acknowledged.at }] : []),
  ]
  const [signatures, staff] = await Promise.all([db.signatures.where('subjectId').anyOf(records.map((r) => r.subjectId)).toArray(), db.staff.bulkGet(records.map((r) => r.staffId))])
  const signers = SIGN_STEPS.map((step): RosterSigner => {
    const i = records.findIndex((r) => r.step === step)
    const r = records[i]
    if (!r) return { step, name: '', at: null, image: null }
    const signature = signatures.find((s) => s.id === r.signatureId) ?? signatures.find((s) => s.subjectId === r.subjectId)
    return { step, name: staff[i]?.name ?? signature?.signerName ?? '', at: r.at, image: signature?.image ?? null }
  })
  return { version, state: status.state, number: status.number, approvedAt: approval?.at ?? null, signers, change: await changeOf(db, version) }
}

async function changeOf(db: DeskbookDb, version: RosterVersion): Promise<RosterPrintChange | null> {
  const request = version.source === 'request' && version.requestId ? await db.rosterRequests.get(version.requestId) : undefined
  if (!request) return null
  const answer = (await db.rosterAnswers.where('requestId').equals(request.id).toArray()).find((a) => a.versionId === version.id)
  const [asker, swapWith, cover] = await db.staff.bulkGet([request.staffId, request.swapWithId ?? '', answer?.coverId ?? ''])
  return { kind: request.kind, asker: asker?.name ?? '', date: request.date, toDate: request.toDate, swapWith: swapWith?.name ?? '', swapDate: request.swapDate ?? '', cover: cover?.name ?? '' }
}

export interface RosterBlankData {
  names: string[]
  shifts: ShiftSnapshot[]
}

/** The blank form: the names of the site's active desk staff (篇2 4.1.2) and the shift types in use. */
export async function loadRosterBlank(db: DeskbookDb, siteId: string): Promise<RosterBlankData> {
  const [staff, types] = await Promise.all([db.staff.where('siteId').equals(siteId).toArray(), db.shiftTypes.where('siteId').equals(siteId).toArray()])
  const names = staff.filter((s) => s.active && laneFor(s.role) === 'desk').map((s) => s.name)
  return { names: names.sort((a, b) => a.localeCompare(b, 'zh-CN')), shifts: shiftSnapshot(types) }
}
