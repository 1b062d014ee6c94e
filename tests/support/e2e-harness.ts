import { afterAll, beforeAll } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { launchBrowser } from './browser'
import { startServer, type RunningServer } from './app-server'

export interface Harness {
  readonly browser: Browser
  readonly server: RunningServer
  /** A landscape tablet-sized context in Chinese. */
  tablet(): Promise<BrowserContext>
}

/** The real server (own data folder) and Chromium for one test file, started once and stopped after. */
export function useE2eHarness(options: { staticDir?: () => string } = {}): Harness {
  let browser: Browser | undefined
  let server: RunningServer | undefined
  beforeAll(async () => {
    server = await startServer({ staticDir: options.staticDir?.() })
    browser = await launchBrowser()
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
    tablet() {
      return this.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    },
  }
}
