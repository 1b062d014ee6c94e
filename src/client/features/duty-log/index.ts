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
  // The printed log (issue 5 point 7): ?shift=<shiftKey> | ?date=YYYY-MM-DD | ?month=YYYY-MM.
  {
    path: '/print/duty-log',
    name: 'print-duty-log',
    component: () => import('./print/DutyLogPrint.vue'),
    meta: { section: 'dutyLog', layout: 'print' },
  },
]
