import type { ShallowRef } from 'vue'
import { useDb } from '@client/modules/db'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { roomHistory, type RoomHistory } from '@client/db/archive/archive'

/** A room with its customers, renovations and register requests; undefined while loading, null when there is no such room. */
export function useRoomHistory(roomId: () => string): ShallowRef<RoomHistory | null | undefined> {
  const db = useDb()
  return useLiveQuery<RoomHistory | null | undefined>(() => roomHistory(db, roomId()), undefined, [roomId])
}
