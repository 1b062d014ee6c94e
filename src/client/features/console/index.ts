import type { RouteRecordRaw } from 'vue-router'

/** The server console: reachable from any browser, whether or not this browser is a set-up tablet. */
export const routes: RouteRecordRaw[] = [
  { path: '/admin', name: 'console', component: () => import('./pages/ConsolePage.vue'), meta: { public: true, layout: 'bare', console: true } },
  // 公司统计 (issue 16 point 4): every site side by side; its charts load only here.
  { path: '/admin/statistics', name: 'console-statistics', component: () => import('./pages/ConsoleStatisticsPage.vue'), meta: { public: true, layout: 'bare', console: true } },
  // An owner's records to print to PDF for them (issue 14 point 4); who the owner is never goes in the address.
  { path: '/admin/print/owner', name: 'console-owner-print', component: () => import('./pages/ConsoleOwnerPrintPage.vue'), meta: { public: true, layout: 'print', console: true } },
]
