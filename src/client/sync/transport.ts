/**
 * How the sync engine reaches the server: a small request function, `fetch` in the browser and the
 * server's in-process `inject` in the simulation (tests/client/sync), so the same engine code runs in both.
 */
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol'

export interface TransportRequest {
  method: 'GET' | 'POST'
  path: string
  token?: string
  body?: unknown
  /** Further request headers (the server generation the tablet last caught up with). */
  headers?: Record<string, string>
}

export interface TransportResponse {
  status: number
  body: unknown
  /** The `Retry-After` header of a busy server's answer (429, 503), as sent. */
  retryAfter?: string
}

export type Transport = (req: TransportRequest) => Promise<TransportResponse>

/** Thrown by a transport when no answer came (offline, connection cut, timeout). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
}

export function fetchTransport(baseUrl = '', timeoutMs = 30_000): Transport {
  return async (req) => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const res = await fetch(`${baseUrl}${req.path}`, {
        method: req.method,
        headers: {
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...req.headers,
        },
        body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
        signal: controller.signal,
        cache: 'no-store',
      })
      const text = await res.text()
      let body: unknown = null
      try {
        body = text ? JSON.parse(text) : null
      } catch {
        body = { error: 'BadResponse', message: text.slice(0, 200) }
      }
      const retryAfter = res.headers.get('retry-after')
      return { status: res.status, body, ...(retryAfter !== null ? { retryAfter } : {}) }
    } catch (e) {
      throw new NetworkError(e instanceof Error ? e.message : String(e))
    } finally {
      clearTimeout(timer)
    }
  }
}
