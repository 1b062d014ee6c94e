/** What the status bar and settings show of sync: state, changes waiting, last success, last error. */
import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { SyncStatus } from '../sync/engine'

export const useSyncStore = defineStore('sync', () => {
  const status = shallowRef<SyncStatus>({ state: 'notConnected', lastSuccessAt: null, errorKey: null, errorDetail: '', failures: 0 })
  const pending = ref(0)
  const deviceLetter = ref<string | null>(null)
  let runner: (() => Promise<void>) | null = null

  function setStatus(s: SyncStatus): void {
    status.value = s
  }

  function setPending(n: number): void {
    pending.value = n
  }

  function setDeviceLetter(letter: string | null): void {
    deviceLetter.value = letter
  }

  function setRunner(fn: () => Promise<void>): void {
    runner = fn
  }

  /** Sync now (the "立即同步" button, or after connecting). */
  async function syncNow(): Promise<void> {
    await runner?.()
  }

  return { status, pending, deviceLetter, setStatus, setPending, setDeviceLetter, setRunner, syncNow }
})
