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

export type ConsoleMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** Runs a console action: null when it worked, the message for a person when the server or the network refused. */
export async function attempt(fn: () => Promise<void>): Promise<string | null> {
  try {
    await fn()
    return null
  } catch (e) {
    if (e instanceof ConsoleError) return e.message
    throw e
  }
}

/** A file the server answered with: its bytes and the name it suggests (Content-Disposition). */
export interface ConsoleFile {
  bytes: Uint8Array
  name: string
}

/** `filename*=UTF-8''…` of a Content-Disposition header (the site's name is Chinese), else `filename="…"`. */
export function suggestedName(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1]
  if (encoded) {
    try {
      return decodeURIComponent(encoded)
    } catch {
      // A malformed name: the plain one below.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback
}

export function useConsoleApi(): {
  token: Ref<string | null>
  call: <T>(method: ConsoleMethod, path: string, body?: unknown) => Promise<T>
  /** With a body it is POSTed: what names an owner never goes in a URL. */
  download: (path: string, fallbackName: string, body?: unknown) => Promise<ConsoleFile>
  signIn: (token: string) => void
  signOut: () => Promise<void>
} {
  const token = ref<string | null>(sessionStorage.getItem(TOKEN_KEY))
  /** The answer when it is a success; a ConsoleError with the server's message otherwise. */
  async function send(method: ConsoleMethod, path: string, body?: unknown): Promise<Response> {
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
    if (res.status === 401 && token.value) {
      token.value = null
      sessionStorage.removeItem(TOKEN_KEY)
    }
    if (!res.ok) {
      const data = (await res.json().catch(() => ({}))) as { message?: string }
      throw new ConsoleError(data.message ?? `HTTP ${res.status}`)
    }
    return res
  }
  async function call<T>(method: ConsoleMethod, path: string, body?: unknown): Promise<T> {
    const res = await send(method, path, body)
    return (await res.json().catch(() => ({}))) as T
  }
  async function download(path: string, fallbackName: string, body?: unknown): Promise<ConsoleFile> {
    const res = await send(body === undefined ? 'GET' : 'POST', path, body)
    return { bytes: new Uint8Array(await res.arrayBuffer()), name: suggestedName(res.headers.get('content-disposition'), fallbackName) }
  }
  return {
    token,
    call,
    download,
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
