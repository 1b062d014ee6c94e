/**
 * Starts the tablet app: opens the local database, checks it was not wiped, restores the
 * session, then mounts. Works with no network from the first visit on (service worker).
 * What the first screen does not need — the sync engine, the service worker's registration, the
 * contact-retention pass, every other screen and its texts — is loaded after it is painted (issue 17).
 */
import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { applyLocale, createAppI18n, loadTextsBeforeRoutes, savedLocale } from './modules/i18n'
import { createAppDb, DB_KEY } from './modules/db'
import { registerServiceWorker } from './modules/pwa'
import { requestPersistence } from './modules/storage'
import { toastsAsStatus } from './modules/vant'
import './styles.css'
import { useSessionStore } from './stores/session'
import { useUiStore } from './stores/ui'
import { checkInstall } from './db/device/install-marker'
import { loadLocalSite } from './db/site/site'
import { lazySyncEngine, SYNC_KEY } from './modules/sync'
import { startContactRetention } from './modules/retention'
import { yieldToBrowser } from './modules/yield'

/** After start, when the first screen is long done. */
const FACTS_FILL_DELAY = 20_000

/** Run `fn` once the browser has painted the mounted screen and has a moment (within 2 s). */
function afterFirstPaint(fn: () => void): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout: 2000 })
      else fn()
    }),
  )
}

async function start(): Promise<void> {
  // The scripts' evaluation, the database's schema and the first render each a task of their own.
  await yieldToBrowser()
  toastsAsStatus()
  const db = createAppDb()
  const pinia = createPinia()
  const locale = savedLocale()
  const i18n = createAppI18n(locale)
  const app = createApp(App)
  app.use(pinia).use(i18n).provide(DB_KEY, db)
  await yieldToBrowser()

  const [install] = await Promise.all([checkInstall(db, localStorage), applyLocale(i18n, locale, { all: locale !== 'zh-CN' })])
  const site = install.kind === 'ok' ? await loadLocalSite(db) : null
  const session = useSessionStore(pinia)
  session.start(site, install, Date.now())

  const router = createAppRouter(pinia)
  loadTextsBeforeRoutes(router, i18n)
  app.use(router)
  const syncEngine = lazySyncEngine(db, pinia)
  app.provide(SYNC_KEY, syncEngine)
  void requestPersistence()
  await router.isReady()
  await yieldToBrowser()
  app.mount('#app')
  afterFirstPaint(() => {
    void registerServiceWorker(useUiStore(pinia))
    // A tablet not set up has nothing to sync; enrolling starts the engine itself, setting up starts it here.
    watch(
      () => session.isSetUp,
      (setUp) => {
        if (setUp) void syncEngine().then((engine) => engine.run())
      },
      { immediate: true },
    )
    startContactRetention(db)
    // Requests stored before schema 16 get their statistics rows and the index's channel, once (FACTS_FILL),
    // a little later: its code is not the first screen's.
    setTimeout(() => {
      import('./db/statistics/statistics-input')
        .then(({ fillRequestFacts }) => fillRequestFacts(db))
        .catch((e: unknown) => console.warn('statistics rows not filled yet', e))
    }, FACTS_FILL_DELAY)
  })
}

start().catch((e: unknown) => {
  console.error(e)
  const root = document.getElementById('app')
  if (root) {
    root.innerHTML = ''
    const p = document.createElement('p')
    p.className = 'boot boot-error'
    p.textContent = '前台台账无法打开本机数据库。请关闭其他打开本应用的标签页后重试;如仍不行,请联系管理员。(Deskbook could not open its local database.)'
    root.append(p)
  }
})
