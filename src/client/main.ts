/**
 * Starts the tablet app: opens the local database, checks it was not wiped, restores the
 * session, then mounts. Works with no network from the first visit on (service worker).
 */
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { applyLocale, createAppI18n } from './modules/i18n'
import { createAppDb, DB_KEY } from './modules/db'
import { registerServiceWorker } from './modules/pwa'
import { requestPersistence } from './modules/storage'
import { toastsAsStatus } from './modules/vant'
import './styles.css'
import { useSessionStore } from './stores/session'
import { useUiStore } from './stores/ui'
import { checkInstall } from './db/device/install-marker'
import { loadLocalSite } from './db/site/site'
import { startSync, SYNC_KEY } from './modules/sync'
import { startContactRetention } from './modules/retention'

async function start(): Promise<void> {
  toastsAsStatus()
  const db = createAppDb()
  const pinia = createPinia()
  const i18n = createAppI18n()
  applyLocale(i18n, i18n.global.locale.value)
  const app = createApp(App)
  app.use(pinia).use(i18n).provide(DB_KEY, db)

  const install = await checkInstall(db, localStorage)
  const site = install.kind === 'ok' ? await loadLocalSite(db) : null
  useSessionStore(pinia).start(site, install, Date.now())

  const router = createAppRouter(pinia)
  app.use(router)
  const engine = startSync(db, pinia)
  app.provide(SYNC_KEY, engine)
  registerServiceWorker(useUiStore(pinia))
  void requestPersistence()
  await router.isReady()
  app.mount('#app')
  void engine.run()
  startContactRetention(db)
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
