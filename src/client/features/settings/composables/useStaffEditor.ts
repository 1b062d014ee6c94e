import { ref, type Ref } from 'vue'
import type { StaffEditInput, StaffEditProblem } from '@client/db/site/staff-edit'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { saveStaff } from '@client/db/site/staff'
import { problemKeys } from '@client/components/error-message'

/** Saving a staff member from the settings page; problems come back as i18n keys. */
export function useStaffEditor(): { saving: Ref<boolean>; save: (input: StaffEditInput) => Promise<string[]> } {
  const db = useDb()
  const session = useSessionStore()
  const saving = ref(false)
  const keyFor = (p: StaffEditProblem): string => (p.startsWith('pin.') ? `setup.problems.${p}` : `staff.problems.${p}`)
  return {
    saving,
    async save(input) {
      saving.value = true
      try {
        await saveStaff(db, session.actor(), input)
        return []
      } catch (e) {
        return problemKeys(e, keyFor)
      } finally {
        saving.value = false
      }
    },
  }
}
