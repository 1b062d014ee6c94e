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

export interface RosterPrintData {
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
  const records = [
    { step: 'draft' as const, subjectId: version.id, signatureId: version.signatureId, staffId: version.staffId, at: version.at },
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
  return { version, state: status.state, number: status.number, approvedAt: approval?.at ?? null, signers }
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
