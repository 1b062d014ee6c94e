import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/duty-log', name: 'duty-log', component: () => import('./pages/DutyLogPage.vue'), meta: { section: 'dutyLog' } },
  { path: '/duty-log/reviews', name: 'duty-log-reviews', component: () => import('./pages/DutyLogReviewsPage.vue'), meta: { section: 'dutyLog' } },
  {
    path: '/print/duty-log-blank',
    name: 'print-duty-log-blank',
    component: () => import('./print/DutyLogBlankPrint.vue'),
    meta: { section: 'dutyLog', layout: 'print' },
  },
]
