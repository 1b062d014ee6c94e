/**
 * Serves the built client. Cache rules (issue 2 point 8): `index.html` and `sw.js` are never
 * cached, so a tablet always learns of a new version; hashed files under /assets are immutable;
 * everything else revalidates. Deep links get index.html (the service worker does the same offline). Text
 * files go brotli- or gzip-compressed where the build wrote them so (issue 17).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'

export const NEVER_CACHE = 'no-store, no-cache, must-revalidate'
export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

/** Files the build may have compressed (build/precompress.ts), and their compressed siblings. */
const COMPRESSED_KINDS = /\.(js|mjs|css|html|svg|json|webmanifest|txt|ico)(\.(br|gz))?$/

export function cacheControlFor(relativePath: string): string {
  // A precompressed sibling (`index.html.br`) is cached as the file it stands for.
  const file = relativePath.replace(/\\/g, '/').replace(/^\/+/, '').replace(/\.(br|gz)$/, '')
  if (file === 'index.html' || file === 'sw.js' || file.endsWith('.html')) return NEVER_CACHE
  if (file.startsWith('assets/')) return IMMUTABLE
  return REVALIDATE
}

async function staticAppPlugin(app: FastifyInstance, opts: { staticDir: string }): Promise<void> {
  const indexFile = path.join(opts.staticDir, 'index.html')
  if (!fs.existsSync(indexFile)) {
    app.log.warn(`no built client in ${opts.staticDir}: run "npm run build" (npm start does it)`)
    return
  }
  await app.register(fastifyStatic, {
    root: opts.staticDir,
    index: false,
    wildcard: true,
    serveDotFiles: false,
    cacheControl: false,
    // The build writes .br and .gz beside each text file (build/precompress.ts): sent to whoever accepts them.
    preCompressed: true,
    setHeaders(res, filePath) {
      res.setHeader('Cache-Control', cacheControlFor(path.relative(opts.staticDir, filePath)))
      if (COMPRESSED_KINDS.test(filePath)) res.setHeader('Vary', 'Accept-Encoding')
    },
  })
  app.get('/', (_req, reply) => reply.header('Cache-Control', NEVER_CACHE).sendFile('index.html'))
}

/** Registered without encapsulation so the not-found handler can send index.html. */
export const staticApp = fp(staticAppPlugin, { name: 'static-app' })

/** The answer for a path nothing else served: the app for page navigations, JSON 404 for the rest. */
export function isAppNavigation(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  if (url.startsWith('/api/') || url === '/api') return false
  const pathname = url.split('?')[0] ?? ''
  // A missing file with an extension (e.g. /assets/old.js) is a real 404, not a page.
  if (/\.[a-z0-9]+$/i.test(pathname)) return false
  return (accept ?? '').includes('text/html') || (accept ?? '') === '' || accept === '*/*'
}
