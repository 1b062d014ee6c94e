import { ref, type Ref } from 'vue'
import type { DutyEntry } from '@shared/domain/duty-log'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { addDutyEntry, pinDayNote, recordNoShow, startDuty, type DutyEntryInput, type DutyProblem } from '@client/db/duty/duty-log'
import { problemKeys } from '@client/components/error-message'

/** Writes of the duty log; problems come back as i18n keys. */
export function useDutyActions(): {
  busy: Ref<boolean>
  add: (input: DutyEntryInput) => Promise<string[]>
  start: (shiftKey: string) => Promise<string[]>
  noShow: (shiftKey: string, note: string) => Promise<string[]>
  pinNote: (date: string, text: string) => Promise<string[]>
} {
  const db = useDb()
  const session = useSessionStore()
  const busy = ref(false)
  const run = async (fn: (actor: ReturnType<typeof session.actor> & { staffId: string }, role: NonNullable<typeof session.staff>['role']) => Promise<unknown>): Promise<string[]> => {
    const staff = session.staff
    if (!staff) return ['dutyLog.problems.notAllowed']
    busy.value = true
    try {
      await fn({ ...session.actor(), staffId: staff.id }, staff.role)
      return []
    } catch (e) {
      return problemKeys<DutyProblem>(e, (p) => `dutyLog.problems.${p}`)
    } finally {
      busy.value = false
    }
  }
  return {
    busy,
    add: (input) => run((actor, role) => addDutyEntry(db, actor, role, input)),
    start: (key) => run((actor, role) => startDuty(db, actor, role, key)),
    noShow: (key, note) => run((actor, role) => recordNoShow(db, actor, role, key, note)),
    pinNote: (date, text) => run((actor, role) => pinDayNote(db, actor, role, date, text)),
  }
}

export type { DutyEntry }
