import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { launchBrowser } from './browser'
import { startServer, type RunningServer } from './app-server'
import { MISSING_TEXT_PREFIX } from '@client/locales/missing-text'

export interface Harness {
  readonly browser: Browser
  readonly server: RunningServer
  /** A landscape tablet-sized context in Chinese. */
  tablet(): Promise<BrowserContext>
}

/** The real server (own data folder) and Chromium for one test file, started once and stopped after. */
export function useE2eHarness(options: { staticDir?: () => string; env?: () => Record<string, string> } = {}): Harness {
  let browser: Browser | undefined
  let server: RunningServer | undefined
  /** Texts the app reported missing in any page of the tablets (issue 10 point 7): each fails its test. */
  const missingTexts: string[] = []
  beforeAll(async () => {
    server = await startServer({ staticDir: options.staticDir?.(), ...(options.env ? { env: options.env() } : {}) })
    browser = await launchBrowser()
  })
  afterEach(() => {
    const missing = missingTexts.splice(0)
    expect(missing, 'texts missing from the locales (a raw key reached the screen)').toEqual([])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  return {
    get browser() {
      if (!browser) throw new Error('browser not started')
      return browser
    },
    get server() {
      if (!server) throw new Error('server not started')
      return server
    },
    async tablet() {
      const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
      context.on('console', (msg) => {
        if (msg.text().startsWith(MISSING_TEXT_PREFIX)) missingTexts.push(`${msg.text()} at ${msg.page()?.url() ?? '?'}`)
      })
      return context
    },
  }
}
