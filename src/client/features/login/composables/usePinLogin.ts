import { computed, ref, type Ref } from 'vue'
import type { StaffCard } from '@shared/domain/staff'
import { useDb } from '../../../modules/db'
import { useSessionStore } from '../../../stores/session'
import { useLiveQuery } from '../../../composables/useLiveQuery'
import { listStaff } from '../../../db/repositories/site'
import { loginWithPin, type LoginResult } from '../../../db/repositories/login'

/** Staff who can log in on this tablet, and the PIN check itself. */
export function usePinLogin(): {
  staff: Ref<StaffCard[]>
  busy: Ref<boolean>
  attempt: (staffId: string, pin: string) => Promise<LoginResult>
} {
  const db = useDb()
  const session = useSessionStore()
  const siteId = (): string => session.local?.site.id ?? ''
  const all = useLiveQuery(() => listStaff(db, siteId()), [], [siteId])
  const busy = ref(false)
  return {
    staff: computed(() => all.value.filter((s) => s.active)),
    busy,
    async attempt(staffId, pin) {
      busy.value = true
      try {
        const result = await loginWithPin(db, staffId, pin, Date.now())
        if (result.ok) session.signIn(result.staff, Date.now())
        return result
      } finally {
        busy.value = false
      }
    },
  }
}
