import { ref, type Ref } from 'vue'
import type { ChecklistItem } from '@shared/domain/inspection-template'
import type { Role } from '@shared/domain/role'
import {
  respondToInspection,
  saveChecklist,
  saveInspection,
  verifyNonconformity,
  type InspectionInput,
  type InspectionWriteProblem,
} from '@client/db/inspection/inspections'
import { refusal } from '@client/db/errors'
import type { Actor } from '@client/db/write-records'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { errorMessageKey } from '@client/components/error-message'

/** A refusal of the rules (with the row or item it concerns), or a storage failure as an i18n key. */
export type ActionProblem = InspectionWriteProblem | { code: 'error'; key: string }

/** The i18n key that explains a problem. */
export function problemKey(p: ActionProblem): string {
  return p.code === 'error' ? p.key : `inspection.problems.${p.code}`
}

type SignatureInput = { image: string; name: string; signedAt: number } | null
type Result<T> = { ok: true; value: T } | { ok: false; problems: ActionProblem[] }

/** Writes of the inspection feature; refusals come back as problems (never thrown at the page), nothing is kept on failure. */
export function useInspectionActions(): {
  busy: Ref<boolean>
  save: (input: InspectionInput) => Promise<Result<string>>
  verify: (nonconformityId: string, effective: boolean, note: string) => Promise<Result<string>>
  respond: (inspectionId: string, comment: string, signature: SignatureInput) => Promise<Result<string>>
  saveItems: (items: ChecklistItem[]) => Promise<Result<number>>
} {
  const db = useDb()
  const session = useSessionStore()
  const busy = ref(false)

  async function run<T>(fn: (actor: Actor & { staffId: string }, role: Role, tz: string) => Promise<T>): Promise<Result<T>> {
    const staff = session.staff
    if (!staff) return { ok: false, problems: [{ code: 'notAllowed' }] }
    busy.value = true
    try {
      const value = await fn({ ...session.actor(), staffId: staff.id }, staff.role, session.timezone)
      return { ok: true, value }
    } catch (e) {
      return { ok: false, problems: refusal<InspectionWriteProblem>(e) ?? [{ code: 'error', key: errorMessageKey(e) }] }
    } finally {
      busy.value = false
    }
  }

  return {
    busy,
    save: (input) => run(async (actor, role, tz) => (await saveInspection(db, actor, role, input, tz, Date.now())).id),
    verify: (id, effective, note) => run(async (actor, role) => (await verifyNonconformity(db, actor, role, id, effective, note, Date.now())).id),
    respond: (id, comment, signature) => run(async (actor, role) => (await respondToInspection(db, actor, role, id, comment, signature, Date.now())).id),
    saveItems: (items) => run(async (actor, role) => (await saveChecklist(db, actor, role, items, Date.now())).version),
  }
}
