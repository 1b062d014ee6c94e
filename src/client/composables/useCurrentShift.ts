import { computed, type ComputedRef, type Ref } from 'vue'
import { currentShift, nextShift, type ShiftWindow } from '@shared/domain/shift-type'
import { useSessionStore } from '../stores/session'
import { useNow } from './useNow'
import { useShiftTypes } from './useShiftTypes'

/** The shift on duty now and the next one, from the site's shift types (issue 2; the roster refines it later). */
export function useCurrentShift(): { now: Ref<number>; current: ComputedRef<ShiftWindow | null>; next: ComputedRef<ShiftWindow | null> } {
  const session = useSessionStore()
  const now = useNow()
  const types = useShiftTypes()
  const tz = computed(() => session.timezone)
  return {
    now,
    current: computed(() => currentShift(types.value, now.value, tz.value)),
    next: computed(() => nextShift(types.value, now.value, tz.value)),
  }
}
