import { onScopeDispose, watch, type Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { useUiStore } from '../stores/ui'

let counter = 0

/**
 * Register a form whose unsaved state must block an app update (issue 2 point 6) and warn
 * before leaving the page.
 */
export function useDirtyForm(dirty: Ref<boolean>, confirmLeave: () => boolean = () => true): void {
  const ui = useUiStore()
  const id = `form-${++counter}`
  watch(dirty, (d) => ui.markDirty(id, d), { immediate: true })
  const beforeUnload = (e: BeforeUnloadEvent): void => {
    if (dirty.value) e.preventDefault()
  }
  window.addEventListener('beforeunload', beforeUnload)
  onBeforeRouteLeave(() => (dirty.value ? confirmLeave() : true))
  onScopeDispose(() => {
    ui.markDirty(id, false)
    window.removeEventListener('beforeunload', beforeUnload)
  })
}
