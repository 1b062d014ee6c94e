import { reactive, ref, computed, type Ref } from 'vue'
import type { RegisterInput } from '@client/db/register/receptions'
import { fromLocalInput, toLocalInput } from '@shared/domain/time'
import { greeting, type Customer, type Room } from '@shared/domain/archive'
import { useSessionStore } from '@client/stores/session'

export interface RegisterFormState extends Omit<RegisterInput, 'receivedAt'> {
  /** datetime-local value in the site's timezone. */
  receivedAtLocal: string
}

/** The register form's state; `input()` turns it into what the repository takes. */
export function useRegisterForm() {
  const session = useSessionStore()
  const tz = (): string => session.timezone
  const blank = (): RegisterFormState => ({
    receivedAtLocal: toLocalInput(Date.now(), tz()),
    channel: 'visit',
    relayedBy: '',
    room: '',
    roomId: null,
    customerId: null,
    customerName: '',
    honorific: 'none',
    phone: '',
    matter: '',
    category: 'repair',
    urgency: 'normal',
  })
  const form = reactive<RegisterFormState>(blank())
  const known: Ref<{ customer: Customer; room: Room } | null> = ref(null)
  const dirty = computed(() => !!(form.matter || form.room || form.customerName || form.phone))

  return {
    form,
    known,
    dirty,
    greetingText: computed(() => (form.customerName || form.honorific !== 'none' ? greeting(form.customerName, form.honorific) : '')),
    /** Fill the form from a customer found in the archive. */
    useCustomer(customer: Customer | null, room: Room): void {
      form.room = room.label
      form.roomId = room.id
      if (customer) {
        form.customerId = customer.id
        form.customerName = customer.name
        form.honorific = customer.honorific
        form.phone = customer.phones[0] ?? ''
        known.value = { customer, room }
      }
    },
    reset(): void {
      Object.assign(form, blank())
      known.value = null
    },
    input(): RegisterInput {
      const { receivedAtLocal, ...rest } = form
      const at = fromLocalInput(receivedAtLocal, tz())
      return { ...rest, receivedAt: Number.isFinite(at) ? at : Date.now() }
    },
  }
}
