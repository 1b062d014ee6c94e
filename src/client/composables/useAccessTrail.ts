/**
 * Writes to the access trail from a screen (issue 14 point 2): what the one logged in shows, prints or
 * exports of owners' personal information. False when it could not be written — the screen then shows
 * nothing more than before.
 */
import { onBeforeUnmount, onMounted } from 'vue'
import { recordAccess, type AccessInput } from '@client/db/access/access-trail'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'

export function useAccessTrail(): { record: (input: AccessInput) => Promise<boolean> } {
  const db = useDb()
  const session = useSessionStore()
  return {
    async record(input) {
      const staff = session.staff
      if (!staff || !session.may('accessTrail.write')) return false
      try {
        await recordAccess(db, { ...session.actor(), staffId: staff.id }, staff.role, input, Date.now())
        return true
      } catch {
        return false
      }
    },
  }
}

/**
 * A print view whose sheets carry full phones records each print (the 打印 button and the browser's own
 * menu both fire `beforeprint`); `input` is null when this viewer's print is masked.
 */
export function useAccessOnPrint(input: () => AccessInput | null): void {
  const trail = useAccessTrail()
  const onPrint = (): void => {
    const what = input()
    if (what) void trail.record(what)
  }
  onMounted(() => window.addEventListener('beforeprint', onPrint))
  onBeforeUnmount(() => window.removeEventListener('beforeprint', onPrint))
}
