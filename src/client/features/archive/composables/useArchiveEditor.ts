import { ref, type Ref } from 'vue'
import type { CustomerInput, RenovationInput, RoomInput } from '@shared/domain/archive-edit'
import type { Customer, Renovation, Room } from '@shared/domain/archive'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { saveCustomer, saveRenovation, saveRoom } from '@client/db/archive/archive'
import { problemKeys } from '@client/components/error-message'

export interface Saved<T> {
  /** i18n keys; empty when saved. */
  problems: string[]
  record: T | null
}

/** Saving rooms, customers and renovations from the archive's forms; problems come back as i18n keys. */
export function useArchiveEditor(): {
  saving: Ref<boolean>
  saveRoom: (input: RoomInput) => Promise<Saved<Room>>
  saveCustomer: (input: CustomerInput) => Promise<Saved<Customer>>
  saveRenovation: (input: RenovationInput) => Promise<Saved<Renovation>>
} {
  const db = useDb()
  const session = useSessionStore()
  const saving = ref(false)
  const run = async <T>(write: () => Promise<T>): Promise<Saved<T>> => {
    saving.value = true
    try {
      return { problems: [], record: await write() }
    } catch (e) {
      return { problems: problemKeys<string>(e, (key) => key), record: null }
    } finally {
      saving.value = false
    }
  }
  return {
    saving,
    saveRoom: (input) => run(() => saveRoom(db, session.actor(), input)),
    saveCustomer: (input) => run(() => saveCustomer(db, session.actor(), input)),
    saveRenovation: (input) => run(() => saveRenovation(db, session.actor(), input)),
  }
}
