import type { RouteRecordRaw } from 'vue-router'

/**
 * Reports on quality inspections (issue 6 points 5–6): the printed 质量检查记录 and the monthly
 * appraisal. `/inspection/appraisal` is static, so it wins over the inspection feature's `/inspection/:id`.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/inspection/appraisal', name: 'inspection-appraisal', component: () => import('./pages/InspectionAppraisalPage.vue'), meta: { section: 'inspection', action: 'inspection.record' } },
  // ?id=<inspection> | ?month=YYYY-MM
  { path: '/print/inspection', name: 'print-inspection', component: () => import('./print/InspectionPrint.vue'), meta: { section: 'inspection', layout: 'print' } },
  { path: '/print/inspection-blank', name: 'print-inspection-blank', component: () => import('./print/InspectionBlankPrint.vue'), meta: { section: 'inspection', layout: 'print' } },
]
