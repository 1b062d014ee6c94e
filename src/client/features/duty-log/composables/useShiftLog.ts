import { computed, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { loggedEntries, type DutyEntry } from '@shared/domain/duty-log'
import type { ShiftWindow } from '@shared/domain/shift-type'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { loadShiftLog, type ShiftLog } from '@client/db/duty/duty-log'
import type { ReceptionIndexRow } from '@client/db/register/index-row'
import type { ShiftDuty } from '@client/db/roster/roster-duty'
import { useShiftDuty } from '@client/composables/useShiftDuty'

export type LogRow =
  | {
      kind: 'entry'
      at: number
      entry: DutyEntry
      corrected: boolean
      resolved: boolean
      original: DutyEntry | null
      /** Corrections made after the handover (更正 on the locked log), shown beneath the entry as signed. */
      lateCorrections: DutyEntry[]
      /** The open follow-up the handover passed on: to whom (篇2 4.3.5). */
      handedTo: string | null
    }
  | { kind: 'reception'; at: number; reception: ReceptionIndexRow }

/**
 * A shift's log as it reads now: entries (latest corrections from before the handover, later ones beside
 * them) and the requests registered in its time, by time; and who stands the shift (the roster once the
 * month's is approved, else who started duty: issue 13 point 4).
 */
export function useShiftLog(window: Ref<ShiftWindow | null>, key: Ref<string | null>): { log: ShallowRef<ShiftLog | null>; rows: ComputedRef<LogRow[]>; duty: ShallowRef<ShiftDuty | null> } {
  const db = useDb()
  const session = useSessionStore()
  const log = useLiveQuery<ShiftLog | null>(
    async () => (window.value && key.value && session.local ? loadShiftLog(db, session.local.site.id, key.value, window.value) : null),
    null,
    [window, key],
  )
  const rows = computed<LogRow[]>(() => {
    const l = log.value
    if (!l) return []
    const byId = new Map(l.entries.map((e) => [e.id, e]))
    const passedOn = l.handover ? { to: l.handover.incomingId, itemIds: l.handover.acknowledgements.map((a) => a.itemId) } : null
    const entries: LogRow[] = loggedEntries(l.entries, passedOn)
      .filter((c) => c.entry.kind === 'entry' || c.entry.kind === 'noShow')
      .map((c) => ({ kind: 'entry', at: byId.get(c.rootId)?.at ?? c.entry.at, ...c, original: c.corrected ? (byId.get(c.rootId) ?? null) : null }))
    const receptions: LogRow[] = l.receptions.map((r) => ({ kind: 'reception', at: r.receivedAt, reception: r }))
    return [...entries, ...receptions].sort((a, b) => a.at - b.at)
  })
  return { log, rows, duty: useShiftDuty(() => key.value) }
}
