/**
 * A room typed in full whose archive holds exactly one resident fills the form at once — name,
 * honorific, phone — without the tap on 使用此业主 (篇5 7: the archive answers as the desk types).
 * Only empty fields are filled, so nothing the clerk typed is overwritten; every field stays editable,
 * and changing the room takes back what was filled and not edited since.
 */
import { ref, watch, type Ref } from 'vue'
import { normaliseRoomQuery, type Customer, type Room } from '@shared/domain/archive'
import type { ArchiveHit } from '@client/db/archive/archive'
import { useArchiveLookup } from './useArchiveLookup'
import type { RegisterFormState } from './useRegisterForm'

type Filled = Partial<Pick<RegisterFormState, 'customerName' | 'honorific' | 'phone'>>

export interface RoomAutofill {
  /** The room and what was filled from it, while the form holds it. */
  filled: Ref<{ room: Room; customer: Customer; fields: Filled } | null>
  /** Take back what was filled and not edited since. */
  undo(): void
}

/** The one active resident of the room the text names in full (its label, however typed), or null. */
export function soleResident(hits: readonly ArchiveHit[], typed: string): { room: Room; customer: Customer } | null {
  const label = normaliseRoomQuery(typed).replace(/[室号]$/, '').toUpperCase()
  if (!label) return null
  const rooms = new Set(hits.filter((h) => h.room.label.toUpperCase() === label).map((h) => h.room.id))
  if (rooms.size !== 1) return null
  const residents = hits.filter((h) => rooms.has(h.room.id) && h.room.active && h.customer?.active)
  return residents.length === 1 ? { room: residents[0]!.room, customer: residents[0]!.customer! } : null
}

export function useRoomAutofill(form: RegisterFormState, known: Ref<{ customer: Customer; room: Room } | null>): RoomAutofill {
  const filled: RoomAutofill['filled'] = ref(null)
  /** The label of the room whose filling the clerk took back: not filled again until another room is typed. */
  let declined = ''
  // A lookup of its own on the room field: the form's lookup may be following the phone or the name.
  const { hits, searched } = useArchiveLookup(() => (known.value ? '' : form.room))

  function fill(room: Room, customer: Customer): void {
    const fields: Filled = {}
    if (!form.customerName.trim()) fields.customerName = customer.name
    if (form.honorific === 'none' && customer.honorific !== 'none') fields.honorific = customer.honorific
    if (!form.phone.trim() && customer.phones[0]) fields.phone = customer.phones[0]
    Object.assign(form, fields, { roomId: room.id, customerId: customer.id })
    known.value = { customer, room }
    filled.value = { room, customer, fields }
  }

  function takeBack(): void {
    const f = filled.value
    if (!f) return
    if (f.fields.customerName !== undefined && form.customerName === f.fields.customerName) form.customerName = ''
    if (f.fields.honorific !== undefined && form.honorific === f.fields.honorific) form.honorific = 'none'
    if (f.fields.phone !== undefined && form.phone === f.fields.phone) form.phone = ''
    form.roomId = null
    form.customerId = null
    known.value = null
    filled.value = null
  }

  function undo(): void {
    declined = filled.value?.room.label.toUpperCase() ?? ''
    takeBack()
  }

  // Hits that answer the room as it is typed now, and nobody chosen yet.
  watch(hits, (found) => {
    if (known.value || searched.value !== form.room) return
    const sole = soleResident(found, form.room)
    if (sole && sole.room.label.toUpperCase() !== declined) fill(sole.room, sole.customer)
  })
  // Another room typed: what came from the old one goes (and the lookup starts again).
  watch(
    () => form.room,
    (room) => {
      const named = normaliseRoomQuery(room).replace(/[室号]$/, '').toUpperCase()
      if (filled.value && named !== filled.value.room.label.toUpperCase()) takeBack()
      if (named !== declined) declined = ''
    },
  )
  return { filled, undo }
}
