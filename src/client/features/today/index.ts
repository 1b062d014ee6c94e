import type { RouteRecordRaw } from 'vue-router'

// Lazy like every page (issue 17): the first screen a tablet opens is setup or login, not this one.
export const routes: RouteRecordRaw[] = [{ path: '/today', name: 'today', component: () => import('./pages/TodayPage.vue'), meta: { section: 'today' } }]
