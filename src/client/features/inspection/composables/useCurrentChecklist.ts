/** The site's checklist in force (its latest version, or the regulations' own before any is saved), kept current. */
import type { ShallowRef } from 'vue'
import type { InspectionTemplate } from '@shared/domain/inspection-template'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { checklistOf } from '@client/db/inspection/inspections'

export function useCurrentChecklist(): ShallowRef<{ template: InspectionTemplate; saved: boolean } | null> {
  const db = useDb()
  const session = useSessionStore()
  const siteId = (): string => session.local?.site.id ?? ''
  return useLiveQuery<{ template: InspectionTemplate; saved: boolean } | null>(() => checklistOf(db, siteId()), null, [siteId])
}
