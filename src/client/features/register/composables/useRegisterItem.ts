import { computed, type ComputedRef, type ShallowRef } from 'vue'
import type { Reception } from '@shared/domain/reception'
import type { ReceptionEvent } from '@shared/domain/reception-event'
import type { Signature } from '@shared/domain/signature'
import { receptionState, type ReceptionState } from '@shared/domain/reception-status'
import { defaultSettings } from '@shared/domain/settings'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useNow } from '@client/composables/useNow'
import { loadReception } from '@client/db/register/receptions'

export interface RegisterItem {
  reception: Reception
  events: ReceptionEvent[]
  signatures: Signature[]
}

/** One request with its timeline, signatures and state at "now", kept current. */
export function useRegisterItem(id: () => string): { item: ShallowRef<RegisterItem | null | undefined>; state: ComputedRef<ReceptionState | null> } {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(60_000)
  const item = useLiveQuery<RegisterItem | null | undefined>(
    async () => {
      const loaded = await loadReception(db, id())
      if (!loaded) return null
      return { ...loaded, signatures: await db.signatures.where('subjectId').equals(id()).toArray() }
    },
    undefined,
    [id],
  )
  const state = computed(() => {
    const i = item.value
    const local = session.local
    if (!i || !local) return null
    return receptionState(i.reception, i.events, now.value, local.settings ?? defaultSettings(local.site.id))
  })
  return { item, state }
}
