import type { RouteRecordRaw } from 'vue-router'
import { placeholderRoute } from '../../components/placeholder-route'

export const routes: RouteRecordRaw[] = [
  // The duty log itself comes with issue 5; the blank paper sheet is ready now.
  placeholderRoute('/duty-log', 'duty-log', 'dutyLog', '/print/duty-log-blank'),
  {
    path: '/print/duty-log-blank',
    name: 'print-duty-log-blank',
    component: () => import('./print/DutyLogBlankPrint.vue'),
    meta: { section: 'dutyLog', layout: 'print' },
  },
]
