import type { RouteRecordRaw } from 'vue-router'

// 统计 (issue 16): the site's figures for the supervisor, the manager and (read-only) the administrator —
// 'statistics.read'; the monthly report's print needs 'statistics.report'. Both load ECharts with their own
// chunk, never the first screen's.
export const routes: RouteRecordRaw[] = [
  { path: '/statistics', name: 'statistics', component: () => import('./pages/StatisticsPage.vue'), meta: { section: 'statistics' } },
  // ?month=YYYY-MM
  { path: '/print/statistics-report', name: 'print-statistics-report', component: () => import('./print/StatisticsReportPrint.vue'), meta: { section: 'statistics', action: 'statistics.report', layout: 'print' } },
]
