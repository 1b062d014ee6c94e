/**
 * Server log options. Owners' names and phones must never reach the logs: requests are logged
 * by method and path only — no query string, no body, no headers.
 */
import type { FastifyServerOptions } from 'fastify'

interface LoggedRequest {
  method: string
  url: string
}

export function loggerOptions(level: string, stream?: { write(msg: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req(req: LoggedRequest) {
        return { method: req.method, path: req.url.split('?')[0] }
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode }
      },
    },
  }
}
