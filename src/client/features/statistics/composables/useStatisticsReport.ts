/**
 * The month's statistics for the printed report, read once as a snapshot (a print preview must not change
 * under the reader while a sync brings rows): the records the month and the month before need, the figures at
 * the moment the page opened, and the staff's names.
 */
import type { Ref, ShallowRef } from 'vue'
import { monthPeriod, siteStatistics, type SiteStatistics } from '@shared/domain/statistics'
import { defaultSettings } from '@shared/domain/settings'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { usePrintSnapshot, type SnapshotState } from '@client/composables/usePrintSnapshot'
import { statisticsInput } from '@client/db/statistics/statistics-input'
import { listStaff } from '@client/db/site/site'

export interface StatisticsReport {
  stats: SiteStatistics
  names: Map<string, string>
}

/** Reads the report of `month` (`YYYY-MM`) at `now`. */
export function useStatisticsReportLoader(): (month: string, now: number) => Promise<StatisticsReport> {
  const db = useDb()
  const session = useSessionStore()
  return async (month, now) => {
    const siteId = session.local?.site.id ?? ''
    const settings = session.local?.settings ?? defaultSettings(siteId)
    const period = monthPeriod(month)
    const [input, staff] = await Promise.all([statisticsInput(db, settings, period), listStaff(db, siteId)])
    return { stats: siteStatistics(input, period, now), names: new Map(staff.map((s) => [s.id, s.name])) }
  }
}

export function useStatisticsReport(month: Ref<string | null>, now: number): { data: ShallowRef<StatisticsReport | null>; state: Ref<SnapshotState> } {
  const load = useStatisticsReportLoader()
  return usePrintSnapshot(month, (m) => load(m, now), 'the statistics report')
}
