/**
 * Inspections for printing — one (`?id=`) or a month (`?month=`), oldest first — with the names of
 * staff and shifts: read once per scope as a snapshot, so the preview does not change under the
 * reader while a sync brings rows. Someone who does not inspect gets only inspections of themselves.
 */
import type { Ref, ShallowRef } from 'vue'
import { parseShiftKey } from '@shared/domain/duty-log'
import { instantAt } from '@shared/domain/time'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { SnapshotNotFound, usePrintSnapshot, type SnapshotState } from '@client/composables/usePrintSnapshot'
import { inspectionsBetween, loadInspection, type InspectionRecord } from '@client/db/inspection/inspections'
import { listShiftTypes, listStaff } from '@client/db/site/site'
import { mayView, nextMonth, type InspectionPrintScope } from '../print/inspection-print-rows'

export interface InspectionPrintData {
  records: InspectionRecord[]
  staffNames: Map<string, string>
  /** `2026-11-27 白班` by shift key. */
  shiftLabel: (shiftKey: string) => string
}

export type InspectionPrintState = SnapshotState

export function useInspectionPrint(scope: Ref<InspectionPrintScope | null>): { data: ShallowRef<InspectionPrintData | null>; state: Ref<InspectionPrintState> } {
  const db = useDb()
  const session = useSessionStore()

  async function records(s: InspectionPrintScope, siteId: string, tz: string): Promise<InspectionRecord[]> {
    if (s.kind === 'one') {
      const one = await loadInspection(db, s.id)
      return one && one.inspection.siteId === siteId ? [one] : []
    }
    const from = instantAt(`${s.month}-01`, '00:00', tz)
    const to = instantAt(`${nextMonth(s.month)}-01`, '00:00', tz)
    const list = (await inspectionsBetween(db, siteId, from, to)).reverse()
    return (await Promise.all(list.map((i) => loadInspection(db, i.id)))).filter((r): r is InspectionRecord => !!r)
  }

  return usePrintSnapshot(
    scope,
    async (s) => {
      const local = session.local
      const viewer = session.staff
      if (!local || !viewer) throw new SnapshotNotFound()
      const siteId = local.site.id
      const [all, staff, types] = await Promise.all([records(s, siteId, session.timezone), listStaff(db, siteId), listShiftTypes(db, siteId)])
      const visible = all.filter((r) => mayView(r.inspection, viewer.id, session.may('inspection.record')))
      if (s.kind === 'one' && !visible.length) throw new SnapshotNotFound()
      const typeNames = new Map(types.map((t) => [t.id, t.name]))
      return {
        records: visible,
        staffNames: new Map(staff.map((p) => [p.id, p.name])),
        shiftLabel: (key: string) => {
          const k = parseShiftKey(key)
          return k ? `${k.date} ${typeNames.get(k.shiftTypeId) ?? ''}`.trim() : key
        },
      }
    },
    'inspections for printing',
  )
}
