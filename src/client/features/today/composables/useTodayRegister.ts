import { computed, type ComputedRef } from 'vue'
import type { Queue, Viewer } from '@client/db/register/reception-queue'
import { queuesFor } from '@client/db/register/reception-queue'
import { defaultSettings } from '@shared/domain/settings'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useNow } from '@client/composables/useNow'
import { countRegister } from '@client/db/register/reception-queries'

const SHOWN: readonly Queue[] = ['escalated', 'overdue', 'mine', 'department']

/** What the today screen shows of the register: how many items wait in each of this role's queues (reviews: useTodayReviews). */
export function useTodayRegister(): { counts: ComputedRef<{ queue: Queue; n: number }[]> } {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(60_000)
  const queues = computed(() => (session.staff ? queuesFor(session.staff.role).filter((q) => SHOWN.includes(q)) : []))
  const counts = useLiveQuery(
    async () => {
      const staff = session.staff
      const local = session.local
      if (!staff || !local) return []
      const viewer: Viewer = { id: staff.id, role: staff.role, departmentId: staff.departmentId }
      const settings = local.settings ?? defaultSettings(local.site.id)
      return Promise.all(queues.value.map(async (queue) => ({ queue, n: await countRegister(db, local.site.id, { queue }, viewer, now.value, settings) })))
    },
    [] as { queue: Queue; n: number }[],
    [queues, now],
  )
  return { counts: computed(() => counts.value) }
}
