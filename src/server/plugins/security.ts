/**
 * Security headers (helmet, with a CSP the built app runs under), per-route rate limits for
 * login and codes, and no CORS: the app and its API share one origin, so other origins get
 * nothing (docs/decisions.md). The rate limits count in the database, so N server processes on
 * one database allow the same attempts as one (issue 12 point 3).
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { ServerDb } from '../db/connection'
import { countHit, sweepRateLimits } from '../repositories/rate-limits'

/** The per-route limit where a secret can be guessed: login, setup, one-time codes (per address). */
export const CODE_RATE_LIMIT = { max: 10, timeWindow: '1 minute' }

/** @fastify/rate-limit's store over the `rate_limits` table; each route counts under its own prefix. */
function databaseStore(db: ServerDb, now: () => number): FastifyRateLimitStoreCtor {
  const store = (prefix: string): FastifyRateLimitStore => ({
    incr(key, callback, timeWindow?: number) {
      const at = now()
      countHit(db.kysely, `${prefix}${key}`, timeWindow ?? 60_000, at)
        .then(async (hits) => {
          // A new window is rare (once a minute per address at most): the moment to forget ended ones.
          if (hits.hits === 1) await sweepRateLimits(db.kysely, at)
          callback(null, { current: hits.hits, ttl: Math.max(0, hits.resetAt - at) })
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))))
    },
    // The plugin hands the route as `routeInfo` (its own Redis store reads it there; the types lag).
    child: (params) => {
      const { method, url } = (params as unknown as { routeInfo: { method: string | string[]; url: string } }).routeInfo
      return store(`${prefix}${String(method)}${url}-`)
    },
  })
  // The plugin calls `new Store(options)`: a constructor returning the store object.
  return function DatabaseStore() {
    return store('')
  } as unknown as FastifyRateLimitStoreCtor
}

async function securityPlugin(app: FastifyInstance, opts: { db: ServerDb; now: () => number }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Vue and Vant set style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Sites often serve the app over plain HTTP on the office LAN: no HSTS by default.
    hsts: false,
    crossOriginEmbedderPolicy: false,
  })
  await app.register(rateLimit, { global: false, store: databaseStore(opts.db, opts.now) })
}

export const security = fp(securityPlugin, { name: 'security' })
