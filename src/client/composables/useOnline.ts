import { onScopeDispose } from 'vue'
import { useUiStore } from '../stores/ui'

/** Keep the ui store's online flag in step with the browser. */
export function useOnline(): void {
  const ui = useUiStore()
  const update = (): void => ui.setOnline(navigator.onLine)
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  update()
  onScopeDispose(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
}
