/** Vant's icon font without its CDN fallback (issue 17): the inline woff2 stays, no public address is left. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { vantFontPlugin, withoutCdnFallback } from '../../../build/vant-font'

const VANT_ICON_CSS = path.resolve('node_modules/vant/es/icon/index.css')

describe('Vant’s icon font', () => {
  it('ships as its inline woff2 only: the at.alicdn.com fallback is taken out', () => {
    const css = fs.readFileSync(VANT_ICON_CSS, 'utf8')
    expect(css).toContain('at.alicdn.com')
    const out = withoutCdnFallback(css)
    // Booleans: the CSS is 60 KB, too long for a failure message.
    expect(/alicdn|https?:\/\/|url\(\/\//.test(out)).toBe(false)
    expect(/@font-face\{[^}]*font-family:vant-icon;[^}]*src:url\(data:font\/woff2;[^)]*base64,[^)]+\) format\("woff2"\)\}/.test(out)).toBe(true)
  })

  it('changes only Vant’s CSS', () => {
    const plugin = vantFontPlugin()
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null
    const css = 'src:url(data:font/woff2;base64,AA) format("woff2"),url(//at.alicdn.com/x.woff) format("woff")'
    expect(transform(css, '/app/node_modules/vant/es/icon/index.css')?.code).toBe('src:url(data:font/woff2;base64,AA) format("woff2")')
    expect(transform(css, '/app/src/client/styles.css')).toBeNull()
  })
})
