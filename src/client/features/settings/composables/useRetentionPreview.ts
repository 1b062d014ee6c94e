import { ref, watch, type Ref } from 'vue'
import { useDb } from '@client/modules/db'
import { localRetentionPlan } from '@client/db/register/contact-retention'

/**
 * The dry run beside the retention period (issue 14 point 3): how many closed requests would have their
 * owners' contact details reduced now with the period being typed — before anything is saved or changed.
 * `due` is null while it is counted or for a period out of range.
 */
export function useRetentionPreview(years: () => number | undefined, valid: () => boolean): { due: Ref<number | null>; refresh: () => Promise<void> } {
  const db = useDb()
  const due = ref<number | null>(null)
  let asked = 0
  const refresh = async (): Promise<void> => {
    const y = years()
    const mine = ++asked
    due.value = null
    if (y === undefined || !valid()) return
    const plan = await localRetentionPlan(db, Date.now(), y)
    if (mine === asked) due.value = plan.length
  }
  watch(years, () => void refresh(), { immediate: true })
  return { due, refresh }
}
