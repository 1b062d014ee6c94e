import { ref, type Ref } from 'vue'
import type { DepartmentEditInput } from '@shared/domain/department'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { saveDepartment, type DepartmentSaveProblem } from '@client/db/site/departments'
import { problemKeys } from '@client/components/error-message'

/** Saving a department from the settings page; problems come back as i18n keys. */
export function useDepartmentEditor(): { saving: Ref<boolean>; save: (input: DepartmentEditInput) => Promise<string[]> } {
  const db = useDb()
  const session = useSessionStore()
  const saving = ref(false)
  return {
    saving,
    async save(input) {
      if (!session.staff) return ['departments.problems.notAllowed']
      saving.value = true
      try {
        await saveDepartment(db, session.actor(), session.staff.role, input)
        return []
      } catch (e) {
        return problemKeys<DepartmentSaveProblem>(e, (p) => `departments.problems.${p}`)
      } finally {
        saving.value = false
      }
    },
  }
}
