/**
 * Vant's icon font (issue 17). Vant ships it inline, as a woff2 data: URL in its icon CSS, with a fallback on
 * a public CDN (`//at.alicdn.com/…woff`).
 * - The fallback is a request an offline app must not make, and the CSP refuses it: it is taken out.
 * - Inline, the font's 25 KB sat in the render-blocking CSS of the first screen. It is written out as a woff2
 *   file, which the build emits as an asset and the service worker precaches. The first paint waits only for
 *   the CSS; the icons follow when the font arrives. The font is shown as `font-display: fallback`: text waits
 *   at most about 100 ms for it (the service worker's copy comes sooner), and a font that comes later still
 *   takes over, where `auto` hid text for up to 3 s.
 * tests/shared/build/vant-font.test.ts reads Vant's own CSS through both steps.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'

/** `, url(//at.alicdn.com/….woff?t=…) format("woff")` — the fallback after the inline woff2. */
export const CDN_FALLBACK = /,\s*url\((?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\(["']woff["']\)/g

/** The inline woff2: `url(data:font/woff2;charset=utf-8;base64,…)`. */
const INLINE_WOFF2 = /url\(data:font\/woff2;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\)/

export function withoutCdnFallback(css: string): string {
  return css.replace(CDN_FALLBACK, '')
}

/** The CSS of `cssFile` with its inline woff2 written to `fontFile` and named by a path relative to the CSS. */
export function withFontFile(css: string, cssFile: string, fontFile: string): string {
  const inline = INLINE_WOFF2.exec(css)
  if (!inline) return css
  const bytes = Buffer.from(inline[1]!, 'base64')
  fs.mkdirSync(path.dirname(fontFile), { recursive: true })
  if (!fs.existsSync(fontFile) || !fs.readFileSync(fontFile).equals(bytes)) fs.writeFileSync(fontFile, bytes)
  const relative = path.relative(path.dirname(cssFile), fontFile).split(path.sep).join('/')
  return css.replace(inline[0], `url(${relative.startsWith('.') ? relative : `./${relative}`})`).replace(/(font-family:vant-icon;[^}]*)font-display:auto/, '$1font-display:fallback')
}

export function vantFontPlugin(): Plugin {
  let fontFile = ''
  return {
    name: 'deskbook-vant-font',
    enforce: 'pre',
    configResolved(config) {
      fontFile = path.join(config.cacheDir, 'deskbook', 'vant-icon.woff2')
    },
    transform(code, id) {
      if (!/[\\/]vant[\\/].*\.css(\?|$)/.test(id) || !code.includes('alicdn')) return null
      return { code: withFontFile(withoutCdnFallback(code), id.split('?')[0]!, fontFile), map: null }
    },
  }
}
