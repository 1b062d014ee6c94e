/**
 * The sync API as the tablet calls it. Every failure becomes a SyncError whose `kind` tells the
 * engine what to do and whose message key tells the clerk what happened, in plain Chinese.
 */
import type { Mutation } from '@shared/sync/mutation'
import {
  epochHeader,
  GENERATION_HEADER,
  type ConnectRequest,
  type CountsResponse,
  type EnrolRequest,
  type EnrolResponse,
  type PullResponse,
  type PushResponse,
  type ResendDoneResponse,
  type ResendResponse,
  type ResentRecord,
  type ServerEpochInfo,
} from '@shared/sync/protocol'
import { NetworkError, type Transport, type TransportResponse } from './transport'

export type SyncErrorKind = 'offline' | 'unauthorized' | 'revoked' | 'upgrade' | 'refused' | 'server' | 'restored'

export class SyncError extends Error {
  override readonly name = 'SyncError'
  constructor(
    readonly kind: SyncErrorKind,
    /** i18n key under `sync.errors.` */
    readonly messageKey: string,
    /** The server's own message, shown as detail (already in Chinese). */
    readonly detail: string = '',
    /** With `restored`: the server database the tablet must catch up with. */
    readonly server: ServerEpochInfo | null = null,
    /** A busy server's `Retry-After`: the engine waits at least this long before trying again. */
    readonly retryAfterMs = 0,
  ) {
    super(`${kind}: ${detail || messageKey}`)
  }
}

/** `Retry-After` in seconds (the form this server sends; a date form counts as none), capped at an hour. */
export function retryAfterMs(value: string | undefined): number {
  const seconds = value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : 0
  return Math.min(seconds, 3600) * 1000
}

function fail(res: TransportResponse): never {
  const body = (res.body ?? {}) as { error?: string; message?: string; server?: ServerEpochInfo }
  const detail = body.message ?? ''
  if (res.status === 409 && body.error === 'ServerRestored' && body.server) throw new SyncError('restored', 'sync.errors.restored', detail, body.server)
  if (res.status === 426) throw new SyncError('upgrade', 'sync.errors.upgrade', detail)
  if (res.status === 403 && body.error === 'DeviceRevoked') throw new SyncError('revoked', 'sync.errors.revoked', detail)
  if (res.status === 401) throw new SyncError('unauthorized', 'sync.errors.unauthorized', detail)
  // Too many requests, or every place at the server taken (its admission gate): wait what it asks.
  if (res.status === 429 || res.status === 503) throw new SyncError('server', 'sync.errors.busy', detail, null, retryAfterMs(res.retryAfter))
  if (res.status >= 400 && res.status < 500) throw new SyncError('refused', 'sync.errors.refused', detail)
  throw new SyncError('server', 'sync.errors.server', detail)
}

export class SyncApi {
  constructor(private readonly transport: Transport) {}

  private async call<T>(method: 'GET' | 'POST', path: string, token?: string, body?: unknown, epoch?: ServerEpochInfo | null): Promise<T> {
    let res: TransportResponse
    const headers = epoch ? { [GENERATION_HEADER]: epochHeader(epoch) } : undefined
    try {
      res = await this.transport({ method, path, token, body, headers })
    } catch (e) {
      if (e instanceof NetworkError) throw new SyncError('offline', 'sync.errors.offline', e.message)
      throw e
    }
    if (res.status !== 200) fail(res)
    return res.body as T
  }

  /** `epoch`: the server database the tablet last caught up with; another one answers `restored`. */
  push(token: string, mutations: Mutation[], epoch?: ServerEpochInfo | null): Promise<PushResponse> {
    return this.call('POST', '/api/sync/push', token, { mutations }, epoch)
  }

  pull(token: string, cursor: number, limit: number, epoch?: ServerEpochInfo | null): Promise<PullResponse> {
    return this.call('GET', `/api/sync/pull?cursor=${cursor}&limit=${limit}`, token, undefined, epoch)
  }

  counts(token: string): Promise<CountsResponse> {
    return this.call('GET', '/api/sync/counts', token)
  }

  resend(token: string, records: ResentRecord[]): Promise<ResendResponse> {
    return this.call('POST', '/api/sync/resend', token, { records })
  }

  resendDone(token: string, generation: string): Promise<ResendDoneResponse> {
    return this.call('POST', '/api/sync/resend/done', token, { generation })
  }

  enrol(code: string, name: string, rejoin?: EnrolRequest['rejoin']): Promise<EnrolResponse> {
    return this.call('POST', '/api/devices/enrol', undefined, { code, name, ...(rejoin ? { rejoin } : {}) })
  }

  connect(req: ConnectRequest): Promise<EnrolResponse> {
    return this.call('POST', '/api/devices/connect', undefined, req)
  }
}
