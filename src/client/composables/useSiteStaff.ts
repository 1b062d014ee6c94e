import type { ShallowRef } from 'vue'
import type { StaffCard } from '@shared/domain/staff'
import type { Department } from '@shared/domain/department'
import { useDb } from '../modules/db'
import { useSessionStore } from '../stores/session'
import { useLiveQuery } from './useLiveQuery'
import { listDepartments, listStaff } from '../db/site/site'

/** The site's staff (without PIN verifiers) and departments, kept current. */
export function useSiteStaff(): { staff: ShallowRef<StaffCard[]>; departments: ShallowRef<Department[]> } {
  const db = useDb()
  const session = useSessionStore()
  const siteId = (): string => session.local?.site.id ?? ''
  return {
    staff: useLiveQuery(() => listStaff(db, siteId()), [], [siteId]),
    departments: useLiveQuery(() => listDepartments(db, siteId()), [], [siteId]),
  }
}
