/** The duty log of a shift, a day or a month for printing, read once per scope (usePrintSnapshot). */
import type { Ref, ShallowRef } from 'vue'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { SnapshotNotFound, usePrintSnapshot, type SnapshotState } from '@client/composables/usePrintSnapshot'
import { DutyPrintScopeError, loadDutyPrint, type DutyPrintData, type DutyPrintScope } from '@client/features/duty-log/print/duty-print-data'

export type DutyPrintState = SnapshotState

export function useDutyPrint(scope: Ref<DutyPrintScope | null>): { data: ShallowRef<DutyPrintData | null>; state: Ref<DutyPrintState> } {
  const db = useDb()
  const session = useSessionStore()
  return usePrintSnapshot(
    scope,
    async (s) => {
      const local = session.local
      if (!local) throw new SnapshotNotFound()
      try {
        return await loadDutyPrint(db, local.site.id, s, session.timezone, Date.now())
      } catch (e) {
        throw e instanceof DutyPrintScopeError ? new SnapshotNotFound(e.message) : e
      }
    },
    'the duty log',
  )
}
