import type { ShallowRef } from 'vue'
import type { DayNote } from '@shared/domain/day-note'
import { useDb } from '../modules/db'
import { useLiveQuery } from './useLiveQuery'
import { dayNotesOf } from '../db/duty/duty-log'

/** 当日工作注意事项 of a site-local day (篇2 4.4.4), newest first. */
export function useDayNotes(date: () => string): ShallowRef<DayNote[]> {
  const db = useDb()
  return useLiveQuery(() => dayNotesOf(db, date()), [], [date])
}
