import { onMounted, shallowRef, type ShallowRef } from 'vue'
import { requestPersistence, storageReport, type StorageReport } from '@client/modules/storage'

/** Persistent-storage answer and usage, read when the page opens; `ask()` asks again. */
export function useStorageReport(): { report: ShallowRef<StorageReport | null>; ask: () => Promise<void> } {
  const report = shallowRef<StorageReport | null>(null)
  const refresh = async (): Promise<void> => {
    report.value = await storageReport()
  }
  onMounted(() => void refresh())
  return {
    report,
    async ask() {
      await requestPersistence()
      await refresh()
    },
  }
}
