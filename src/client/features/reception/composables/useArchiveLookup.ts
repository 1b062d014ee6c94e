import { ref, watch, type Ref } from 'vue'
import { useDb } from '../../../modules/db'
import { useSessionStore } from '../../../stores/session'
import { searchArchive, type ArchiveHit } from '../../../db/repositories/archive'

/** Owners in the archive matching what the clerk types in the room, name or phone field (debounced). */
export function useArchiveLookup(text: () => string): { hits: Ref<ArchiveHit[]> } {
  const db = useDb()
  const session = useSessionStore()
  const hits = ref<ArchiveHit[]>([]) as Ref<ArchiveHit[]>
  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = 0
  watch(text, (value) => {
    clearTimeout(timer)
    const siteId = session.local?.site.id
    if (!siteId || value.trim().length < 2) {
      hits.value = []
      return
    }
    timer = setTimeout(async () => {
      const mine = ++asked
      const found = await searchArchive(db, siteId, value, 5)
      if (mine === asked) hits.value = found
    }, 150)
  })
  return { hits }
}
