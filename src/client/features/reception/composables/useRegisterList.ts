import { computed, type Ref, type ShallowRef } from 'vue'
import { defaultQueue, queuesFor, type Queue, type Viewer } from '@shared/domain/reception-queue'
import { defaultSettings } from '@shared/domain/settings'
import { useDb } from '../../../modules/db'
import { useSessionStore } from '../../../stores/session'
import { useLiveQuery } from '../../../composables/useLiveQuery'
import { useNow } from '../../../composables/useNow'
import { queryRegister, type RegisterQuery, type RegisterRow } from '../../../db/repositories/reception-queries'

/** The register as a role sees it: its queues, the rows of the chosen queue and search, kept current. */
export function useRegisterList(query: Ref<RegisterQuery>): { rows: ShallowRef<RegisterRow[]>; queues: Ref<Queue[]>; viewer: Ref<Viewer | null> } {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(60_000)
  const viewer = computed<Viewer | null>(() => (session.staff ? { id: session.staff.id, role: session.staff.role, departmentId: session.staff.departmentId } : null))
  const rows = useLiveQuery(
    async () => {
      const v = viewer.value
      const local = session.local
      if (!v || !local) return []
      return queryRegister(db, local.site.id, query.value, v, now.value, local.settings ?? defaultSettings(local.site.id))
    },
    [],
    [query, viewer, now, () => session.local?.settings],
  )
  return { rows, queues: computed(() => (session.staff ? queuesFor(session.staff.role) : [])), viewer }
}

export function initialQueue(role: Parameters<typeof defaultQueue>[0] | undefined): Queue {
  return role ? defaultQueue(role) : 'all'
}
