import { ref, type Ref } from 'vue'
import { useDb } from '../../../modules/db'
import { useSyncEngine } from '../../../modules/sync'
import { useSessionStore } from '../../../stores/session'
import { useSyncStore } from '../../../stores/sync'
import { enrolTablet } from '../../../sync/link'
import { SyncError } from '../../../sync/api'
import { mirrorInstallMarker, checkInstall } from '../../../db/repositories/install-marker'
import { loadLocalSite } from '../../../db/repositories/site'
import { getServerLink } from '../../../db/repositories/server-link'
import { errorMessageKey } from '../../../components/error-message'

/** Joining a site on the server with an enrolment code: downloads the site, then the tablet is set up. */
export function useEnrol(): { busy: Ref<boolean>; enrol: (code: string, name: string) => Promise<string | null> } {
  const db = useDb()
  const engine = useSyncEngine()
  const session = useSessionStore()
  const sync = useSyncStore()
  const busy = ref(false)
  return {
    busy,
    /** Null when enrolled; else an i18n key or the server's own message. */
    async enrol(code, name) {
      busy.value = true
      try {
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
