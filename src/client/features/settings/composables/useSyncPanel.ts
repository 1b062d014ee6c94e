import { computed, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import { PULLED_TABLES } from '@shared/sync/registry'
import { useDb } from '@client/modules/db'
import { useSyncEngine } from '@client/modules/sync'
import { useSyncStore } from '@client/stores/sync'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { getServerLink } from '@client/db/device/server-link'
import { connectTablet, rejoinServer } from '@client/sync/link'
import { SyncError } from '@client/sync/api'

export interface TableCount {
  table: string
  local: number
  server: number | null
}

/** The settings page's sync card: counts on tablet vs server, connecting a standalone tablet (the refused records: `SettingsDeadLetters`). */
export function useSyncPanel(): {
  counts: ComputedRef<TableCount[]>
  serverReachable: Ref<boolean>
  refreshServerCounts: () => Promise<void>
  connect: (code: string) => Promise<string | null>
  rejoin: (code: string) => Promise<string | null>
} {
  const db = useDb()
  const syncEngine = useSyncEngine()
  const sync = useSyncStore()
  const session = useSessionStore()
  const local = useLiveQuery(async () => Object.fromEntries(await Promise.all(PULLED_TABLES.map(async (t) => [t, await db.table(t).count()] as const))), {} as Record<string, number>)
  const server = shallowRef<Record<string, number> | null>(null)
  const serverReachable = ref(false)

  async function refreshServerCounts(): Promise<void> {
    const link = await getServerLink(db)
    if (!link) return
    try {
      server.value = (await (await syncEngine()).api.counts(link.token)).counts
      serverReachable.value = true
    } catch {
      serverReachable.value = false
    }
  }
  watch(() => sync.status.lastSuccessAt, () => void refreshServerCounts(), { immediate: true })

  return {
    counts: computed(() => PULLED_TABLES.map((table) => ({ table, local: local.value[table] ?? 0, server: server.value ? (server.value[table] ?? 0) : null }))),
    serverReachable,
    refreshServerCounts,
    /** Connect with a code; null when done, else the i18n key or server message of the problem. */
    connect: (code: string) => linkWith(async () => connectTablet(db, (await syncEngine()).api, code.trim(), Date.now())),
    /** Rejoin a server that no longer knows this tablet (restored from a backup), as the same device. */
    rejoin: (code: string) => linkWith(async () => rejoinServer(db, (await syncEngine()).api, code.trim(), Date.now())),
  }

  async function linkWith(join: () => Promise<void>): Promise<string | null> {
    try {
      await join()
      const link = await getServerLink(db)
      sync.setDeviceLetter(link?.letter ?? null)
      if (session.local && link) session.setSite({ ...session.local })
      await (await syncEngine()).run()
      return null
    } catch (e) {
      if (e instanceof SyncError) return e.detail || e.messageKey
      throw e
    }
  }
}
