import { computed } from 'vue'
import { submitRoster, takeStep, type RosterProblem, type SignatureInput } from '@client/db/roster/roster-writes'
import { problemKeys } from '@client/components/error-message'
import { usePinCheck } from '@client/composables/usePinCheck'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import type { RosterMonthView } from './useRosterMonth'

export type CycleAction = 'submit' | 'approve' | 'return' | 'acknowledge'

/**
 * The roster's cycle from this tablet (篇2 4.1.1): the administrator submits, the supervisor approves or
 * returns, the manager acknowledges — each signed, the signer's PIN checked first.
 */
export function useRosterCycle(view: RosterMonthView, month: () => string) {
  const db = useDb()
  const session = useSessionStore()
  const checkPin = usePinCheck()
  const actions = computed<CycleAction[]>(() => {
    const out: CycleAction[] = []
    if (session.may('roster.draft') && !view.readOnly.value && view.loaded.value) out.push('submit')
    if (session.may('roster.approve') && view.review.value) out.push('approve', 'return')
    if (session.may('roster.acknowledge') && view.inForce.value && !view.inForce.value.acknowledged) out.push('acknowledge')
    return out
  })
  /** A change to an approved roster says why (变更原因). */
  const revision = computed(() => !!view.inForce.value)

  /** The signer is the person logged in: their PIN, checked before the signature counts. */
  const signerPin = (pin: string): Promise<string | null> => (session.staff ? checkPin(session.staff.id, pin) : Promise.resolve('errors.unexpected'))

  /** Problems as text keys; none when the step was taken. */
  async function act(action: CycleAction, text: string, signature: SignatureInput): Promise<string[]> {
    const staff = session.staff
    if (!staff || !session.local) return ['errors.unexpected']
    const now = Date.now()
    const actor = { ...session.actor(), staffId: staff.id }
    const target = action === 'acknowledge' ? view.inForce.value : view.review.value
    try {
      if (action === 'submit') await submitRoster(db, actor, staff.role, month(), text, signature, session.timezone, now)
      else if (!target) return ['roster.problems.unknownVersion']
      else await takeStep(db, actor, staff.role, target.version.id, action, text, signature, now)
      return []
    } catch (e) {
      return problemKeys<RosterProblem>(e, (p) => `roster.problems.${p}`)
    }
  }

  return { actions, revision, act, signerPin }
}
