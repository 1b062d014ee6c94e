import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatPhone, maskedName, maskPhone, type Customer, type Renovation } from '@shared/domain/archive'
import { formatDateTime } from '@shared/domain/time'
import { useSessionStore } from '@client/stores/session'

/** What `ArchivePhones` records in the access trail when a masked phone is shown in full: the record, in words. */
export interface PhoneReveal {
  table: string
  id: string
  what: string
}

export interface ContactPolicy {
  full: ComputedRef<boolean>
  mayEdit: ComputedRef<boolean>
  phoneText: (digits: string) => string
  dateTime: (at: number) => string
  /** A resident's phones, named by the greeting (王先生), never the phone (issue 14 point 2). */
  customerReveal: (c: Pick<Customer, 'id' | 'name' | 'honorific'>) => PhoneReveal
  /** A renovation's contractor phone, named by the room and the day it was registered. */
  renovationReveal: (r: Pick<Renovation, 'id' | 'registeredOn'>, room: string) => PhoneReveal
}

/**
 * How the archive shows phones to the one logged in: in full only to roles that contact customers
 * (`customer.contact`), else masked 138****5678 (issue 4 point 5), which a role that may ask shows in
 * full once recorded (`customer.reveal`, issue 14 point 2); and times in the site's timezone.
 */
export function useContactPolicy(): ContactPolicy {
  const session = useSessionStore()
  const { t } = useI18n()
  const full = computed(() => session.may('customer.contact'))
  return {
    full,
    mayEdit: computed(() => session.may('archive.edit')),
    phoneText: (digits) => (full.value ? formatPhone(digits) : maskPhone(digits)),
    dateTime: (at) => formatDateTime(at, session.timezone),
    customerReveal: (c) => ({ table: 'customers', id: c.id, what: t('accessTrail.whatCustomer', { name: maskedName(c.name, c.honorific) }) }),
    // The room and the date kept apart by words: run together, digits could read as a phone the trail refuses.
    renovationReveal: (r, room) => ({ table: 'renovations', id: r.id, what: t('accessTrail.whatRenovation', { room, date: r.registeredOn }) }),
  }
}
