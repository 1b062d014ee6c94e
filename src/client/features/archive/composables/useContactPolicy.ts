import { computed, type ComputedRef } from 'vue'
import { formatPhone, maskPhone } from '@shared/domain/archive'
import { formatDateTime } from '@shared/domain/time'
import { useSessionStore } from '@client/stores/session'

/**
 * How the archive shows phones to the one logged in: in full only to roles that contact customers
 * (`customer.contact`), else masked 138****5678 (issue 4 point 5); and times in the site's timezone.
 */
export function useContactPolicy(): { full: ComputedRef<boolean>; mayEdit: ComputedRef<boolean>; phoneText: (digits: string) => string; dateTime: (at: number) => string } {
  const session = useSessionStore()
  const full = computed(() => session.may('customer.contact'))
  return {
    full,
    mayEdit: computed(() => session.may('archive.edit')),
    phoneText: (digits) => (full.value ? formatPhone(digits) : maskPhone(digits)),
    dateTime: (at) => formatDateTime(at, session.timezone),
  }
}
