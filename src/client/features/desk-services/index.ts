import type { RouteRecordRaw } from 'vue-router'

// The desk services log (篇1 3.4; 篇2 4.4.1 i; issue 5 point 6): part of the 值班记录 section.
export const routes: RouteRecordRaw[] = [
  { path: '/duty-log/services', name: 'desk-services', component: () => import('./pages/DeskServicesPage.vue'), meta: { section: 'dutyLog' } },
]
