import { ref, type Ref } from 'vue'
import { useDb } from '@client/modules/db'
import { useSyncEngine } from '@client/modules/sync'
import { useSessionStore } from '@client/stores/session'
import { useSyncStore } from '@client/stores/sync'
import { enrolTablet } from '@client/sync/link'
import { SyncError } from '@client/sync/api'
import { mirrorInstallMarker, checkInstall } from '@client/db/device/install-marker'
import { loadLocalSite } from '@client/db/site/site'
import { getServerLink } from '@client/db/device/server-link'
import { errorMessageKey } from '@client/components/error-message'

/** Joining a site on the server with an enrolment code: downloads the site, then the tablet is set up. */
export function useEnrol(): { busy: Ref<boolean>; enrol: (code: string, name: string) => Promise<string | null> } {
  const db = useDb()
  const syncEngine = useSyncEngine()
  const session = useSessionStore()
  const sync = useSyncStore()
  const busy = ref(false)
  return {
    busy,
    /** Null when enrolled; else an i18n key or the server's own message. */
    async enrol(code, name) {
      busy.value = true
      try {
        const engine = await syncEngine()
        const { installId } = await enrolTablet(db, engine.api, code.trim(), name.trim(), Date.now())
        mirrorInstallMarker(localStorage, installId)
        session.setSite(await loadLocalSite(db))
        session.setInstall(await checkInstall(db, localStorage))
        sync.setDeviceLetter((await getServerLink(db))?.letter ?? null)
        void engine.run()
        return null
      } catch (e) {
        if (e instanceof SyncError) return e.detail || e.messageKey
        return errorMessageKey(e)
      } finally {
        busy.value = false
      }
    },
  }
}
