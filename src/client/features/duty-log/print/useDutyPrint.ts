/**
 * The duty log of a shift, a day or a month for printing: read once per scope as a snapshot (a
 * print preview must not change under the reader while a sync brings new rows).
 */
import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { DEFAULT_TIMEZONE } from '@shared/domain/time'
import { useDb } from '../../../modules/db'
import { useSessionStore } from '../../../stores/session'
import { DutyPrintScopeError, loadDutyPrint, type DutyPrintData, type DutyPrintScope } from '../../../db/repositories/duty-print'

export type DutyPrintState = 'loading' | 'ready' | 'notFound' | 'failed'

export function useDutyPrint(scope: Ref<DutyPrintScope | null>): { data: ShallowRef<DutyPrintData | null>; state: Ref<DutyPrintState> } {
  const db = useDb()
  const session = useSessionStore()
  const data = shallowRef<DutyPrintData | null>(null)
  const state = ref<DutyPrintState>('loading')
  let generation = 0
  watch(
    scope,
    async (s) => {
      const mine = ++generation
      data.value = null
      state.value = 'loading'
      const local = session.local
      if (!s || !local) {
        state.value = 'notFound'
        return
      }
      try {
        const loaded = await loadDutyPrint(db, local.site.id, s, local.settings.timezone ?? DEFAULT_TIMEZONE, Date.now())
        if (mine !== generation) return
        data.value = loaded
        state.value = 'ready'
      } catch (e) {
        if (mine !== generation) return
        if (e instanceof DutyPrintScopeError) state.value = 'notFound'
        else {
          console.error('reading the duty log failed', e)
          state.value = 'failed'
        }
      }
    },
    { immediate: true, deep: true },
  )
  return { data, state }
}
