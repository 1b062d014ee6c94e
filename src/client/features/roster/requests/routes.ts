import type { RouteRecordRaw } from 'vue-router'

// 调休、请假与换班 (篇2 4.2.6; issue 13 point 3): in the roster section; the page offers asking to those with
// 'roster.request' and answering to those with 'roster.approve' (checked again by the repository and the server).
// ?month=YYYY-MM (default: this month).
export const routes: RouteRecordRaw[] = [{ path: '/roster/requests', name: 'roster-requests', component: () => import('./pages/RosterRequestsPage.vue'), meta: { section: 'roster' } }]
