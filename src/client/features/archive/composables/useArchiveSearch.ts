import { computed, onScopeDispose, ref, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { archiveCounts, listBuildings, listRooms, searchArchive, type ArchiveHit, type RoomCard } from '@client/db/archive/archive'

/** Rooms listed for one building before the desk is asked to search instead. */
export const ROOM_LIST_LIMIT = 300
const SEARCH_LIMIT = 50
const DEBOUNCE_MS = 150

export interface ArchiveSearch {
  text: Ref<string>
  /** The text actually searched (after typing pauses); '' lists a building instead. */
  searched: Ref<string>
  building: Ref<string | null>
  hits: ShallowRef<ArchiveHit[]>
  buildings: ShallowRef<string[]>
  rooms: ShallowRef<RoomCard[]>
  counts: ShallowRef<{ rooms: number; customers: number }>
  limited: ComputedRef<boolean>
}

/** The archive page's search box, building filter and lists, kept current as records change or sync in. */
export function useArchiveSearch(): ArchiveSearch {
  const db = useDb()
  const session = useSessionStore()
  const siteId = (): string => session.local?.site.id ?? ''
  const text = ref('')
  const searched = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(text, (t) => {
    clearTimeout(timer)
    timer = setTimeout(() => (searched.value = t.trim()), t.trim() ? DEBOUNCE_MS : 0)
  })
  onScopeDispose(() => clearTimeout(timer))
  const building = ref<string | null>(null)
  const buildings = useLiveQuery(() => listBuildings(db, siteId()), [], [siteId])
  // The first building is shown until another is picked.
  watch(buildings, (list) => {
    if (building.value === null || !list.includes(building.value)) building.value = list[0] ?? null
  })
  const rooms = useLiveQuery(() => (building.value ? listRooms(db, siteId(), building.value, ROOM_LIST_LIMIT) : Promise.resolve([])), [], [building, siteId])
  return {
    text,
    searched,
    building,
    hits: useLiveQuery(() => searchArchive(db, siteId(), searched.value, SEARCH_LIMIT), [], [searched, siteId]),
    buildings,
    rooms,
    counts: useLiveQuery(() => archiveCounts(db, siteId()), { rooms: 0, customers: 0 }, [siteId]),
    limited: computed(() => rooms.value.length >= ROOM_LIST_LIMIT),
  }
}
