/**
 * An approved roster for a month of the roster site (issue 13 point 4): painted by the administrator,
 * submitted and approved by the supervisor through the tablet's own roster repository.
 */
import { daysOf } from '@shared/domain/roster'
import type { DeskbookDb } from '@client/db/database'
import { paintCells, submitRoster, takeStep, type Paint } from '@client/db/roster/roster-writes'
import { TZ } from './duty'
import type { RosterSite } from './roster-site'

/** The clerk on days and the colleague on nights every day of `month`, the administrator on days on `adminDays`. */
export function usualMonth(s: RosterSite, month: string, adminDays: readonly string[] = []): Paint[] {
  return daysOf(month).flatMap((date) => [
    { staffId: s.staff.clerk.id, date, lane: 'desk' as const, code: s.day },
    { staffId: s.staff.colleague.id, date, lane: 'desk' as const, code: s.night },
    { staffId: s.staff.administrator.id, date, lane: 'desk' as const, code: adminDays.includes(date) ? s.day : 'rest' },
  ])
}

/** Paint, submit and approve `month` at `at` (before the month: a month that is over cannot be painted). */
export async function approveRoster(db: DeskbookDb, s: RosterSite, month: string, paints: readonly Paint[], at: number): Promise<void> {
  await paintCells(db, s.actor('administrator'), 'administrator', month, paints, TZ, at)
  const v = await submitRoster(db, s.actor('administrator'), 'administrator', month, '', s.sign('administrator', at), TZ, at)
  await takeStep(db, s.actor('supervisor'), 'supervisor', v.id, 'approve', '', s.sign('supervisor', at + 1), at + 1)
}
