/**
 * The sync API as the tablet calls it. Every failure becomes a SyncError whose `kind` tells the
 * engine what to do and whose message key tells the clerk what happened, in plain Chinese.
 */
import type { Mutation } from '@shared/sync/mutation'
import type { ConnectRequest, CountsResponse, EnrolResponse, PullResponse, PushResponse } from '@shared/sync/protocol'
import { NetworkError, type Transport, type TransportResponse } from './transport'

export type SyncErrorKind = 'offline' | 'unauthorized' | 'revoked' | 'upgrade' | 'refused' | 'server'

export class SyncError extends Error {
  override readonly name = 'SyncError'
  constructor(
    readonly kind: SyncErrorKind,
    /** i18n key under `sync.errors.` */
    readonly messageKey: string,
    /** The server's own message, shown as detail (already in Chinese). */
    readonly detail: string = '',
  ) {
    super(`${kind}: ${detail || messageKey}`)
  }
}

function fail(res: TransportResponse): never {
  const body = (res.body ?? {}) as { error?: string; message?: string }
  const detail = body.message ?? ''
  if (res.status === 426) throw new SyncError('upgrade', 'sync.errors.upgrade', detail)
  if (res.status === 403 && body.error === 'DeviceRevoked') throw new SyncError('revoked', 'sync.errors.revoked', detail)
  if (res.status === 401) throw new SyncError('unauthorized', 'sync.errors.unauthorized', detail)
  if (res.status === 429) throw new SyncError('server', 'sync.errors.busy', detail)
  if (res.status >= 400 && res.status < 500) throw new SyncError('refused', 'sync.errors.refused', detail)
  throw new SyncError('server', 'sync.errors.server', detail)
}

export class SyncApi {
  constructor(private readonly transport: Transport) {}

  private async call<T>(method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<T> {
    let res: TransportResponse
    try {
      res = await this.transport({ method, path, token, body })
    } catch (e) {
      if (e instanceof NetworkError) throw new SyncError('offline', 'sync.errors.offline', e.message)
      throw e
    }
    if (res.status !== 200) fail(res)
    return res.body as T
  }

  push(token: string, mutations: Mutation[]): Promise<PushResponse> {
    return this.call('POST', '/api/sync/push', token, { mutations })
  }

  pull(token: string, cursor: number, limit: number): Promise<PullResponse> {
    return this.call('GET', `/api/sync/pull?cursor=${cursor}&limit=${limit}`, token)
  }

  counts(token: string): Promise<CountsResponse> {
    return this.call('GET', '/api/sync/counts', token)
  }

  enrol(code: string, name: string): Promise<EnrolResponse> {
    return this.call('POST', '/api/devices/enrol', undefined, { code, name })
  }

  connect(req: ConnectRequest): Promise<EnrolResponse> {
    return this.call('POST', '/api/devices/connect', undefined, req)
  }
}
