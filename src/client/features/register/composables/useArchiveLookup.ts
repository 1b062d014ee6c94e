import { onScopeDispose, ref, watch, type Ref } from 'vue'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { searchArchive, type ArchiveHit } from '@client/db/archive/archive'

/** Owners in the archive matching what the clerk types in the room, name or phone field (debounced); `searched` is the text the hits are for. */
export function useArchiveLookup(text: () => string): { hits: Ref<ArchiveHit[]>; searched: Ref<string> } {
  const db = useDb()
  const session = useSessionStore()
  const hits = ref<ArchiveHit[]>([]) as Ref<ArchiveHit[]>
  const searched = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = 0
  watch(text, (value) => {
    clearTimeout(timer)
    const siteId = session.local?.site.id
    if (!siteId || value.trim().length < 2) {
      searched.value = ''
      hits.value = []
      return
    }
    timer = setTimeout(async () => {
      const mine = ++asked
      const found = await searchArchive(db, siteId, value, 5)
      if (mine !== asked) return
      searched.value = value
      hits.value = found
    }, 150)
  })
  // Leaving the form: no lookup after it is gone.
  onScopeDispose(() => {
    clearTimeout(timer)
    asked++
  })
  return { hits, searched }
}
