/** One request with its timeline and signatures, for its printed record (a snapshot, read once). */
import { computed, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { isDeskRole } from '@shared/domain/role'
import type { Signature } from '@shared/domain/signature'
import type { RegisterEntry } from '@client/db/register/register-entries'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { listDepartments, listStaff } from '@client/db/site/site'
import { loadReceptionRecord } from '@client/db/register/register-entries'
import type { RegisterNames } from './useRegisterPrint'

export interface ReceptionRecordData extends RegisterNames {
  entry: RegisterEntry
  signatures: Signature[]
}

export type RecordLoad = 'loading' | 'ready' | 'notFound' | 'notAllowed' | 'failed'

export function useReceptionRecord(id: Ref<string>): { data: ShallowRef<ReceptionRecordData | null>; state: Ref<RecordLoad> } {
  const db = useDb()
  const session = useSessionStore()
  const data = shallowRef<ReceptionRecordData | null>(null)
  const state = ref<RecordLoad>('loading')
  const siteId = computed(() => session.local?.site.id ?? '')

  let generation = 0
  watch(
    [id, siteId],
    async () => {
      const mine = ++generation
      data.value = null
      state.value = 'loading'
      try {
        const [record, staffList, departments] = await Promise.all([loadReceptionRecord(db, id.value), listStaff(db, siteId.value), listDepartments(db, siteId.value)])
        if (mine !== generation) return
        const staff = session.staff
        if (!record || record.entry.reception.siteId !== siteId.value) {
          state.value = 'notFound'
          return
        }
        // The desk sees every request; a department only those ever handed to it (篇4 3.4).
        const handedToMine = !!staff?.departmentId && record.entry.events.some((e) => e.type === 'handedOver' && e.departmentId === staff.departmentId)
        if (!staff || !(isDeskRole(staff.role) || handedToMine)) {
          state.value = 'notAllowed'
          return
        }
        data.value = {
          ...record,
          staffNames: new Map(staffList.map((s) => [s.id, s.name])),
          departmentNames: new Map(departments.map((d) => [d.id, d.name])),
        }
        state.value = 'ready'
      } catch (e) {
        console.error('reading the request failed', e)
        if (mine === generation) state.value = 'failed'
      }
    },
    { immediate: true },
  )
  return { data, state }
}
