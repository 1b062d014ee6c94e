import { ref, watch, type Ref } from 'vue'

/**
 * A system notification where the tablet allows it (the today screen's reported matters and notifications):
 * asking for permission, and showing each item that arrives while the screen is open — those listed when it
 * was first read were seen. On Android a page may not construct notifications: the service worker shows them.
 */
const supported = typeof window !== 'undefined' && 'Notification' in window
/** One answer for the whole app: permission is the origin's, so enabling it in one list enables it in the others. */
const permission = ref<NotificationPermission>(supported ? Notification.permission : 'denied')

export function useSystemNotify<T>(
  items: () => readonly T[] | null,
  idOf: (item: T) => string,
  show: (item: T) => { title: string; body: string },
): { supported: boolean; permission: Ref<NotificationPermission>; enable: () => Promise<void> } {
  if (supported) permission.value = Notification.permission
  const notify = async (item: T): Promise<void> => {
    const { title, body } = show(item)
    const options = { body, tag: idOf(item) }
    const reg = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined
    if (reg) await reg.showNotification(title, options)
    else new Notification(title, options)
  }
  let seen: Set<string> | null = null
  watch(
    items,
    (list) => {
      if (!list) return
      const fresh = seen ? list.filter((i) => !seen!.has(idOf(i))) : []
      seen = new Set(list.map(idOf))
      if (permission.value === 'granted') for (const i of fresh) notify(i).catch(() => undefined)
    },
    { immediate: true },
  )
  return {
    supported,
    permission,
    async enable() {
      permission.value = await Notification.requestPermission()
    },
  }
}
