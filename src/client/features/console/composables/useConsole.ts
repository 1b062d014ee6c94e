import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { IssuedCodeAnswer } from '@shared/sync/admin-api'
import { attempt, useConsoleApi, type ConsoleDepartment, type ConsoleDevice, type ConsoleLetter, type ConsoleQuarantineItem, type ConsoleSite } from './useConsoleApi'

export interface IssuedCode {
  title: string
  code: string
  expiresAt: number
}

/** State and actions of the server console page. Every action returns an error message or null. */
export function useConsole() {
  const api = useConsoleApi()
  const setUp: Ref<boolean | null> = ref(null)
  const sites: ShallowRef<ConsoleSite[]> = shallowRef([])
  const selected: Ref<ConsoleSite | null> = ref(null)
  const devices: ShallowRef<ConsoleDevice[]> = shallowRef([])
  const deadLetters: ShallowRef<ConsoleLetter[]> = shallowRef([])
  const quarantine: ShallowRef<ConsoleQuarantineItem[]> = shallowRef([])
  const issued: Ref<IssuedCode | null> = ref(null)

  async function loadSites(): Promise<void> {
    sites.value = await api.call<ConsoleSite[]>('GET', '/api/admin/sites')
  }

  async function select(site: ConsoleSite): Promise<string | null> {
    selected.value = site
    return attempt(async () => {
      const q = `?siteId=${encodeURIComponent(site.id)}`
      // The sites' device counts too: a tablet may have joined since they were listed.
      ;[devices.value, deadLetters.value, quarantine.value] = await Promise.all([
        api.call<ConsoleDevice[]>('GET', `/api/admin/devices${q}`),
        api.call<ConsoleLetter[]>('GET', `/api/admin/dead-letters${q}`),
        api.call<ConsoleQuarantineItem[]>('GET', `/api/admin/quarantine${q}`),
        loadSites(),
      ])
    })
  }

  return {
    token: api.token,
    /** For the site export and import (useSiteArchive): the same session and error handling. */
    call: api.call,
    download: api.download,
    setUp,
    sites,
    selected,
    devices,
    deadLetters,
    quarantine,
    issued,
    async load(): Promise<string | null> {
      return attempt(async () => {
        setUp.value = (await api.call<{ setUp: boolean }>('GET', '/api/admin/status')).setUp
        if (setUp.value && api.token.value) await loadSites()
      })
    },
    setUpServer(body: { setupToken: string; username: string; password: string; site?: { name: string; adminName: string; adminPin: string } }) {
      return attempt(async () => {
        api.signIn((await api.call<{ token: string }>('POST', '/api/admin/setup', body)).token)
        setUp.value = true
        await loadSites()
      })
    },
    login(username: string, password: string) {
      return attempt(async () => {
        api.signIn((await api.call<{ token: string }>('POST', '/api/admin/login', { username, password })).token)
        await loadSites()
      })
    },
    logout: () => api.signOut(),
    createSite(body: { name: string; adminName: string; adminPin: string }) {
      return attempt(async () => {
        await api.call('POST', '/api/admin/sites', body)
        await loadSites()
      })
    },
    /** The code shown goes away (another one is being prepared). */
    clearIssued(): void {
      issued.value = null
    },
    /** `department`: the code enrols that department's own tablet (issue 10 point 12). */
    issueCode(purpose: 'enrol' | 'connect', site: ConsoleSite | null, title: string, department?: ConsoleDepartment) {
      return attempt(async () => {
        const body = { purpose, ...(site ? { siteId: site.id } : {}), ...(department ? { deviceKind: 'department', departmentId: department.id } : {}) }
        const res = await api.call<IssuedCodeAnswer>('POST', '/api/admin/codes', body)
        issued.value = { title, ...res }
      })
    },
    /** The site's departments as its tablets synced them, active first. */
    departments(site: ConsoleSite): Promise<ConsoleDepartment[]> {
      return api.call<ConsoleDepartment[]>('GET', `/api/admin/sites/${encodeURIComponent(site.id)}/departments`)
    },
    select,
    /** Apply or discard a record a revoked tablet uploaded; the list then shows the decision (or why it was refused). */
    decide(item: ConsoleQuarantineItem, what: 'apply' | 'discard') {
      return attempt(async () => {
        try {
          await api.call('POST', `/api/admin/quarantine/${encodeURIComponent(item.id)}/${what}`)
        } finally {
          if (selected.value) await select(selected.value)
        }
      })
    },
    revoke(device: ConsoleDevice) {
      return attempt(async () => {
        await api.call('POST', `/api/admin/devices/${encodeURIComponent(device.id)}/revoke`)
        if (selected.value) await select(selected.value)
      })
    },
  }
}

export type ConsoleState = ReturnType<typeof useConsole>
