import type { RouteRecordRaw } from 'vue-router'

/** Attendance of a month per person (issue 13 point 5): ?month=YYYY-MM, this month when not given. */
export const routes: RouteRecordRaw[] = [
  { path: '/roster/attendance', name: 'roster-attendance', component: () => import('./RosterAttendancePage.vue'), meta: { section: 'roster', action: 'roster.read' } },
]
