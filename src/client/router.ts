/**
 * Routes come from the features (each feature's index.ts); the guard sends a tablet that is
 * not set up to first-run setup, a locked or empty tablet to login, and a role away from
 * sections it may not use (the server refuses the same actions, issue 3).
 */
import { createRouter, createWebHistory, createMemoryHistory, type RouteRecordRaw, type Router } from 'vue-router'
import type { Pinia } from 'pinia'
import type { Action, Section } from '@shared/domain/role'
import { useSessionStore } from './stores/session'
import { routes as setupRoutes } from './features/setup'
import { routes as loginRoutes } from './features/login'
import { routes as todayRoutes } from './features/today'
import { routes as registerRoutes } from './features/register'
import { routes as dutyLogRoutes } from './features/duty-log'
import { routes as deskServicesRoutes } from './features/desk-services'
import { routes as handoverRoutes } from './features/handover'
import { routes as rosterRoutes } from './features/roster'
import { routes as inspectionRoutes } from './features/inspection'
import { routes as archiveRoutes } from './features/archive'
import { routes as statisticsRoutes } from './features/statistics'
import { routes as settingsRoutes } from './features/settings'
import { routes as consoleRoutes } from './features/console'

declare module 'vue-router' {
  interface RouteMeta {
    /** The navigation section the page belongs to; its role rule applies. */
    section?: Section
    /** What the role must also be allowed on this page of its section (e.g. recording an inspection). */
    action?: Action
    /** Reachable without logging in. */
    public?: boolean
    /** `shell` (navigation + status bar), `bare` (full screen) or `print` (A4 preview). */
    layout?: 'shell' | 'bare' | 'print'
    /** The server console: open whether or not this browser is a set-up tablet. */
    console?: boolean
  }
}

export const appRoutes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'today' } },
  ...setupRoutes,
  ...loginRoutes,
  ...todayRoutes,
  ...registerRoutes,
  ...dutyLogRoutes,
  ...deskServicesRoutes,
  ...handoverRoutes,
  ...rosterRoutes,
  ...inspectionRoutes,
  ...archiveRoutes,
  ...statisticsRoutes,
  ...settingsRoutes,
  ...consoleRoutes,
  { path: '/:rest(.*)*', redirect: { name: 'today' } },
]

export function createAppRouter(pinia: Pinia, memory = false): Router {
  const router = createRouter({ history: memory ? createMemoryHistory() : createWebHistory(), routes: appRoutes })
  router.beforeEach((to) => {
    const session = useSessionStore(pinia)
    if (to.meta.console) return true
    const firstRun = to.name === 'setup' || to.name === 'enrol'
    if (!session.isSetUp) return firstRun ? true : { name: 'setup' }
    if (firstRun) return { name: 'today' }
    if (to.meta.public) return true
    if (!session.isLoggedIn) return { name: 'login', query: { redirect: to.fullPath, ...(session.locked ? { locked: '1' } : {}) } }
    if (to.meta.section && !session.sections.includes(to.meta.section)) return { name: 'today', query: { denied: to.meta.section } }
    if (to.meta.action && !session.may(to.meta.action)) return { name: 'today', query: { denied: to.meta.section ?? 'today' } }
    return true
  })
  return router
}
