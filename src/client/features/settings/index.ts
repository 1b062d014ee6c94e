import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/settings', name: 'settings', component: () => import('./pages/SettingsPage.vue'), meta: { section: 'settings' } },
  {
    path: '/print/staff-list',
    name: 'print-staff-list',
    component: () => import('./print/StaffListPrint.vue'),
    meta: { section: 'settings', layout: 'print' },
  },
]
