/**
 * The roster's cycle (篇2 4.1.1: 客服管理员每月25日前拟定下月前台《排班表》,经客户服务主管审核后报物业服务中心经理):
 * the administrator submits next month's draft by the 25th, the supervisor approves or returns it, the
 * manager acknowledges the approved version. "Now" is always a parameter; days are the site's.
 */
import { addMonths, awaitingReview, inForce, monthOf, versionStatuses, type RosterStep, type RosterVersion, type StepKind, type VersionStatus } from './roster'
import { localDate } from './time'
import type { Role } from './role'

/** 篇2 4.1.1: next month's draft is submitted by the end of this day of the month. */
export const DRAFT_DEADLINE_DAY = 25
/** From this day of the month on the administrator's and supervisor's today screens remind them. */
export const DRAFT_REMINDER_DAY = 20

export type DraftDue =
  | { state: 'none' }
  /** From the 20th to the 25th: next month has nothing submitted yet. */
  | { state: 'due'; month: string; deadline: string }
  /** After the 25th and still nothing submitted. */
  | { state: 'overdue'; month: string; deadline: string }

/** Has `month` a version waiting for the supervisor or approved (a returned one must be submitted again)? */
function submitted(versions: readonly RosterVersion[], steps: readonly RosterStep[], month: string): boolean {
  return versionStatuses(
    versions.filter((v) => v.month === month),
    steps,
  ).some((s) => s.state !== 'returned')
}

/**
 * Is next month's roster due at `now`? From the 20th, until a version of it is submitted. `versions` and
 * `steps` may hold other months too: only next month's count.
 */
export function draftDue(versions: readonly RosterVersion[], steps: readonly RosterStep[], now: number, tz: string): DraftDue {
  const today = localDate(now, tz)
  const day = Number(today.slice(8, 10))
  if (day < DRAFT_REMINDER_DAY) return { state: 'none' }
  const month = addMonths(monthOf(today), 1)
  if (submitted(versions, steps, month)) return { state: 'none' }
  const deadline = `${monthOf(today)}-${DRAFT_DEADLINE_DAY}`
  return { state: day > DRAFT_DEADLINE_DAY ? 'overdue' : 'due', month, deadline }
}

/**
 * This month, when it began with no roster submitted or approved: still to be drafted, late since last
 * month's 25th (flagged until one is submitted), or null.
 */
export function rosterMissing(versions: readonly RosterVersion[], steps: readonly RosterStep[], now: number, tz: string): { month: string; deadline: string } | null {
  const month = monthOf(localDate(now, tz))
  return submitted(versions, steps, month) ? null : { month, deadline: `${addMonths(month, -1)}-${DRAFT_DEADLINE_DAY}` }
}

/** Who takes which step: the supervisor approves or returns (篇2 4.1.1 审核), the manager acknowledges (报…经理). */
export const STEP_ROLE: Record<StepKind, Role> = { approve: 'supervisor', return: 'supervisor', acknowledge: 'manager' }

export type StepProblem = 'alreadyDecided' | 'notApproved' | 'alreadyAcknowledged' | 'commentRequired' | 'notLatest' | 'overtaken'

/**
 * Why `step` cannot be taken on the version now (none when it can): a version is decided once; only an
 * approved one is acknowledged, once; a return says why. Only the draft last submitted for the month is
 * decided — an older one that was overtaken stays as it is. A version is approved only as a change of the
 * roster in force: one made from an older version (a leave was approved meanwhile) would undo what was
 * approved since, so it can only be returned, and the administrator submits again from the roster in force.
 */
export function stepProblems(step: Pick<RosterStep, 'step' | 'comment'>, status: VersionStatus, monthStatuses: readonly VersionStatus[]): StepProblem[] {
  if (step.step === 'acknowledge') {
    if (status.state !== 'approved') return ['notApproved']
    return status.acknowledged ? ['alreadyAcknowledged'] : []
  }
  const out: StepProblem[] = []
  if (status.state !== 'submitted') out.push('alreadyDecided')
  else if (status.version.source === 'draft' && monthStatuses.some((s) => s.version.at > status.version.at && s.version.source === 'draft')) out.push('notLatest')
  else if (step.step === 'approve' && (status.version.basedOnId ?? null) !== (inForce(monthStatuses)?.version.id ?? null)) out.push('overtaken')
  if (step.step === 'return' && !step.comment.trim()) out.push('commentRequired')
  return out
}

export type SubmitProblem = 'reasonRequired' | 'underReview' | 'nothingChanged' | 'pastMonth'

/**
 * Why the administrator cannot submit the month's working copy as a version now: one already waits for the
 * supervisor; a change to an approved roster gives its reason and changes something (篇2 4.1.1, issue 13 point 2);
 * a month that is over is history.
 */
export function submitProblems(month: string, reason: string, sameAsInForce: boolean, monthStatuses: readonly VersionStatus[], now: number, tz: string): SubmitProblem[] {
  const out: SubmitProblem[] = []
  if (month < monthOf(localDate(now, tz))) out.push('pastMonth')
  if (awaitingReview(monthStatuses)) out.push('underReview')
  if (monthStatuses.some((s) => s.state === 'approved')) {
    if (!reason.trim()) out.push('reasonRequired')
    if (sameAsInForce) out.push('nothingChanged')
  }
  return out
}
