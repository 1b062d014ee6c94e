import type { ShallowRef } from 'vue'
import type { ShiftType } from '@shared/domain/shift-type'
import { useDb } from '../modules/db'
import { useSessionStore } from '../stores/session'
import { useLiveQuery } from './useLiveQuery'
import { listShiftTypes } from '../db/site/site'

/** The site's shift types, by start time. */
export function useShiftTypes(): ShallowRef<ShiftType[]> {
  const db = useDb()
  const session = useSessionStore()
  const siteId = (): string => session.local?.site.id ?? ''
  return useLiveQuery(() => listShiftTypes(db, siteId()), [], [siteId])
}
