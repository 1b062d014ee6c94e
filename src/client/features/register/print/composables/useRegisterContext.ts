/** What the pure register builders take, from the session: the site's timezone and complaint deadline, the phones this viewer may see. */
import { computed, type ComputedRef } from 'vue'
import type { RegisterContext } from '@client/features/register/rows/register-rows'
import { defaultSettings } from '@shared/domain/settings'
import { useSessionStore } from '@client/stores/session'
import type { RegisterNames } from './useRegisterPrint'
import { useRegisterText } from './useRegisterText'

/** Null until the names are read. */
export function useRegisterContext(names: () => RegisterNames | null): ComputedRef<RegisterContext | null> {
  const t = useRegisterText()
  const session = useSessionStore()
  return computed(() => {
    const read = names()
    if (!read) return null
    const settings = session.local?.settings ?? defaultSettings(session.local?.site.id ?? '')
    return {
      timezone: settings.timezone,
      fullPhones: session.may('customer.contact'),
      staffNames: read.staffNames,
      departmentNames: read.departmentNames,
      complaintDeadlineHours: settings.complaintDeadlineHours,
      t,
    }
  })
}
