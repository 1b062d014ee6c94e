/**
 * Brotli and gzip siblings of the built client's text files (issue 17: the server compressed nothing, ~465 KiB
 * of text on a phone link), written once at build time and served by @fastify/static's `preCompressed`
 * (src/server/plugins/static-app.ts) — no compression work per request. Brotli at quality 10: within 2% of
 * 11 at under half its time (the build grew ~2 s). Runs after vite-plugin-pwa has
 * written sw.js (a sequential, post-ordered closeBundle). Files under 1 KiB are left as they are.
 */
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|ico)$/
const MIN_BYTES = 1024

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

/** Write `<file>.br` and `<file>.gz` beside each compressible file of `dir`; the bytes saved. */
export async function precompress(dir: string): Promise<{ files: number; before: number; brotli: number }> {
  let before = 0
  let br = 0
  let files = 0
  for (const file of filesUnder(dir).filter((f) => COMPRESSIBLE.test(f))) {
    const data = fs.readFileSync(file)
    if (data.length < MIN_BYTES) continue
    const [b, g] = await Promise.all([
      brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      gzip(data, { level: 9 }),
    ])
    fs.writeFileSync(`${file}.br`, b)
    fs.writeFileSync(`${file}.gz`, g)
    files++
    before += data.length
    br += b.length
  }
  return { files, before, brotli: br }
}

export function precompressPlugin(): Plugin {
  let outDir = ''
  return {
    name: 'deskbook-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        await precompress(outDir)
      },
    },
  }
}
