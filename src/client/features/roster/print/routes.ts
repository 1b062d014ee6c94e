import type { RouteRecordRaw } from 'vue-router'

/** The printed 排班表 (issue 13 point 6): ?version=<id> or ?month=YYYY-MM (the version in force); the blank form ?month=. */
export const routes: RouteRecordRaw[] = [
  { path: '/print/roster', name: 'print-roster', component: () => import('./RosterPrint.vue'), meta: { section: 'roster', action: 'roster.read', layout: 'print' } },
  { path: '/print/roster-blank', name: 'print-roster-blank', component: () => import('./RosterBlankPrint.vue'), meta: { section: 'roster', action: 'roster.read', layout: 'print' } },
]
