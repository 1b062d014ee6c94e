/**
 * The month's leave and swap requests and the roster in force they are asked against (篇2 4.2.6), kept
 * current; asking and answering go through the roster repository, its refusals come back as text keys.
 */
import { computed, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { VersionStatus } from '@shared/domain/roster'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { problemKeys } from '@client/components/error-message'
import { monthRequests, rosterInForce, type RequestWithAnswer } from '@client/db/roster/roster-month'
import { answerRequest, askForChange, type AnswerInput, type RequestInput } from '@client/db/roster/roster-requests'
import type { RosterProblem } from '@client/db/roster/roster-writes'

export interface RosterRequests {
  inForce: ShallowRef<VersionStatus | null>
  requests: ShallowRef<RequestWithAnswer[]>
  tz: ComputedRef<string>
  ask: (input: RequestInput) => Promise<string[]>
  answer: (requestId: string, input: AnswerInput) => Promise<string[]>
}

const keyOf = (p: RosterProblem): string => `roster.problems.${p}`

export function useRosterRequests(month: Ref<string>): RosterRequests {
  const db = useDb()
  const session = useSessionStore()
  const siteId = (): string => session.local?.site.id ?? ''
  const tz = computed(() => session.timezone)

  /** Runs a write as the logged-in person; [] when it went through, else what stopped it. */
  async function asMe(write: (actor: ReturnType<typeof session.actor> & { staffId: string }, role: NonNullable<typeof session.staff>['role']) => Promise<unknown>): Promise<string[]> {
    const staff = session.staff
    if (!staff) return [keyOf('notAllowed')]
    try {
      await write({ ...session.actor(), staffId: staff.id }, staff.role)
      return []
    } catch (e) {
      return problemKeys<RosterProblem>(e, keyOf)
    }
  }

  return {
    inForce: useLiveQuery(() => rosterInForce(db, siteId(), `${month.value}-01`), null, [siteId, month]),
    requests: useLiveQuery(() => monthRequests(db, siteId(), month.value), [], [siteId, month]),
    tz,
    ask: (input) => asMe((actor, role) => askForChange(db, actor, role, input, tz.value, Date.now())),
    answer: (requestId, input) => asMe((actor, role) => answerRequest(db, actor, role, requestId, input, tz.value, Date.now())),
  }
}
