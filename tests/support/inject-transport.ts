/**
 * The engine's transport over the real server in-process (Fastify inject): no sockets, same
 * routes, same database. Faults can be injected around each request.
 */
import type { FastifyInstance } from 'fastify'
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol'
import { NetworkError, type Transport, type TransportRequest } from '@client/sync/transport'

export interface Faults {
  /** The request never reaches the server. */
  dropRequest?: (req: TransportRequest) => boolean
  /** The server handles it but the answer is lost. */
  dropResponse?: (req: TransportRequest) => boolean
  /** Protocol version the client claims. */
  protocol?: number
}

export function injectTransport(app: () => FastifyInstance, faults: Faults = {}): Transport {
  return async (req) => {
    if (faults.dropRequest?.(req)) throw new NetworkError('request lost')
    const res = await app().inject({
      method: req.method,
      url: req.path,
      headers: {
        [PROTOCOL_HEADER]: String(faults.protocol ?? PROTOCOL_VERSION),
        ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
        ...req.headers,
      },
      ...(req.body !== undefined ? { payload: req.body as object } : {}),
    })
    if (faults.dropResponse?.(req)) throw new NetworkError('response lost')
    const retryAfter = res.headers['retry-after']
    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : null, ...(retryAfter !== undefined ? { retryAfter: String(retryAfter) } : {}) }
  }
}
