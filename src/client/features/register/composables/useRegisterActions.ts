import { ref, type Ref } from 'vue'
import type { RegisterInput } from '@client/db/register/receptions'
import { addReceptionEvent, registerReception, type EventInput, type RegisterProblem } from '@client/db/register/receptions'
import { RecordInvalidError } from '@client/db/errors'
import type { Reception } from '@shared/domain/reception'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { problemKeys } from '@client/components/error-message'
import { saveSignature } from '@client/db/register/signatures'

/** Writes of the register feature; problems come back as i18n keys, never thrown at the page. */
export function useRegisterActions(): {
  busy: Ref<boolean>
  register: (input: RegisterInput) => Promise<{ reception: Reception | null; problems: string[] }>
  addEvent: (receptionId: string, input: EventInput) => Promise<string[]>
  sign: (receptionId: string, signerName: string, image: string) => Promise<string[]>
} {
  const db = useDb()
  const session = useSessionStore()
  const busy = ref(false)

  const keys = (e: unknown): string[] => problemKeys<RegisterProblem>(e, (p) => `register.problems.${p}`)

  async function guarded<T>(fn: () => Promise<T>, onError: (keys: string[]) => T): Promise<T> {
    busy.value = true
    try {
      return await fn()
    } catch (e) {
      return onError(keys(e))
    } finally {
      busy.value = false
    }
  }

  function staffActor() {
    const staff = session.staff
    const local = session.local
    if (!staff || !local) throw new RecordInvalidError<RegisterProblem>(['notAllowed'])
    return { ...session.actor(), staffId: staff.id, role: staff.role, letter: local.device.letter, timezone: local.settings.timezone }
  }

  return {
    busy,
    register: (input) =>
      guarded<{ reception: Reception | null; problems: string[] }>(
        async () => ({ reception: await registerReception(db, staffActor(), input), problems: [] }),
        (problems) => ({ reception: null, problems }),
      ),
    addEvent: (receptionId, input) =>
      guarded(
        async () => {
          const actor = staffActor()
          await addReceptionEvent(db, actor, actor.role, receptionId, input)
          return []
        },
        (problems) => problems,
      ),
    sign: (receptionId, signerName, image) =>
      guarded(
        async () => {
          const actor = staffActor()
          await saveSignature(db, actor, actor.role, { subjectType: 'reception', subjectId: receptionId, signerName, image })
          return []
        },
        (problems) => problems,
      ),
  }
}
