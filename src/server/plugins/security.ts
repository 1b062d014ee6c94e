/**
 * Security headers (helmet, with a CSP the built app runs under), per-route rate limits for
 * login and codes, and no CORS: the app and its API share one origin, so other origins get
 * nothing (docs/decisions.md).
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'

/** The per-route limit where a secret can be guessed: login, setup, one-time codes (per address). */
export const CODE_RATE_LIMIT = { max: 10, timeWindow: '1 minute' }

async function securityPlugin(app: FastifyInstance): Promise<void> {
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
  await app.register(rateLimit, { global: false })
}

export const security = fp(securityPlugin, { name: 'security' })
