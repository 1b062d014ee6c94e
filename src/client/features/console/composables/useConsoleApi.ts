/**
 * The company administrator's console talks to the server's admin API (online only: it manages
 * the server). The session token lives in sessionStorage: closing the browser logs out.
 */
import { ref, type Ref } from 'vue'
import type { DeadLetter, DepartmentSummary, DeviceSummary, QuarantineItem, SiteSummary } from '@shared/sync/admin-api'

const TOKEN_KEY = 'deskbook.console'

export type ConsoleSite = SiteSummary
export type ConsoleDevice = DeviceSummary
export type ConsoleDepartment = DepartmentSummary
export type ConsoleQuarantineItem = QuarantineItem

export type ConsoleLetter = DeadLetter

export class ConsoleError extends Error {}

export function useConsoleApi(): {
  token: Ref<string | null>
  call: <T>(method: 'GET' | 'POST', path: string, body?: unknown) => Promise<T>
  signIn: (token: string) => void
  signOut: () => Promise<void>
} {
  const token = ref<string | null>(sessionStorage.getItem(TOKEN_KEY))
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let res: Response
    try {
      res = await fetch(path, {
        method,
        headers: { ...(token.value ? { authorization: `Bearer ${token.value}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        cache: 'no-store',
      })
    } catch {
      throw new ConsoleError('无法连接服务器,请检查网络 (server unreachable)')
    }
    const data = (await res.json().catch(() => ({}))) as T & { message?: string }
    if (res.status === 401 && token.value) {
      token.value = null
      sessionStorage.removeItem(TOKEN_KEY)
    }
    if (!res.ok) throw new ConsoleError(data.message ?? `HTTP ${res.status}`)
    return data
  }
  return {
    token,
    call,
    signIn(t) {
      token.value = t
      sessionStorage.setItem(TOKEN_KEY, t)
    },
    async signOut() {
      await call('POST', '/api/admin/logout').catch(() => undefined)
      token.value = null
      sessionStorage.removeItem(TOKEN_KEY)
    },
  }
}
