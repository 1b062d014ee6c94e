/**
 * The register of a date range (and the list's filter, when given) for printing and export: read
 * once per range as a snapshot — a print preview must not change under the reader while a sync
 * brings new rows — with the names of staff and departments the rows show.
 */
import { computed, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { isDeskRole } from '@shared/domain/role'
import { hasFilter, rangeInstants, type DateRange, type RegisterFilter } from '@client/features/register/rows/register-scope'
import type { RegisterEntry } from '@client/db/register/register-entries'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { listDepartments, listStaff } from '@client/db/site/site'
import { loadRegisterEntries, registerIdsInRange } from '@client/db/register/register-entries'
import { queryRegister } from '@client/db/register/reception-queries'

export interface RegisterNames {
  staffNames: Map<string, string>
  departmentNames: Map<string, string>
}

export interface RegisterPrintData extends RegisterNames {
  entries: RegisterEntry[]
}

export interface RegisterPrint {
  /** Null while reading. */
  data: ShallowRef<RegisterPrintData | null>
  failed: Ref<boolean>
  /** The whole register is for the desk (篇4 3.1–3.3); a department sees only what is handed to it (篇4 3.4). */
  allowed: Ref<boolean>
}

export function useRegisterPrint(range: Ref<DateRange>, filter: Ref<RegisterFilter>): RegisterPrint {
  const db = useDb()
  const session = useSessionStore()
  const data = shallowRef<RegisterPrintData | null>(null)
  const failed = ref(false)
  const allowed = computed(() => !!session.staff && isDeskRole(session.staff.role))

  async function load(): Promise<RegisterPrintData> {
    const local = session.local
    const staff = session.staff
    if (!local || !staff) return { entries: [], staffNames: new Map(), departmentNames: new Map() }
    const siteId = local.site.id
    const { start, end } = rangeInstants(range.value, local.settings.timezone)
    const f = filter.value
    // With the list's filter: the list's own query, so print and export hold exactly what it showed.
    const ids = hasFilter(f)
      ? (
          await queryRegister(
            db,
            siteId,
            { queue: f.queue ?? 'all', text: f.text, statuses: f.statuses, categories: f.categories, channels: f.channels, levels: f.levels, departmentId: f.departmentId, from: start, to: end },
            { id: staff.id, role: staff.role, departmentId: staff.departmentId },
            Date.now(),
            local.settings,
          )
        ).map((r) => r.id)
      : await registerIdsInRange(db, siteId, start, end)
    const [entries, staffList, departments] = await Promise.all([loadRegisterEntries(db, ids), listStaff(db, siteId), listDepartments(db, siteId)])
    return {
      entries,
      staffNames: new Map(staffList.map((s) => [s.id, s.name])),
      departmentNames: new Map(departments.map((d) => [d.id, d.name])),
    }
  }

  let generation = 0
  watch(
    [range, filter, allowed],
    async () => {
      const mine = ++generation
      data.value = null
      failed.value = false
      if (!allowed.value) return
      try {
        const loaded = await load()
        if (mine === generation) data.value = loaded
      } catch (e) {
        console.error('reading the register failed', e)
        if (mine === generation) failed.value = true
      }
    },
    { immediate: true, deep: true },
  )
  return { data, failed, allowed }
}
