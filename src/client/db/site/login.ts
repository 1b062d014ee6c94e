/**
 * PIN login on the shared tablet, offline (issue 2 point 5). The throttle state is kept in
 * the database, so reloading the page does not reset the count of wrong PINs.
 */
import { verifyPin } from '@shared/domain/pin'
import { afterFailure, afterSuccess, attemptsLeft, NO_FAILURES, waitLeft } from '@client/db/site/pin-throttle'
import { staffCard, type StaffCard } from '@shared/domain/staff'
import type { DeskbookDb } from '../database'

export type LoginResult =
  | { ok: true; staff: StaffCard }
  | { ok: false; reason: 'wrongPin'; attemptsLeft: number }
  | { ok: false; reason: 'throttled'; waitMs: number }
  | { ok: false; reason: 'unknownStaff' | 'inactive' }

export async function loginWithPin(db: DeskbookDb, staffId: string, pin: string, now = Date.now()): Promise<LoginResult> {
  const staff = await db.staff.get(staffId)
  if (!staff) return { ok: false, reason: 'unknownStaff' }
  if (!staff.active) return { ok: false, reason: 'inactive' }
  const throttle = (await db.loginThrottle.get(staffId)) ?? { staffId, ...NO_FAILURES }
  const wait = waitLeft(throttle, now)
  if (wait > 0) return { ok: false, reason: 'throttled', waitMs: wait }

  if (await verifyPin(pin, staff.pin)) {
    await db.loginThrottle.put({ staffId, ...afterSuccess() })
    return { ok: true, staff: staffCard(staff) }
  }
  const next = afterFailure(throttle, now)
  await db.loginThrottle.put({ staffId, ...next })
  if (next.lockedUntil > now) return { ok: false, reason: 'throttled', waitMs: next.lockedUntil - now }
  return { ok: false, reason: 'wrongPin', attemptsLeft: attemptsLeft(next.failures) }
}
