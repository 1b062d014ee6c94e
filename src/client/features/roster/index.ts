import type { RouteRecordRaw } from 'vue-router'
import { routes as requestRoutes } from './requests/routes'
import { routes as attendanceRoutes } from './attendance/routes'
import { routes as printRoutes } from './print/routes'

// The monthly roster 排班表 (篇2 4.1; issue 13): `/roster?month=YYYY-MM`. Everyone with the section reads it;
// the page offers painting to 'roster.draft' and each step of the cycle to the role that takes it. Its parts
// (leave and swap requests, attendance, the print) bring their own routes.
export const routes: RouteRecordRaw[] = [{ path: '/roster', name: 'roster', component: () => import('./pages/RosterPage.vue'), meta: { section: 'roster' } }, ...requestRoutes, ...attendanceRoutes, ...printRoutes]
