/**
 * Vant's icon font (issue 17): without its CDN fallback, and out of the render-blocking CSS into a woff2 file
 * of its own — read from Vant's own CSS.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ResolvedConfig } from 'vite'
import { vantFontPlugin, withFontFile, withoutCdnFallback } from '../../../build/vant-font'
import { tempDirs } from '../../support/temp-dirs'

const VANT_ICON_CSS = path.resolve('node_modules/vant/es/icon/index.css')
const tmp = tempDirs('vant-font-')

describe('Vant’s icon font', () => {
  it('ships without the at.alicdn.com fallback', () => {
    const css = fs.readFileSync(VANT_ICON_CSS, 'utf8')
    expect(css).toContain('at.alicdn.com')
    const out = withoutCdnFallback(css)
    // Booleans: the CSS is 60 KB, too long for a failure message.
    expect(/alicdn|https?:\/\/|url\(\/\//.test(out)).toBe(false)
    expect(/@font-face\{[^}]*font-family:vant-icon;[^}]*src:url\(data:font\/woff2;[^)]*base64,[^)]+\) format\("woff2"\)\}/.test(out)).toBe(true)
  })

  it('is written out as a woff2 file the CSS names by a relative path, shown after at most a short wait', () => {
    const css = withoutCdnFallback(fs.readFileSync(VANT_ICON_CSS, 'utf8'))
    const inline = /base64,([A-Za-z0-9+/=]+)\)/.exec(css)![1]!
    const fontFile = path.join(tmp(), 'cache', 'deskbook', 'vant-icon.woff2')
    const out = withFontFile(css, VANT_ICON_CSS, fontFile)
    expect(fs.readFileSync(fontFile).equals(Buffer.from(inline, 'base64'))).toBe(true)
    expect(fs.readFileSync(fontFile).subarray(0, 4).toString('latin1')).toBe('wOF2')
    expect(out.includes('data:font')).toBe(false)
    const url = /@font-face\{[^}]*font-family:vant-icon;[^}]*src:url\(([^)]+)\) format\("woff2"\)\}/.exec(out)?.[1]
    expect(url).toBeDefined()
    expect(path.resolve(path.dirname(VANT_ICON_CSS), url!)).toBe(fontFile)
    expect(/@font-face\{[^}]*font-family:vant-icon;[^}]*font-display:fallback/.test(out)).toBe(true)
    // Its 25 KB left the CSS.
    expect(css.length - out.length).toBeGreaterThan(25_000)
  })

  it('changes only Vant’s CSS', () => {
    const plugin = vantFontPlugin()
    const cacheDir = tmp()
    ;(plugin.configResolved as (c: ResolvedConfig) => void)({ cacheDir } as ResolvedConfig)
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null
    const css = '@font-face{font-family:vant-icon;font-display:auto;src:url(data:font/woff2;base64,d09GMg==) format("woff2"),url(//at.alicdn.com/x.woff) format("woff")}'
    const id = path.join(cacheDir, 'node_modules/vant/es/icon/index.css')
    expect(transform(css, id)?.code).toBe('@font-face{font-family:vant-icon;font-display:fallback;src:url(../../../../deskbook/vant-icon.woff2) format("woff2")}')
    expect(fs.readFileSync(path.join(cacheDir, 'deskbook', 'vant-icon.woff2')).toString('latin1')).toBe('wOF2')
    expect(transform(css, '/app/src/client/styles.css')).toBeNull()
  })
})
