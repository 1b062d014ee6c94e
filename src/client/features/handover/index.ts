import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [{ path: '/handover', name: 'handover', component: () => import('./pages/HandoverPage.vue'), meta: { section: 'handover' } }]
