import { computed, type ComputedRef } from 'vue'
import { shiftKey } from '@shared/domain/duty-log'
import type { ShiftWindow } from '@shared/domain/shift-type'
import { useCurrentShift } from './useCurrentShift'

export interface ShiftRef {
  key: string
  window: ShiftWindow
}

/** The shift on duty now as a log key (and the next one), from the site's shift types. */
export function useShiftKeys(): { now: ComputedRef<number>; current: ComputedRef<ShiftRef | null>; next: ComputedRef<ShiftRef | null> } {
  const shift = useCurrentShift()
  const ref = (w: ShiftWindow | null): ShiftRef | null => (w ? { key: shiftKey(w.date, w.shiftType.id), window: w } : null)
  return { now: computed(() => shift.now.value), current: computed(() => ref(shift.current.value)), next: computed(() => ref(shift.next.value)) }
}
