/**
 * UI state shared across screens: online or not, forms with unsaved changes (an update must
 * not reload under them), and whether a new app version waits.
 */
import { computed, ref } from 'vue'
import { defineStore } from 'pinia'

export const useUiStore = defineStore('ui', () => {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const dirtyForms = ref<string[]>([])
  const updateWaiting = ref(false)
  let applyUpdateFn: (() => void) | null = null

  const hasUnsavedForm = computed(() => dirtyForms.value.length > 0)

  function setOnline(value: boolean): void {
    online.value = value
  }

  function markDirty(formId: string, dirty: boolean): void {
    const has = dirtyForms.value.includes(formId)
    if (dirty && !has) dirtyForms.value = [...dirtyForms.value, formId]
    if (!dirty && has) dirtyForms.value = dirtyForms.value.filter((f) => f !== formId)
  }

  function offerUpdate(apply: () => void): void {
    applyUpdateFn = apply
    updateWaiting.value = true
  }

  /** Reload into the new version, unless a form is unsaved: then false and nothing happens. */
  function applyUpdate(): boolean {
    if (hasUnsavedForm.value || !applyUpdateFn) return false
    updateWaiting.value = false
    applyUpdateFn()
    return true
  }

  function dismissUpdate(): void {
    updateWaiting.value = false
  }

  return { online, dirtyForms, updateWaiting, hasUnsavedForm, setOnline, markDirty, offerUpdate, applyUpdate, dismissUpdate }
})
