/**
 * Who is using the shared tablet, for which site, and whether it is locked. Session state only:
 * records stay in the database. The logged-in staff member survives a reload of the tab
 * (sessionStorage) unless the idle time has passed meanwhile.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { StaffCard } from '@shared/domain/staff'
import { sectionsFor, can, type Action, type Section } from '@shared/domain/role'
import { DEFAULT_TIMEZONE, MINUTE } from '@shared/domain/time'
import type { LocalSite } from '../db/site/site'
import type { InstallState } from '../db/device/install-marker'
import type { Actor } from '../db/write-records'

const SESSION_KEY = 'deskbook.session'

interface SavedSession {
  staff: StaffCard
  lastActivity: number
}

export const useSessionStore = defineStore('session', () => {
  const local = shallowRef<LocalSite | null>(null)
  const install = shallowRef<InstallState>({ kind: 'fresh' })
  const staff = shallowRef<StaffCard | null>(null)
  const locked = ref(false)
  /** The staff member who was logged in when the tablet locked: offered first on the lock screen. */
  const lockedStaffId = ref<string | null>(null)
  const lastActivity = ref(0)

  const isSetUp = computed(() => local.value !== null)
  const isLoggedIn = computed(() => staff.value !== null && !locked.value)
  const sections = computed<Section[]>(() => (staff.value ? sectionsFor(staff.value.role) : []))
  const idleMs = computed(() => (local.value?.settings.idleLockMinutes ?? 5) * MINUTE)
  /** The site's time zone: every date and shift on the tablet is in it (SPEC: default Asia/Shanghai). */
  const timezone = computed(() => local.value?.settings.timezone ?? DEFAULT_TIMEZONE)

  function may(action: Action): boolean {
    return !!staff.value && can(staff.value.role, action)
  }

  /** Who is writing, for the outbox: the logged-in staff member on this device and site. */
  function actor(): Actor {
    if (!local.value) throw new Error('tablet is not set up')
    return { siteId: local.value.site.id, deviceId: local.value.device.id, staffId: staff.value?.id ?? null }
  }

  function persist(): void {
    if (staff.value && !locked.value) {
      const saved: SavedSession = { staff: staff.value, lastActivity: lastActivity.value }
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(saved))
    } else sessionStorage.removeItem(SESSION_KEY)
  }

  /** Set the site from the database; restore a session of this tab if it is still fresh. */
  function start(site: LocalSite | null, state: InstallState, now: number): void {
    local.value = site
    install.value = state
    const raw = sessionStorage.getItem(SESSION_KEY)
    if (!site || !raw) return
    try {
      const saved = JSON.parse(raw) as SavedSession
      if (saved.staff.siteId === site.site.id && now - saved.lastActivity < idleMs.value) {
        staff.value = saved.staff
        lastActivity.value = saved.lastActivity
      } else if (saved.staff.siteId === site.site.id) {
        staff.value = saved.staff
        locked.value = true
        lockedStaffId.value = saved.staff.id
      }
    } catch {
      sessionStorage.removeItem(SESSION_KEY)
    }
    persist()
  }

  function setSite(site: LocalSite | null): void {
    local.value = site
  }

  function signIn(who: StaffCard, now: number): void {
    staff.value = who
    locked.value = false
    lockedStaffId.value = null
    lastActivity.value = now
    persist()
  }

  function touch(now: number): void {
    if (!isLoggedIn.value) return
    lastActivity.value = now
    persist()
  }

  /** Someone is logged in and has done nothing for the idle time by `now`: time to lock. */
  function isIdle(now: number): boolean {
    return isLoggedIn.value && now - lastActivity.value >= idleMs.value
  }

  function lock(): void {
    if (!staff.value) return
    locked.value = true
    lockedStaffId.value = staff.value.id
    persist()
  }

  function signOut(): void {
    staff.value = null
    locked.value = false
    lockedStaffId.value = null
    persist()
  }

  function setInstall(state: InstallState): void {
    install.value = state
  }

  return {
    local,
    install,
    staff,
    locked,
    lockedStaffId,
    lastActivity,
    isSetUp,
    isLoggedIn,
    sections,
    idleMs,
    timezone,
    may,
    actor,
    start,
    setSite,
    signIn,
    touch,
    isIdle,
    lock,
    signOut,
    setInstall,
  }
})
