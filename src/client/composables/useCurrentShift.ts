import { computed, shallowRef, watchEffect, type ComputedRef, type Ref } from 'vue'
import { currentShift, nextShift, type ShiftType, type ShiftWindow } from '@shared/domain/shift-type'
import { useSessionStore } from '../stores/session'
import { useDb } from '../modules/db'
import { listShiftTypes } from '../db/repositories/site'
import { useNow } from './useNow'

/** The shift on duty now and the next one, from the site's shift types (issue 2; the roster refines it later). */
export function useCurrentShift(): { now: Ref<number>; current: ComputedRef<ShiftWindow | null>; next: ComputedRef<ShiftWindow | null> } {
  const session = useSessionStore()
  const db = useDb()
  const now = useNow()
  const types = shallowRef<ShiftType[]>([])
  watchEffect(() => {
    const siteId = session.local?.site.id
    if (siteId) void listShiftTypes(db, siteId).then((rows) => (types.value = rows))
  })
  const tz = computed(() => session.local?.settings.timezone ?? 'Asia/Shanghai')
  return {
    now,
    current: computed(() => currentShift(types.value, now.value, tz.value)),
    next: computed(() => nextShift(types.value, now.value, tz.value)),
  }
}
