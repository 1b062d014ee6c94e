import type { ShallowRef } from 'vue'
import { useDb } from '../modules/db'
import { useSessionStore } from '../stores/session'
import { useLiveQuery } from './useLiveQuery'
import { shiftDuty, type ShiftDuty } from '../db/roster/roster-duty'

/**
 * Who stands the shift `key` (issue 13 point 4), kept current: the roster's clerks and off-roster takeovers
 * once the month's roster is approved, else who started duty — null until read or without a shift.
 */
export function useShiftDuty(key: () => string | null | undefined): ShallowRef<ShiftDuty | null> {
  const db = useDb()
  const session = useSessionStore()
  return useLiveQuery(
    async () => {
      const k = key()
      return k && session.local ? shiftDuty(db, session.local.site.id, k) : null
    },
    null,
    [key, () => session.local?.site.id],
  )
}
