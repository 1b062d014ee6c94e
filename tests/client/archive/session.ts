/** A logged-in session on a set-up tablet, for mounting archive pages. */
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { newId } from '@shared/domain/ids'
import { makeSite } from '@shared/domain/site'
import { defaultSettings } from '@shared/domain/settings'
import { staffCard } from '@shared/domain/staff'
import type { Role } from '@shared/domain/role'
import { useSessionStore } from '@client/stores/session'
import { makeStaff } from '../../factories/site'

export function signedIn(role: Role, siteId = newId()): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore(pinia)
  session.setSite({ site: makeSite(siteId, '翠苑小区'), settings: defaultSettings(siteId), device: { id: newId(), siteId, letter: 'A', name: '前台平板', createdAt: 0 } })
  session.signIn(staffCard(makeStaff({ siteId, role })), Date.now())
  return pinia
}
