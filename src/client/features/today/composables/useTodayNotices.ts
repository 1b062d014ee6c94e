/**
 * The notifications list on the today screen (issue 15 point 4): what the server's time rules found for the
 * role logged in (the administrator, the supervisor, the manager), newest first; tapping one marks it read
 * on this tablet and opens it.
 */
import { computed, type ComputedRef, type ShallowRef } from 'vue'
import { NOTIFY_LEVELS, type NotifyLevel } from '@shared/domain/notification'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { listNotices, markNoticeRead, type NoticeRow } from '@client/db/notify/notices'

export function useTodayNotices(): { level: ComputedRef<NotifyLevel | null>; notices: ShallowRef<NoticeRow[] | null>; read: (n: NoticeRow) => Promise<void> } {
  const db = useDb()
  const session = useSessionStore()
  const level = computed(() => {
    const role = session.staff?.role
    return (NOTIFY_LEVELS as readonly string[]).includes(role ?? '') ? (role as NotifyLevel) : null
  })
  const notices = useLiveQuery<NoticeRow[] | null>(() => (level.value ? listNotices(db, level.value) : Promise.resolve([])), null, [level])
  return { level, notices, read: (n) => markNoticeRead(db, n.id, Date.now()) }
}
