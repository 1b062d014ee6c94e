import type { RouteRecordRaw } from 'vue-router'

/** The server console: reachable from any browser, whether or not this browser is a set-up tablet. */
export const routes: RouteRecordRaw[] = [
  { path: '/admin', name: 'console', component: () => import('./pages/ConsolePage.vue'), meta: { public: true, layout: 'bare', console: true } },
]
