import { ref, type Ref } from 'vue'
import {
  addPaidService,
  addPeriodical,
  lendItem,
  returnLoan,
  type LoanInput,
  type LoanReturnInput,
  type PaidServiceInput,
  type PeriodicalInput,
  type DeskServiceProblem,
} from '@client/db/duty/desk-services'
import type { Role } from '@shared/domain/role'
import type { Actor } from '@client/db/write-records'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { problemKeys } from '@client/components/error-message'

type Write<I> = (input: I) => Promise<string[]>

/** Writes of the desk services log; problems come back as i18n keys (empty when saved), never thrown at the page. */
export function useDeskServiceActions(): {
  busy: Ref<boolean>
  addPeriodical: Write<PeriodicalInput>
  lend: Write<LoanInput>
  returnLoan: Write<LoanReturnInput>
  addPaidService: Write<PaidServiceInput>
} {
  const db = useDb()
  const session = useSessionStore()
  const busy = ref(false)

  function write<I>(fn: (actor: Actor & { staffId: string }, role: Role, input: I) => Promise<unknown>): Write<I> {
    return async (input) => {
      const staff = session.staff
      if (!staff) return ['deskServices.problems.notAllowed']
      busy.value = true
      try {
        await fn({ ...session.actor(), staffId: staff.id }, staff.role, input)
        return []
      } catch (e) {
        return problemKeys<DeskServiceProblem>(e, (p) => `deskServices.problems.${p}`)
      } finally {
        busy.value = false
      }
    }
  }

  return {
    busy,
    addPeriodical: write((actor, role, input: PeriodicalInput) => addPeriodical(db, actor, role, input)),
    lend: write((actor, role, input: LoanInput) => lendItem(db, actor, role, input)),
    returnLoan: write((actor, role, input: LoanReturnInput) => returnLoan(db, actor, role, input)),
    addPaidService: write((actor, role, input: PaidServiceInput) => addPaidService(db, actor, role, input)),
  }
}
