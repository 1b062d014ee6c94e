/** The roster for printing, read once per scope (usePrintSnapshot); the blank form's staff and shift types. */
import type { Ref, ShallowRef } from 'vue'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { SnapshotNotFound, usePrintSnapshot, type SnapshotState } from '@client/composables/usePrintSnapshot'
import { loadRosterBlank, loadRosterPrint, type RosterBlankData, type RosterPrintData, type RosterPrintScope } from './roster-print-data'

type Snapshot<D> = { data: ShallowRef<D | null>; state: Ref<SnapshotState> }

/** The tablet's site; a tablet not set up has nothing to print. */
function siteOf(session: ReturnType<typeof useSessionStore>): string {
  const id = session.local?.site.id
  if (!id) throw new SnapshotNotFound()
  return id
}

export function useRosterPrint(scope: Ref<RosterPrintScope | null>): Snapshot<RosterPrintData> {
  const db = useDb()
  const session = useSessionStore()
  return usePrintSnapshot(scope, (s) => loadRosterPrint(db, siteOf(session), s), 'the roster')
}

export function useRosterBlank(month: Ref<string | null>): Snapshot<RosterBlankData> {
  const db = useDb()
  const session = useSessionStore()
  return usePrintSnapshot(month, () => loadRosterBlank(db, siteOf(session)), 'the roster form')
}
