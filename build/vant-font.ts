/**
 * Vant's icon font is shipped inline (a woff2 data: URL) but its @font-face also names a fallback on a public
 * CDN (`//at.alicdn.com/…woff`): a request an offline app must not make and the CSP refuses (issue 17).
 * Every browser the tablets run reads the inline woff2, so the fallback is taken out of Vant's CSS as it is
 * loaded (tests/shared/build/vant-font.test.ts reads Vant's own CSS through it).
 */
import type { Plugin } from 'vite'

/** `, url(//at.alicdn.com/….woff?t=…) format("woff")` — the fallback after the inline woff2. */
export const CDN_FALLBACK = /,\s*url\((?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\(["']woff["']\)/g

export function withoutCdnFallback(css: string): string {
  return css.replace(CDN_FALLBACK, '')
}

export function vantFontPlugin(): Plugin {
  return {
    name: 'deskbook-vant-font',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vant[\\/].*\.css(\?|$)/.test(id) || !code.includes('alicdn')) return null
      return { code: withoutCdnFallback(code), map: null }
    },
  }
}
