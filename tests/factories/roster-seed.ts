/**
 * A month's roster as the tablet keeps it (issue 13), for the roster's print e2e test and the roster
 * benchmark: the working copy cell by cell, painted in a rotation (each shift, then 休: 白, 夜, 休) so every
 * shift has people; support days for the back-office staff; the version the administrator submitted, the supervisor's
 * approval and the manager's acknowledgement, each signed; optionally a revision with its reason (a leave
 * covered by a colleague). Pure and deterministic.
 */
import { newId } from '@shared/domain/ids'
import { cellId, daysOf, laneFor, LEAVE, snapshotOf, type RosterCell, type RosterStaff, type RosterStep, type RosterVersion } from '@shared/domain/roster'
import type { ShiftType } from '@shared/domain/shift-type'
import type { Signature } from '@shared/domain/signature'
import { makeSignature, TINY_PNG } from './duty-seed'

export interface RosterMonthParts {
  siteId: string
  month: string
  /** Desk staff rotate; others get support days on `supportDays` (1-based days of the month). */
  staff: readonly RosterStaff[]
  shifts: readonly ShiftType[]
  administrator: { id: string; name: string }
  supervisor: { id: string; name: string }
  manager: { id: string; name: string }
  /** When the administrator submits; each later step an hour after the one before. */
  submittedAt: number
  supportDays?: readonly number[]
  image?: string
  /** A second version: `staffId` on leave on `days`, `coverId` standing their shifts, for `reason`. */
  revision?: { staffId: string; coverId: string; days: readonly number[]; reason: string }
}

export interface RosterMonth {
  cells: RosterCell[]
  versions: RosterVersion[]
  steps: RosterStep[]
  signatures: Signature[]
}

const HOUR = 3_600_000

/** Day `i` of the month for the `k`-th desk person: each shift in turn, then 休 (白, 夜, 休), each person a day on from the one before. */
function rotation(shifts: readonly ShiftType[], k: number, i: number): string {
  const turn = (i + k) % (shifts.length + 1)
  return turn === shifts.length ? 'rest' : shifts[turn]!.id
}

export function rosterMonth(p: RosterMonthParts): RosterMonth {
  const image = p.image ?? TINY_PNG
  const days = daysOf(p.month)
  const cells: RosterCell[] = []
  const desk = p.staff.filter((s) => laneFor(s.role) === 'desk')
  desk.forEach((s, k) => days.forEach((date, i) => cells.push({ id: cellId(p.siteId, s.id, date, 'desk'), siteId: p.siteId, staffId: s.id, date, lane: 'desk', code: rotation(p.shifts, k, i), at: p.submittedAt - HOUR })))
  for (const s of p.staff.filter((x) => laneFor(x.role) === 'support')) {
    for (const d of p.supportDays ?? []) {
      const date = days[d - 1]!
      cells.push({ id: cellId(p.siteId, s.id, date, 'support'), siteId: p.siteId, staffId: s.id, date, lane: 'support', code: p.shifts[0]!.id, at: p.submittedAt - HOUR })
    }
  }
  const out: RosterMonth = { cells, versions: [], steps: [], signatures: [] }
  const submit = (at: number, snapshot: RosterVersion['snapshot'], basedOnId: string | null, reason: string): RosterVersion => {
    const id = newId()
    const sig = makeSignature(p.siteId, 'rosterVersion', id, p.administrator.id, p.administrator.name, at, image)
    const version: RosterVersion = { id, siteId: p.siteId, month: p.month, source: 'draft', basedOnId, reason, requestId: null, snapshot, staffId: p.administrator.id, at, signatureId: sig.id }
    out.signatures.push(sig)
    out.versions.push(version)
    for (const [step, who, later] of [['approve', p.supervisor, 1], ['acknowledge', p.manager, 2]] as const) {
      const stepId = newId()
      const s = makeSignature(p.siteId, 'rosterStep', stepId, who.id, who.name, at + later * HOUR, image)
      out.signatures.push(s)
      out.steps.push({ id: stepId, siteId: p.siteId, versionId: id, step, comment: '', staffId: who.id, at: at + later * HOUR, signatureId: s.id })
    }
    return version
  }
  const first = submit(p.submittedAt, snapshotOf(p.month, p.staff, cells, [...p.shifts]), null, '')
  if (p.revision) {
    const r = p.revision
    const snapshot = structuredClone(first.snapshot)
    const asker = snapshot.rows.find((row) => row.lane === 'desk' && row.staffId === r.staffId)!
    const cover = snapshot.rows.find((row) => row.lane === 'desk' && row.staffId === r.coverId)!
    for (const d of r.days) {
      if (!cover.days[d - 1] || cover.days[d - 1] === 'rest') cover.days[d - 1] = asker.days[d - 1]!
      asker.days[d - 1] = LEAVE
    }
    submit(p.submittedAt + 24 * HOUR, snapshot, first.id, r.reason)
  }
  return out
}
