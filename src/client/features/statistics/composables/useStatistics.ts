/**
 * The site's statistics for a period (issue 16): the records the period and the period before need, read
 * through the statistics repository and kept current (a sync or a new request counts at once), and the
 * figures of the shared rules at "now" (moving each minute: escalation is derived from time). While a new
 * period is read, nothing of the old one is shown under its name.
 */
import { computed, type ComputedRef, type Ref } from 'vue'
import { siteStatistics, type Period, type SiteStatistics, type StatisticsInput } from '@shared/domain/statistics'
import { defaultSettings } from '@shared/domain/settings'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useNow } from '@client/composables/useNow'
import { useSiteStaff } from '@client/composables/useSiteStaff'
import { statisticsInput } from '@client/db/statistics/statistics-input'

export interface UseStatistics {
  stats: ComputedRef<SiteStatistics | null>
  loading: ComputedRef<boolean>
  /** A staff member's name, or 已删除人员 for one no longer listed. */
  staffName: (id: string) => string
}

export function useStatistics(period: Ref<Period>, unknown: () => string): UseStatistics {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(60_000)
  const { staff } = useSiteStaff()
  const settings = computed(() => session.local?.settings ?? defaultSettings(session.local?.site.id ?? ''))
  const key = computed(() => JSON.stringify([period.value, settings.value]))
  const read = useLiveQuery<{ key: string; input: StatisticsInput } | null>(
    async () => {
      const asked = key.value
      return { key: asked, input: await statisticsInput(db, settings.value, period.value) }
    },
    null,
    [key],
  )
  const current = computed(() => (read.value?.key === key.value ? read.value.input : null))
  const names = computed(() => new Map(staff.value.map((s) => [s.id, s.name])))
  return {
    stats: computed(() => (current.value ? siteStatistics(current.value, period.value, now.value) : null)),
    loading: computed(() => current.value === null),
    staffName: (id) => names.value.get(id) ?? unknown(),
  }
}
